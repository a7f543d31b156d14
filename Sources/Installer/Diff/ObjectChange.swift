/// What an upgrade does to one object, and what could go wrong.
public struct ObjectChange: Sendable, Equatable {
    /// add, change or delete.
    public enum Operation: String, Sendable, Equatable {
        /// New in the chart.
        case add
        /// Its spec or metadata changes.
        case change
        /// No longer in the chart: helm deletes it.
        case delete
    }

    /// Which object.
    public var key: ManifestObject.Key
    /// What happens to it.
    public var operation: Operation
    /// The fields that change (`spec.template.spec.containers[0].image`); empty for add and delete.
    public var changedPaths: [String]
    /// One line for people.
    public var reason: String
    /// What the API server will refuse, what loses data, which secrets change.
    public var risks: [ChangeRisk]

    /// A change.
    public init(key: ManifestObject.Key, operation: Operation, changedPaths: [String] = [], reason: String,
                risks: [ChangeRisk] = []) {
        self.key = key; self.operation = operation; self.changedPaths = changedPaths; self.reason = reason; self.risks = risks
    }
}

/// A danger in a change, with what to do about it.
public struct ChangeRisk: Sendable, Hashable {
    /// How bad.
    public enum Kind: String, Sendable, Hashable {
        /// The API server refuses the change: helm upgrade would fail half-way.
        case refused
        /// Data is deleted (a volume, or what owns volumes).
        case dataLoss
        /// A password, key or secret reference changes.
        case secret
    }

    /// How bad.
    public var kind: Kind
    /// What happens.
    public var message: String
    /// What to do first.
    public var fix: String

    /// A risk.
    public init(_ kind: Kind, _ message: String, fix: String) { self.kind = kind; self.message = message; self.fix = fix }

    /// Whether an upgrade must not run without the person's explicit consent.
    public var blocksUpgrade: Bool { kind == .refused || kind == .dataLoss }
}
