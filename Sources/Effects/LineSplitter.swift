/// Splits a byte stream into lines as chunks arrive: "\n" ends a line, a "\r" before it is
/// dropped, and a line longer than `maxLineLength` bytes is handed out in pieces.
public struct LineSplitter: Sendable {
    /// The longest piece handed out before the line ends.
    public let maxLineLength: Int
    private var pending: [UInt8] = []

    /// Creates a splitter.
    public init(maxLineLength: Int = 64 * 1024) {
        self.maxLineLength = max(1, maxLineLength)
    }

    /// Adds bytes and returns the lines they complete.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [String] {
        var lines: [String] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
                lines.append(Self.decode(pending))
                pending.removeAll(keepingCapacity: true)
            } else {
                pending.append(byte)
                if pending.count >= maxLineLength {
                    lines.append(Self.decode(pending))
                    pending.removeAll(keepingCapacity: true)
                }
            }
        }
        return lines
    }

    /// Returns the unterminated last line, if any, and empties the splitter.
    public mutating func finish() -> String? {
        defer { pending.removeAll() }
        if pending.isEmpty { return nil }
        if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
        return Self.decode(pending)
    }

    static func decode(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
