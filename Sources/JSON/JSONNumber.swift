import GoStrconv

/// A JSON number: its text (the literal as read, or Go's encoding of a value made here) and
/// whether it is an integer or a float, so integers beyond 2^53 keep every digit and a float
/// that happens to be whole (`3.0`) is still known to be a float.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
    /// The text written out, exactly as read or as Go's encoding/json writes the value.
    public let text: String
    /// True for an integer literal (no fraction, no exponent) or a value made from an integer.
    public let isInteger: Bool
    /// The value as a float64 (infinite when the literal is beyond float64's range).
    public let value: Double

    /// An integer.
    public init(_ integer: Int64) {
        text = String(integer)
        isInteger = true
        value = Double(integer)
    }

    /// An integer.
    public init(_ integer: Int) { self.init(Int64(integer)) }

    /// A float64 as Go encodes it (`1e-7`, `0.5`, `3`); nil for NaN and infinities, which JSON cannot hold.
    public init?(_ float: Double) {
        guard let text = GoJSONText.number(float) else { return nil }
        self.text = text
        isInteger = false
        value = float
    }

    /// A number with its text given: a literal read from a document, or a display form chosen by the
    /// caller (the schema checker prints a value's number as Go's `%v` does).
    public init(text: String, value: Double, isInteger: Bool) {
        self.text = text
        self.value = value
        self.isInteger = isInteger
    }

    /// A literal the reader has checked against JSON's number grammar.
    init(literal: String) {
        text = literal
        isInteger = !literal.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        value = Double(literal) ?? (literal.hasPrefix("-") ? -.infinity : .infinity)
    }

    /// The integer, when this is an integer literal that fits in 64 bits.
    public var int64Value: Int64? { isInteger ? Int64(text) : nil }

    /// The text.
    public var description: String { text }

    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        lhs.text == rhs.text && lhs.isInteger == rhs.isInteger
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(isInteger)
    }
}
