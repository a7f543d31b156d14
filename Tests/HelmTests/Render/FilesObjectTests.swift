import GoTemplate
import Testing
@testable import Helm

/// `.Files` against real Helm: the expected text was rendered by Helm v4.3 from the same files.
@Suite struct FilesObjectTests {
    static let template = #"""
{{- define "cases" -}}
{{ printf "%q" (.Files.Get "config/a.txt") }}
{{ printf "%q" ((.Files.Glob "config/*").AsConfig) }}
{{ printf "%q" ((.Files.Glob "config/*").AsSecrets) }}
{{ range .Files.Lines "config/a.txt" }}[{{ . }}]{{ end }}
{{ range $p, $b := .Files.Glob "**.json" }}{{ $p }};{{ end }}
{{ range $p, $b := .Files.Glob "dash/*.json" }}{{ $p }};{{ end }}
{{ range $p, $b := .Files.Glob "{config/a.txt,dash/x.json}" }}{{ $p }};{{ end }}
{{ printf "%v" (.Files.GetBytes "config/a.txt") }}
{{ printf "%s" (.Files.GetBytes "config/a.txt") }}
{{ printf "%q" (.Files.Get "missing") }}
{{ len (.Files.Lines "missing") }}
{{- end -}}
"""#

    static let expected = #"""
"line1\nline2\n"
"a.txt: |\n  line1\n  line2\nb.conf: |\n  key = \"v\"\n  yes"
"a.txt: bGluZTEKbGluZTIK\nb.conf: a2V5ID0gInYiCnllcwo="
[line1][line2]
dash/sub/y.json;dash/x.json;
dash/x.json;
config/a.txt;dash/x.json;
[108 105 110 101 49 10 108 105 110 101 50 10]
line1
line2

""
0
"""#

    @Test func matchesHelm() throws {
        let files = FilesObject([
            "config/a.txt": Array("line1\nline2\n".utf8),
            "config/b.conf": Array("key = \"v\"\nyes\n".utf8),
            "dash/x.json": Array("{\"a\":1}".utf8),
            "dash/sub/y.json": Array("{}".utf8),
        ])
        let renderSet = TemplateSet(functions: ["include": TemplateFunction("include") { ctx, args in
            guard case .string(let name) = args.first else { throw FunctionError("name") }
            return .string(try ctx.executeTemplate(named: name, data: args.count > 1 ? args[1] : .null))
        }])
        try renderSet.parse(name: "t", source: Self.template + "{{ include \"cases\" . }}")
        let output = try renderSet.execute("t", data: .map(ValueMap(["Files": .object(files)])))
        #expect(output == Self.expected)
    }

    /// Go treats the result of Glob as a map: empty means false, `len` counts, Sprig's `empty` agrees.
    @Test func globResultsAreTruthyOnlyWhenSomethingMatched() throws {
        let files = FilesObject(["config/a.txt": Array("x".utf8)])
        let set = TemplateSet(functions: SprigLibrary.functions)
        try set.parse(name: "t", source: """
            {{ if .Files.Glob "none/*" }}yes{{ else }}no{{ end }} {{ if .Files.Glob "config/*" }}yes{{ else }}no{{ end }} \
            {{ len (.Files.Glob "config/*") }} {{ empty (.Files.Glob "none/*") }} {{ empty (.Files.Glob "config/*") }} \
            {{ and (.Files.Glob "none/*") "x" | printf "%v" }}
            """)
        let output = try set.execute("t", data: .map(ValueMap(["Files": .object(files)])))
        #expect(output == "no yes 1 true false map[]")
    }

    @Test func globSyntax() {
        #expect(FilesGlob("config/*").matches("config/a.txt"))
        #expect(!FilesGlob("config/*").matches("config/sub/a.txt"))
        #expect(FilesGlob("**.json").matches("a/b/c.json"))
        #expect(FilesGlob("{a,b}/[xy]?.txt").matches("b/y1.txt"))
        #expect(!FilesGlob("[!x]*").matches("xyz"))
    }

    @Test func base64MatchesGo() {
        #expect(Base64.encode(Array("".utf8)) == "")
        #expect(Base64.encode(Array("f".utf8)) == "Zg==")
        #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
        #expect(Base64.encode(Array("foo".utf8)) == "Zm9v")
    }
}
