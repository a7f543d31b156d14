import Kube
import YAML

/// Answers → values.yaml text. A new file gets a short header and the wanted values; an
/// existing file is edited in place, so keys the wizard does not manage, comments and order
/// stay as the person left them. Generated passwords already in the file are kept.
public enum ValuesGeneration {
    /// What to generate from.
    public struct Input: Sendable {
        /// The profile set for the chart version.
        public var profile: ProfileSet
        /// The answers.
        public var sheet: AnswerSheet
        /// The current values.yaml text, nil when there is none yet.
        public var existing: String?
        /// The file name, for messages.
        public var file: String
        /// The answers the current file was written from (answers.yaml), so values that only
        /// they wanted can be taken out again.
        public var previousSheet: AnswerSheet?

        /// Creates the input.
        public init(profile: ProfileSet, sheet: AnswerSheet, existing: String?, file: String, previousSheet: AnswerSheet? = nil) {
            self.profile = profile
            self.sheet = sheet
            self.existing = existing
            self.file = file
            self.previousSheet = previousSheet
        }
    }

    /// The result: the new text and what changed.
    public struct Output: Equatable, Sendable {
        /// The values.yaml text to write.
        public let text: String
        /// The differences from the previous file, in file order.
        public let changes: [ValueChange]
        /// Whether the text equals the existing file.
        public let unchanged: Bool
        /// Whether there was no file before.
        public let isNewFile: Bool
    }

    /// Generates the values text; `secrets` provides new passwords where none are stored yet.
    public static func generate(_ input: Input, secrets: any SecretSource) throws -> Output {
        let profile = input.profile
        var desired = try DesiredValues.values(profile: profile, sheet: input.sheet)
        let original = try input.existing.map { try YAML.parse($0, file: input.file) } ?? .null
        if original != .null, case .mapping = original {} else if original != .null {
            throw YAMLError(file: input.file, line: 1, column: 1,
                            message: "the top level is not a mapping of keys, so it is not a values file")
        }
        var editor = try YAMLEditor(text: input.existing ?? header(profile: profile, sheet: input.sheet), file: input.file)
        var changes = try RenamedKeyMigration.apply(profile.renamedKeys, to: &editor)
        var current = try YAML.parse(editor.text, file: input.file)
        let secretPaths = DesiredValues.secretPaths(profile: profile)

        for secret in profile.chart.generatedSecrets {
            if let stored = current.value(at: secret.path), stored.isUsableSecret {
                desired = desired.overlaid(with: DesiredValues.nested(secret.path, stored))
            } else {
                desired = desired.overlaid(with: DesiredValues.nested(secret.path, .string(secrets.secret(length: secret.length))))
            }
            for flag in secret.enables { desired = desired.overlaid(with: DesiredValues.nested(flag, .bool(true))) }
        }

        for path in desired.leafPaths where !path.isEmpty {
            guard let wanted = desired.value(at: path) else { continue }
            let stored = current.value(at: path)
            if stored == wanted { continue }
            let secret = secretPaths.contains(path)
            if case .mapping(let map) = wanted, map.isEmpty, case .mapping? = stored { continue }
            if let keep = VolumeSizeRule.keepLarger(stored: stored, wanted: wanted, path: path) {
                changes.append(ValueChange(kind: .kept, path: path, old: ValueChange.display(stored, secret: false), new: nil, note: keep))
                continue
            }
            try editor.set(path, to: wanted)
            changes.append(ValueChange(kind: stored == nil ? .added : .changed, path: path,
                                       old: ValueChange.display(stored, secret: secret),
                                       new: ValueChange.display(wanted, secret: secret)))
        }
        current = try YAML.parse(editor.text, file: input.file)

        if let previousSheet = input.previousSheet, let before = try? DesiredValues.values(profile: profile, sheet: previousSheet) {
            let managed = DesiredValues.managedPaths(profile: profile)
            for path in before.leafPaths where !path.isEmpty && desired.value(at: path) == nil && managed.contains(path) {
                guard let stored = current.value(at: path) else { continue }
                let secret = secretPaths.contains(path)
                if stored == before.value(at: path) {
                    try editor.remove(path)
                    try removeEmptyParents(of: path, editor: &editor, original: original)
                    changes.append(ValueChange(kind: .removed, path: path, old: ValueChange.display(stored, secret: secret), new: nil))
                } else {
                    changes.append(ValueChange(kind: .kept, path: path, old: ValueChange.display(stored, secret: secret), new: nil,
                                               note: "changed by hand, so left as it is although the new answers do not need it"))
                }
            }
        }
        return Output(text: editor.text, changes: changes, unchanged: editor.text == input.existing, isNewFile: input.existing == nil)
    }

    /// After removing `path`, removes parents left empty that were not empty before, so the
    /// file does not end up with a bare `annotations:` (null would erase the chart's default).
    private static func removeEmptyParents(of path: [String], editor: inout YAMLEditor, original: YAMLValue) throws {
        var parent = Array(path.dropLast())
        while !parent.isEmpty {
            let now = try YAML.parse(editor.text, file: editor.file).value(at: parent)
            let isEmpty = now == .null || now == .mapping(YAMLMapping())
            let wasEmpty = original.value(at: parent).map { $0 == .null || $0 == .mapping(YAMLMapping()) } ?? false
            guard isEmpty, !wasEmpty else { return }
            try editor.remove(parent)
            parent.removeLast()
        }
    }

    /// The comment a new values.yaml starts with.
    static func header(profile: ProfileSet, sheet: AnswerSheet) -> String {
        let version = sheet.answers["chart-version"] ?? profile.chart.defaultVersion
        return """
        # Values for the PostHog Helm chart \(version), written by posthog-install.
        # Keep this file: every upgrade needs it. The generated passwords below must stay the
        # same, or PostHog loses access to its databases. posthog-install changes only the
        # keys it manages and keeps your own keys and comments. Readable only by you (0600).

        """
    }
}

extension YAMLValue {
    /// A stored password worth keeping: a non-empty string or number.
    var isUsableSecret: Bool {
        switch self {
        case .string(let text): return !text.isEmpty
        case .int, .float: return true
        default: return false
        }
    }
}
