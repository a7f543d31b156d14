/// A group of questions the wizard asks together; optional ones can be skipped whole.
public struct QuestionSection: Equatable, Sendable {
    /// The section's name, referenced by questions.
    public let id: String
    /// Its heading.
    public let title: String
    /// Whether the person may skip the section.
    public let optional: Bool
    /// Why one would fill it in.
    public let help: String?

    init(_ node: ProfileNode) throws {
        try node.rejectUnknownKeys(["id", "title", "optional", "help"])
        id = try node.child("id").string()
        title = try node.child("title").string()
        optional = try node.optionalChild("optional")?.bool() ?? false
        help = try node.optionalChild("help")?.string()
    }
}
