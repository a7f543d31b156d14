/// A value key an older chart used and this chart range rejects (`renamed-keys.yaml`).
public struct RenamedKey: Equatable, Sendable {
    /// The old key path.
    public let old: [String]
    /// Where its value moves; nil when the key was removed.
    public let new: [String]?
    /// The first chart version without the old key.
    public let since: String
    /// The upgrade-notes section the chart's message links to, if any.
    public let doc: String?
    /// What to tell the person.
    public let note: String
    /// The chart still accepts the old key while it holds exactly this value.
    public let unlessValue: String?

    init(_ node: ProfileNode) throws {
        try node.rejectUnknownKeys(["old", "new", "since", "doc", "note", "unlessValue"])
        old = ValuePath.split(try node.child("old").string())
        new = try node.optionalChild("new").map { ValuePath.split(try $0.string()) }
        since = try node.child("since").scalarText()
        doc = try node.optionalChild("doc")?.string()
        note = try node.child("note").string()
        unlessValue = try node.optionalChild("unlessValue")?.string()
    }

    /// Reads the `renamed` list of a `renamed-keys.yaml` text.
    static func list(_ text: String, file: String) throws -> [RenamedKey] {
        let root = try ProfileNode.parse(text, file: file)
        try root.rejectUnknownKeys(["renamed"])
        return try root.child("renamed").list().map(RenamedKey.init)
    }
}
