import YAML

/// One difference between the values.yaml on disk and the one written, for the summary.
public struct ValueChange: Equatable, Sendable {
    /// What happened to the key.
    public enum Kind: String, Equatable, Sendable {
        /// A key that was not there.
        case added
        /// A key whose value changed.
        case changed
        /// A key the wizard wrote earlier and no longer wants.
        case removed
        /// A key moved from its old name to its new one (renamed by the chart).
        case migrated
        /// A key the wizard would change but keeps as the person set it, with the reason.
        case kept
    }

    /// The kind of change.
    public let kind: Kind
    /// The key path.
    public let path: [String]
    /// The value before (masked when secret), nil when absent.
    public let old: String?
    /// The value after (masked when secret), nil when removed.
    public let new: String?
    /// Why, for `migrated` and `kept`.
    public let note: String?

    /// Creates a change.
    public init(kind: Kind, path: [String], old: String?, new: String?, note: String? = nil) {
        self.kind = kind
        self.path = path
        self.old = old
        self.new = new
        self.note = note
    }

    /// One line for the summary: `+ ingress.hostname: posthog.example.com`.
    public var line: String {
        let key = ValuePath.join(path)
        switch kind {
        case .added: return "+ \(key): \(new ?? "")"
        case .changed: return "~ \(key): \(old ?? "") → \(new ?? "")"
        case .removed: return "- \(key) (was \(old ?? ""))"
        case .migrated: return "> \(key)\(note.map { ": \($0)" } ?? "")"
        case .kept: return "= \(key): \(old ?? "")\(note.map { " (\($0))" } ?? "")"
        }
    }

    /// A value as the summary shows it: scalars as text, lists and maps in flow style, secrets masked.
    static func display(_ value: YAMLValue?, secret: Bool) -> String? {
        guard let value else { return nil }
        if secret { return "•••••• (secret)" }
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .float(let number): return String(number)
        case .string(let text):
            // Quote text that would read back as something else (`"true"`, `"8000"`, `""`).
            return ScalarResolver.resolve(text) == .string && !text.isEmpty ? text : "\"\(text)\""
        case .sequence(let items): return "[" + items.map { display($0, secret: false) ?? "" }.joined(separator: ", ") + "]"
        case .mapping(let mapping):
            return "{" + mapping.entries.map { "\($0.key): \(display($0.value, secret: false) ?? "")" }.joined(separator: ", ") + "}"
        }
    }
}
