import Testing

@testable import GoTemplate

/// `printf` with only `%s` verbs and string arguments skips the format parser; the result must
/// be what the full formatter gives, and anything else must still go through it.
@Suite struct PlainPrintfTests {
    /// `format` with every `%s` written `%v` (the same for strings, but not the quick path's).
    static func verbsAsV(_ format: String) -> String {
        var bytes = Array(format.utf8)
        for i in bytes.indices.dropFirst() where bytes[i] == UInt8(ascii: "s") && bytes[i - 1] == UInt8(ascii: "%") {
            bytes[i] = UInt8(ascii: "v")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func agreesWithTheFullFormatterOnRandomFormats() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["%s", "%s", "-", "%", "%d", "%v", "%%", "é", "x", "%!", "s"]
        let args: [Value] = [.string("a"), .string(""), .string("日%s"), .int(3), .null, .float(2.5)]
        for _ in 0..<5_000 {
            let format = (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let given = (0..<Int.random(in: 0...3, using: &rng)).map { _ in args.randomElement(using: &rng)! }
            let quick = GoFormat.plainStrings(format, given)
            let full = GoFormat.sprintf(format, given)
            if let quick {
                // Compare with the formatter's own path by forcing it: a width of nothing changes nothing.
                #expect(quick == full, "\(format.debugDescription) \(given)")
                #expect(quick == GoFormat.sprintf(Self.verbsAsV(format), given), "\(format.debugDescription)")
            }
        }
        #expect(GoFormat.plainStrings("%s-%s", [.string("a"), .string("b")]) == "a-b")
        #expect(GoFormat.plainStrings("%s-%s", [.string("a")]) == nil)
        #expect(GoFormat.plainStrings("%s", [.string("a"), .string("b")]) == nil)
        #expect(GoFormat.plainStrings("%d", [.int(1)]) == nil)
        #expect(GoFormat.plainStrings("100%", []) == nil)
        #expect(GoFormat.plainStrings("plain", []) == "plain")
    }
}
