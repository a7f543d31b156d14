import GoStrconv
import Testing

/// Go's encoding/json text for strings and numbers, shared by toJson and the simulated cluster.
@Suite struct GoJSONTextTests {
    static func string(_ s: String, escapeHTML: Bool = true) -> String {
        var out = ""
        GoJSONText.appendString(s, to: &out, escapeHTML: escapeHTML)
        return out
    }

    @Test func stringsAreEscapedAsJSONMarshalEscapesThem() {
        #expect(Self.string("a\"b\\c") == #""a\"b\\c""#)
        #expect(Self.string("tab\tline\nret\r") == #""tab\tline\nret\r""#)
        #expect(Self.string("\u{08}\u{0C}\u{01}\u{1F}") == #""\b\f\u0001\u001f""#)
        #expect(Self.string("<a href=\"x\">&</a>") == #""\u003ca href=\"x\"\u003e\u0026\u003c/a\u003e""#)
        #expect(Self.string("<&>", escapeHTML: false) == #""<&>""#)
        #expect(Self.string("line\u{2028}para\u{2029}é") == #""line\u2028para\u2029é""#)
    }

    @Test func numbersUseGoFormsAndRefuseNaN() {
        #expect(GoJSONText.number(1.5) == "1.5")
        #expect(GoJSONText.number(1e20) == "100000000000000000000")
        #expect(GoJSONText.number(1e21) == "1e+21")
        #expect(GoJSONText.number(1e-7) == "1e-7")
        #expect(GoJSONText.number(-2.5e-9) == "-2.5e-9")
        #expect(GoJSONText.number(0.000001) == "0.000001")
        #expect(GoJSONText.number(0) == "0")
        #expect(GoJSONText.number(.nan) == nil)
        #expect(GoJSONText.number(-.infinity) == nil)
    }
}
