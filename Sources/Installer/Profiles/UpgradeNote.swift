import EmbeddedData

/// What to do before an upgrade crosses a chart major version (`upgrade-notes.yaml`).
public struct UpgradeNote: Equatable, Sendable {
    /// Stable name, for messages and remembered confirmations.
    public let id: String
    /// The major version before the boundary.
    public let from: Int
    /// The major version after the boundary.
    public let to: Int
    /// Commands to run first, as argv arrays with `{namespace}` and `{release}` placeholders.
    public let steps: [[String]]
    /// Whether a step can lose data, so the person must confirm.
    public let destructive: Bool
    /// The chart's upgrade-notes section, if any.
    public let doc: String?
    /// What changed and why the steps are needed.
    public let explanation: String

    /// The file, relative to `profiles/`.
    public static let file = "upgrade-notes.yaml"

    init(_ node: ProfileNode) throws {
        try node.rejectUnknownKeys(["id", "from", "to", "steps", "destructive", "doc", "explanation"])
        id = try node.child("id").string()
        from = try node.child("from").int()
        to = try node.child("to").int()
        guard to > from else { throw try node.child("to").error("must be greater than from (\(from))") }
        // An empty list is written `steps: []`; absent means none as well.
        steps = try node.optionalChild("steps")?.list().map { step in
            let argv = try step.stringList()
            guard let first = argv.first, ["kubectl", "helm"].contains(first) else {
                throw step.error("a step must run kubectl or helm, as an argv list")
            }
            return argv
        } ?? []
        destructive = try node.child("destructive").bool()
        doc = try node.optionalChild("doc")?.string()
        explanation = try node.child("explanation").string()
    }

    /// Whether the note applies when upgrading from major `installed` to major `target`.
    public func applies(installedMajor installed: Int, targetMajor target: Int) -> Bool {
        installed <= from && target >= to
    }

    /// The steps with the install's namespace and release name filled in.
    public func commands(namespace: String, release: String) -> [[String]] {
        steps.map { argv in
            argv.map {
                $0.replacing("{namespace}", with: namespace).replacing("{release}", with: release)
            }
        }
    }

    /// Every note of `upgrade-notes.yaml`, in file order.
    public static func all(file read: (String) -> String? = EmbeddedFiles.file) throws -> [UpgradeNote] {
        guard let text = read(file) else { throw ProfileError(file: file, key: "", message: "missing") }
        let root = try ProfileNode.parse(text, file: file)
        try root.rejectUnknownKeys(["notes"])
        let notes = try root.child("notes").list().map(UpgradeNote.init)
        var seen: Set<String> = []
        for (index, note) in notes.enumerated() where !seen.insert(note.id).inserted {
            throw ProfileError(file: file, key: "notes[\(index)].id", message: "\"\(note.id)\" is used twice")
        }
        return notes
    }

    /// The notes for an upgrade from major `installed` to major `target`, in order.
    public static func notes(from installed: Int, to target: Int, in all: [UpgradeNote]) -> [UpgradeNote] {
        all.filter { $0.applies(installedMajor: installed, targetMajor: target) }
    }
}
