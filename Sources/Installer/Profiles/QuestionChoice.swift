/// One answer a choice question offers.
public struct QuestionChoice: Equatable, Sendable {
    /// The answer as stored and given on the command line.
    public let value: String
    /// What the wizard shows.
    public let label: String
    /// Values this choice writes.
    public let sets: [ValueSetting]

    init(_ node: ProfileNode) throws {
        try node.rejectUnknownKeys(["value", "label", "sets"])
        value = try node.child("value").string()
        label = try node.child("label").string()
        sets = try node.optionalChild("sets")?.list().map(ValueSetting.init) ?? []
        if sets.contains(where: { $0.value == nil }) {
            throw try node.child("sets").error("a choice's settings need a fixed `value`")
        }
    }
}
