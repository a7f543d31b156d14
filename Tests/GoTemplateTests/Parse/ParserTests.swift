import Testing
@testable import GoTemplate

@Suite struct ParserTests {
    static let functions: Set<String> = ["quote", "printf", "include", "eq", "and", "not", "len", "index", "list"]

    private func parse(_ source: String) throws -> Parser.Result {
        var parser = Parser(name: "t", source: source, functions: Self.functions)
        return try parser.parse()
    }

    private func parseError(_ source: String) -> String? {
        do {
            _ = try parse(source)
            return nil
        } catch let error as ParseError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test(arguments: [
        "plain text", "{{ .a.b }}", "{{ $x := 1 }}{{ $x = 2 }}{{ $x }}", "{{ if .a }}x{{ else if .b }}y{{ else }}z{{ end }}",
        "{{ range $i, $v := .items }}{{ $i }}{{ break }}{{ continue }}{{ else }}none{{ end }}",
        "{{ with .x }}{{ . }}{{ else with .y }}{{ . }}{{ end }}", "{{ .a | quote | printf \"%s\" }}",
        "{{ (index . 0).Name }}", "{{ template \"x\" . }}", "{{- /* c */ -}}", "{{ $.Values.a }}",
        "{{ printf \"%d\" (len (list 1 2)) }}", "{{ eq 1 1.5 'a' 0x10 nil true }}",
    ])
    func acceptsValidTemplates(source: String) throws {
        _ = try parse(source)
    }

    @Test func definitionsAndBlocksAreCollected() throws {
        let result = try parse("{{ define \"a\" }}A{{ end }}{{ block \"b\" . }}B{{ end }}rest")
        #expect(result.definitions.map(\.name) == ["a", "b"])
        #expect(result.root.count == 2)
    }

    @Test(arguments: [
        ("{{ nope 1 }}", "template: t:1: function \"nope\" not defined"),
        ("{{ $y }}", "template: t:1: undefined variable \"$y\""),
        ("{{ if .a }}x", "template: t:1: unexpected EOF"),
        ("{{ end }}", "template: t:1: unexpected {{end}}"),
        ("{{ break }}", "template: t:1: {{break}} outside {{range}}"),
        ("\n\n{{ .a", "template: t:3: unclosed action"),
        ("{{ if }}{{ end }}", "template: t:1: missing value for if"),
        ("{{ (quote }}", "template: t:1: unclosed left paren"),
        ("{{ true.Name }}", "template: t:1: unexpected . after term \"true\""),
        ("{{ 1.Name }}", "template: t:1: bad number syntax: \"1.N\""),
    ])
    func reportsErrorsLikeGo(source: String, message: String) {
        #expect(parseError(source) == message)
    }

    @Test func variablesAreScopedToTheirBlock() {
        #expect(parseError("{{ if .a }}{{ $x := 1 }}{{ end }}{{ $x }}") == "template: t:1: undefined variable \"$x\"")
    }
}
