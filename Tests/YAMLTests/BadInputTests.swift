import Testing
@testable import YAML

@Suite struct BadInputTests {
    private func error(_ text: String, options: YAMLParseOptions = .strict) -> YAMLError? {
        #expect(throws: YAMLError.self) { _ = try YAML.parseDocuments(text, file: "values.yaml", options: options) }
    }

    @Test func duplicateKeysNameBothLines() {
        let e = error("a: 1\nb: 2\na: 3\n")
        #expect(e?.description == """
        values.yaml:3:1: mapping key "a" already defined at line 1
          a: 3
          ^
        """)
    }

    @Test func duplicateKeysCanBeAllowedLikeHelmManifests() throws {
        let docs = try YAML.parseDocuments("a: 1\na: 2\n", file: "m.yaml", options: .helm)
        #expect(docs.first?["a"] == .int(2))
    }

    @Test func tabIndentationIsExplained() {
        let e = error("a:\n\tb: 1\n")
        #expect(e?.line == 2)
        #expect(e?.message.contains("tab") == true)
    }

    @Test func unclosedFlowAndQuote() {
        let flow = error("a: [1, 2\n")
        #expect(flow?.message.contains("flow sequence") == true)
        let quote = error("a: \"open\nb: 2\n")
        #expect(quote?.message.contains("quoted scalar") == true)
    }

    @Test func invalidUTF8IsReportedWithPosition() {
        let bytes: [UInt8] = Array("a: ok\nb: ".utf8) + [0xFF, 0xFE] + Array("\n".utf8)
        let e = #expect(throws: YAMLError.self) { _ = try YAML.parseDocuments(bytes: bytes, file: "v.yaml") }
        #expect(e?.line == 2)
        #expect(e?.message.contains("UTF-8") == true)
    }

    @Test func billionLaughsStopsWithAnError() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let e = error(text)
        #expect(e?.message.contains("excessive aliasing") == true)
    }

    @Test func recursiveAliasIsAnError() {
        let e = error("a: &a\n  b: *a\n")
        #expect(e != nil)
    }

    @Test func unknownAlias() {
        #expect(error("a: *nope\n")?.message.contains("nope") == true)
    }

    @Test func oversizedInputIsRefusedClearly() {
        let options = YAMLParseOptions(duplicateKeys: .reject, maxBytes: 1024)
        let e = error(String(repeating: "a: 1\n", count: 1000), options: options)
        #expect(e?.message.contains("larger than") == true)
    }

    @Test func moreThanOneDocumentWhereOneIsExpected() {
        #expect(throws: YAMLError.self) { _ = try YAML.parse("a: 1\n---\nb: 2\n", file: "v.yaml") }
    }
}
