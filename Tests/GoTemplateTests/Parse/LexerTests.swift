import Testing
@testable import GoTemplate

@Suite struct LexerTests {
    /// Compact rendering of tokens: kind name and text.
    private func lex(_ source: String, left: String = "{{", right: String = "}}") -> [String] {
        var lexer = Lexer(name: "t", source: source, leftDelim: left, rightDelim: right)
        return lexer.tokenize().map { token in
            switch token.kind {
            case .keyword(let k): return "kw:\(k.rawValue)"
            case .eof: return "EOF"
            default: return "\(token.kind):\(token.text)"
            }
        }
    }

    @Test func textAndSimpleAction() {
        #expect(lex("hello {{ .Name }}!") == ["text:hello ", "leftDelim:{{", "space: ", "field:.Name", "space: ", "rightDelim:}}", "text:!", "EOF"])
    }

    @Test func trimMarkersRemoveSurroundingWhitespace() {
        #expect(lex("a  \n{{- 3 -}}\n  b") == ["text:a", "leftDelim:{{", "number:3", "rightDelim:}}", "text:b", "EOF"])
    }

    @Test func minusWithoutSpaceIsANumberNotATrimMarker() {
        #expect(lex("{{-3}}") == ["leftDelim:{{", "number:-3", "rightDelim:}}", "EOF"])
    }

    @Test func pipelinesVariablesAndDeclarations() {
        #expect(lex("{{ $x := .a.b | quote }}") == [
            "leftDelim:{{", "space: ", "variable:$x", "space: ", "declare::=", "space: ", "field:.a", "field:.b", "space: ",
            "pipe:|", "space: ", "identifier:quote", "space: ", "rightDelim:}}", "EOF",
        ])
    }

    @Test func rangeWithTwoVariables() {
        #expect(lex("{{range $i, $v := .}}") == [
            "leftDelim:{{", "kw:range", "space: ", "variable:$i", "comma:,", "space: ", "variable:$v", "space: ", "declare::=",
            "space: ", "dot:.", "rightDelim:}}", "EOF",
        ])
    }

    @Test func constants() {
        #expect(lex(#"{{ "a\"b" `raw` 'x' 0x1F 1_000 1e-3 .5 true nil }}"#) == [
            "leftDelim:{{", "space: ", #"string:"a\"b""#, "space: ", "rawString:`raw`", "space: ", "charConstant:'x'", "space: ",
            "number:0x1F", "space: ", "number:1_000", "space: ", "number:1e-3", "space: ", "number:.5", "space: ", "bool:true",
            "space: ", "kw:nil", "space: ", "rightDelim:}}", "EOF",
        ])
    }

    @Test func parenthesisedPipelineWithField() {
        #expect(lex("{{(index . 0).Name}}") == [
            "leftDelim:{{", "leftParen:(", "identifier:index", "space: ", "dot:.", "space: ", "number:0", "rightParen:)",
            "field:.Name", "rightDelim:}}", "EOF",
        ])
    }

    @Test func commentsWithTrimMarkers() {
        #expect(lex("a {{- /* note */ -}} b") == ["text:a", "comment:{{- /* note */ -}}", "text:b", "EOF"])
    }

    @Test func customDelimiters() {
        #expect(lex("<<.x>> {{.y}}", left: "<<", right: ">>") == ["leftDelim:<<", "field:.x", "rightDelim:>>", "text: {{.y}}", "EOF"])
    }

    @Test(arguments: [
        ("{{ .x", "unclosed action"),
        ("{{ \"abc }}", "unterminated quoted string"),
        ("{{ `abc }}", "unterminated raw quoted string"),
        ("{{ (a }}", "unclosed left paren"),
        ("{{ a) }}", "unexpected right paren"),
        ("{{/* abc }}", "unclosed comment"),
        ("{{/* abc */ x }}", "comment ends before closing delimiter"),
        ("{{ 3x }}", "bad number syntax: \"3x\""),
        ("{{ # }}", "bad character U+0023 '#'"),
    ])
    func errors(source: String, message: String) {
        var lexer = Lexer(name: "t", source: source)
        let last = lexer.tokenize().last
        #expect(last?.kind == .error)
        #expect(last?.text == message)
    }

    @Test func offsetsPointIntoTheSource() {
        var lexer = Lexer(name: "t", source: "ab{{ .c }}")
        let tokens = lexer.tokenize()
        #expect(tokens.map(\.offset) == [0, 2, 4, 5, 7, 8, 10])
    }
}
