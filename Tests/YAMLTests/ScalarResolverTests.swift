import Testing
@testable import YAML

/// The quick reading of common numbers must agree with the full go-yaml rules on every text it
/// answers for, and must answer for the usual ones.
@Suite struct ScalarResolverTests {
    /// Both readings of `text`; `.float(.nan)` never comes from the quick path.
    static func agree(_ text: String) -> Bool {
        guard let quick = ScalarResolver.quickDecimal(text) else { return true }
        return quick == ScalarResolver.numericLongWay(text)
    }

    @Test(arguments: [
        "0", "7", "-0", "+0", "42", "-42", "+42", "123456789012345678", "-123456789012345678",
        "0.5", "-0.5", "+1.25", "3.14159", "8080.0", "123456789012345.123456789012345",
    ])
    func commonNumbersTakeTheQuickPath(_ text: String) {
        #expect(ScalarResolver.quickDecimal(text) != nil, "\(text)")
        #expect(Self.agree(text), "\(text)")
    }

    @Test(arguments: [
        "", "-", "+", "01", "007", "-01", "0x1F", "0o17", "0b101", "1_000", "1e3", "1.5e3", "1.", ".5", "-.5",
        "1234567890123456789", "9223372036854775808", "2001-01-01", "1:20", "1.2.3", "12a", "a12", " 1", "1 ",
        "1234567890123456.5", "1.1234567890123456", "--1", "+-1", "0.", "0xFF", "1T", "12:30",
    ])
    func everythingElseGoesTheLongWay(_ text: String) {
        #expect(ScalarResolver.quickDecimal(text) == nil, "\(text)")
    }

    @Test(arguments: ["100m", "2Gi", "1Mi", "5h", "٣", "8080/tcp", "1,000", "3 apples", "0x1g"])
    func aCharacterNoNumberHasMakesAString(_ text: String) {
        #expect(ScalarResolver.quickDecimal(text) == .string, "\(text)")
        #expect(ScalarResolver.numericLongWay(text) == .string, "\(text)")
    }

    @Test func randomTextsAgreeWithTheFullRules() {
        var random = ScannerRandom(seed: 0x5ca1a5)
        let pieces = [
            "0", "1", "5", "9", "00", "12", "-", "+", ".", "_", "e", "E", "x", "o", "b", ":", "T", " ", "a", "99999999", "m", "Gi", "/",
            "٣", "f", "X", "t", "Z",
        ]
        var quick = 0
        for _ in 0..<30_000 {
            let count = 1 + Int(random.next() % 7)
            let text = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(Self.agree(text), "\(text)")
            if ScalarResolver.quickDecimal(text) != nil { quick += 1 }
        }
        #expect(quick > 1000)
    }
}
