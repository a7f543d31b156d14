/// A secret the tool generates once and keeps in values.yaml (from `chart.yaml`).
public struct GeneratedSecret: Equatable, Sendable {
    /// Where the secret goes, as keys.
    public let path: [String]
    /// How many characters to generate.
    public let length: Int
    /// Boolean values set to true alongside, without which the secret has no effect.
    public let enables: [[String]]

    init(_ node: ProfileNode) throws {
        try node.rejectUnknownKeys(["path", "length", "enables"])
        path = ValuePath.split(try node.child("path").string())
        length = try node.child("length").int()
        guard length >= 16 else { throw try node.child("length").error("must be at least 16 characters") }
        enables = try node.optionalChild("enables")?.stringList().map(ValuePath.split) ?? []
    }
}
