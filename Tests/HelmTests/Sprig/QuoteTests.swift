import GoTemplate
import Testing

@testable import Helm

/// Sprig's `quote` (Go's `fmt.Sprintf("%q", ...)` of each non-nil argument, joined by spaces),
/// which no longer goes through the format parser.
@Suite struct QuoteTests {
    func render(_ source: String, _ values: [String: Value] = [:]) throws -> String {
        let set = TemplateSet(functions: SprigLibrary.functions)
        try set.parse(name: "t", source: source)
        return try set.execute("t", data: .map(ValueMap(values)))
    }

    @Test func quotesLikeGoFormatting() throws {
        #expect(try render(#"{{ quote "a" }}"#) == #""a""#)
        #expect(try render(#"{{ .x | quote }}"#, ["x": .string("say \"hi\"\n")]) == #""say \"hi\"\n""#)
        #expect(try render(#"{{ .missing | quote }}"#) == "")
        #expect(try render(#"{{ quote "a" .missing 2 }}"#) == #""a" "2""#)
        #expect(try render(#"{{ quote .f }}"#, ["f": .float(1.5)]) == #""1.5""#)
        #expect(try render(#"{{ quote }}"#) == "")
    }

    @Test func quoteAgreesWithSprintfOnRandomStrings() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", " ", "\"", "\\", "'", "\n", "\t", "\u{7F}", "\u{0}", "é", "日", "\u{FEFF}", "\u{200B}", "😀", "`", "%"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(GoFormat.quote(text) == GoFormat.sprintf("%q", [.string(text)]), "\(text.debugDescription)")
        }
    }
}
