/// One error of the schema library's report: where (instance location), what, and the
/// nested causes (`'anyOf' failed` lists why each branch failed).
public struct SchemaViolation: Equatable, Sendable {
    /// What produced the error, which decides how the report shows it.
    public enum Kind: Equatable, Sendable {
        /// A keyword failed.
        case keyword
        /// Several errors of one schema ("validation failed").
        case group
        /// A `$ref` whose target failed; hidden in the report when it has a single cause.
        case reference
    }

    /// Instance location tokens (`["image", "tag"]`).
    public let location: [String]
    /// The message.
    public let message: String
    /// Nested errors.
    public let causes: [SchemaViolation]
    /// What produced the error.
    public let kind: Kind

    /// Creates an error.
    public init(location: [String], message: String, causes: [SchemaViolation] = [], kind: Kind = .keyword) {
        self.location = location
        self.message = message
        self.causes = causes
        self.kind = kind
    }

    /// JSON pointer of the offending value (`/image/tag`; empty for the root).
    public var pointer: String {
        location.map { "/" + $0.replacingAll("~", with: "~0").replacingAll("/", with: "~1") }.joined()
    }

    /// The report lines for this error, indented by depth as the library prints them.
    func lines(indent: Int, into out: inout [String]) {
        var childIndent = indent
        if !(kind == .reference && causes.count == 1) {
            out.append(String(repeating: "  ", count: indent) + "- at \(SchemaQuote.single(pointer)): \(message)")
            childIndent += 1
        }
        for cause in causes { cause.lines(indent: childIndent, into: &out) }
    }
}
