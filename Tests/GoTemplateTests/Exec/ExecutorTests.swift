import Testing
@testable import GoTemplate

@Suite struct ExecutorTests {
    static let data: Value = .map(ValueMap([
        "name": .string("posthog"), "n": .int(3), "f": .float(1_000_000), "half": .float(0.5), "empty": .string(""),
        "list": .list([.string("a"), .string("b")]), "none": .list([]), "nils": .list([.null]),
        "m": .map(ValueMap(["b": .int(2), "a": .int(1)])), "yes": .bool(true),
    ]))

    static let upper = TemplateFunction("upper") { _, args in
        guard case .string(let s) = args.first else { throw FunctionError("need a string") }
        return .string(s.uppercased())
    }
    static let fail = TemplateFunction("fail") { _, args in
        throw FunctionError(args.first.map(ValueFormatting.string) ?? "")
    }
    static let include = TemplateFunction("include") { ctx, args in
        guard case .string(let name) = args.first else { throw FunctionError("name") }
        return .string(try ctx.executeTemplate(named: name, data: args.count > 1 ? args[1] : .null))
    }
    static let tpl = TemplateFunction("tpl") { ctx, args in
        guard case .string(let text) = args.first else { throw FunctionError("text") }
        return .string(try ctx.executeText(text, name: ctx.currentTemplateName, data: args.count > 1 ? args[1] : .null))
    }

    private func render(_ source: String, data: Value = ExecutorTests.data) throws -> String {
        let set = TemplateSet(functions: ["upper": Self.upper, "fail": Self.fail, "include": Self.include, "tpl": Self.tpl])
        try set.parse(name: "t", source: source)
        return try set.execute("t", data: data)
    }

    @Test(arguments: [
        ("{{ .name }}", "posthog"), ("{{ .missing }}", "<no value>"), ("{{ .missing.deeper }}", "<no value>"),
        ("{{ (.missing).deeper }}", "<no value>"), ("{{ $x := .missing }}{{ $x.deeper }}", "<no value>"), ("{{ .f }}", "1e+06"), ("{{ .half }}", "0.5"),
        ("{{ .list }}", "[a b]"), ("{{ .m }}", "map[a:1 b:2]"), ("{{ .name | upper }}", "POSTHOG"),
        ("{{ if .empty }}x{{ else if .yes }}y{{ else }}z{{ end }}", "y"),
        ("{{ range $i, $v := .list }}{{ $i }}={{ $v }};{{ end }}", "0=a;1=b;"),
        ("{{ range $k, $v := .m }}{{ $k }}{{ $v }}{{ end }}", "a1b2"),
        ("{{ range .none }}x{{ else }}empty{{ end }}", "empty"), ("{{ range 3 }}{{ . }}{{ end }}", "012"),
        ("{{ range .list }}{{ if eq . \"b\" }}{{ break }}{{ end }}{{ . }}{{ end }}", "a"),
        ("{{ range .list }}{{ if eq . \"a\" }}{{ continue }}{{ end }}{{ . }}{{ end }}", "b"),
        ("{{ with .m }}{{ .a }}{{ end }}", "1"), ("{{ with .empty }}x{{ else with .n }}{{ . }}{{ end }}", "3"),
        ("{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}", "2"),
        ("{{ and 1 0 2 }} {{ or 0 \"\" \"z\" }} {{ and 1 2 }}", "0 z 2"), ("{{ not .empty }}", "true"),
        ("{{ len .list }} {{ len .name }}", "2 7"), ("{{ index .m \"b\" }} {{ index .list 1 }}", "2 b"),
        ("{{ eq .n 3 }} {{ eq .name \"x\" \"posthog\" }} {{ lt 1 2 }} {{ ge \"b\" \"a\" }}", "true true true true"),
        ("{{ print 1 2 \"a\" 3 }}", "1 2a3"), ("{{ define \"x\" }}<{{ . }}>{{ end }}{{ template \"x\" .n }}", "<3>"),
        ("{{ block \"b\" .name }}[{{ . }}]{{ end }}", "[posthog]"), ("{{ include \"d\" .n }}{{ define \"d\" }}d{{ . }}{{ end }}", "d3"),
        ("{{ tpl \"{{ .name }}!\" . }}", "posthog!"), ("{{ (index .list 0) }}{{ $.name }}", "aposthog"),
        ("a {{- \" b \" -}} c", "a b c"), ("{{ 0x10 }} {{ 'a' }} {{ 1.5 }} {{ -2 }}", "16 97 1.5 -2"),
    ])
    func rendersLikeGo(source: String, expected: String) throws {
        #expect(try render(source) == expected)
    }

    @Test func functionErrorsUseGoFormatWithPosition() {
        let error = #expect(throws: ExecError.self) { _ = try render("line one\n  {{ fail \"boom\" }}") }
        #expect(error?.description == "template: t:2:5: executing \"t\" at <fail \"boom\">: error calling fail: boom")
        #expect(error?.functionError == FunctionError("boom"))
    }

    @Test(arguments: [
        ("{{ range .nils }}{{ .deeper }}{{ end }}", "template: t:1:20: executing \"t\" at <.deeper>: nil pointer evaluating interface {}.deeper"),
        ("{{ .name.x }}", "template: t:1:8: executing \"t\" at <.name.x>: can't evaluate field x in type interface {}"),
        ("{{ eq .n \"3\" }}", "template: t:1:3: executing \"t\" at <eq .n \"3\">: error calling eq: incompatible types for comparison: int and string"),
        ("{{ index .list 5 }}", "template: t:1:3: executing \"t\" at <index .list 5>: error calling index: index out of range: 5"),
        ("{{ range .name }}{{ end }}", "template: t:1:9: executing \"t\" at <.name>: range can't iterate over posthog"),
    ])
    func executionErrors(source: String, message: String) {
        let error = #expect(throws: ExecError.self) { _ = try render(source) }
        #expect(error?.description == message)
    }

    @Test func recursionIsBounded() {
        let set = TemplateSet(functions: [:], maxDepth: 50)
        #expect(throws: (any Error).self) {
            try set.parse(name: "t", source: "{{ define \"r\" }}{{ template \"r\" . }}{{ end }}{{ template \"r\" . }}")
            _ = try set.execute("t", data: .null)
        }
    }

    @Test func mapsAreSharedByReference() throws {
        let set = TemplateSet(functions: ["set": TemplateFunction("set") { _, args in
            guard case .map(let m) = args[0], case .string(let k) = args[1] else { throw FunctionError("bad") }
            m[k] = args[2]
            return args[0]
        }])
        try set.parse(name: "t", source: "{{ $_ := set .m \"c\" 3 }}{{ .m.c }}")
        let data = Value.map(ValueMap(["m": .map(ValueMap())]))
        #expect(try set.execute("t", data: data) == "3")
    }
}

@Suite struct BuiltinOverrideTests {
    @Test func registeredFunctionsOverrideBuiltins() throws {
        let set = TemplateSet(functions: ["len": TemplateFunction("len") { _, _ in .string("mine") }])
        try set.parse(name: "t", source: "{{ len \"abc\" }}")
        #expect(try set.execute("t", data: .null) == "mine")
    }

    @Test func goSliceAndCall() throws {
        let double = TemplateFunction("double") { _, args in
            guard case .int(let n) = args.first else { throw FunctionError("int") }
            return .int(n * 2)
        }
        let set = TemplateSet()
        try set.parse(name: "t", source: "{{ slice .s 1 3 }} {{ slice .l 1 }} {{ call .f 21 }}")
        let data = Value.map(ValueMap(["s": .string("hello"), "l": .list([.int(1), .int(2), .int(3)]), "f": .function(double)]))
        #expect(try set.execute("t", data: data) == "el [2 3] 42")
    }
}

@Suite struct DelimiterTests {
    @Test func customDelimitersApplyToLaterParses() throws {
        let set = TemplateSet()
        set.delimiters = ("[[", "]]")
        try set.parse(name: "t", source: "[[ .a ]] {{ .a }}")
        #expect(try set.execute("t", data: .map(ValueMap(["a": .int(1)]))) == "1 {{ .a }}")
    }
}
