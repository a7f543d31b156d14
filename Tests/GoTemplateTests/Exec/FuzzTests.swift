import Testing
@testable import GoTemplate

/// Thousands of damaged templates each end in output or an error: never a crash or a hang.
@Suite struct FuzzTests {
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seeds = [
        "{{ define \"x\" }}[{{ . }}]{{ end }}{{ range $i, $v := .list }}{{ if eq $i 0 }}{{ template \"x\" $v }}{{ else }}{{ printf \"%03d\" $i }}{{ end }}{{ end }}",
        "{{ with .m }}{{ .a | printf \"%v\" }}{{ else }}none{{ end }}{{ $x := 1 }}{{ $x = 2 }}{{ and $x .m }}",
        "{{- /* c */ -}}{{ index .list 1 }}{{ len .list }}{{ (index .list 0) }}{{ range 3 }}{{ . }}{{ break }}{{ end }}",
    ]
    static let pieces = ["{{", "}}", "{{ end }}", "{{ else }}", "{{ if .a }}", "{{ range . }}", "(", ")", "|", "$", "$x", ".", "\"", "`", "'",
                         "nope", "printf", "index", " ", "{{- ", " -}}", "{{ template \"x\" }}", "{{ break }}", ":=", "=", "1e9", "0x"]

    @Test func mutatedTemplatesNeverCrash() {
        var rng = SplitMix(state: 7)
        let data = Value.map(ValueMap(["list": .list([.string("a"), .int(2)]), "m": .map(ValueMap(["a": .int(1)]))]))
        var errors = 0, outputs = 0
        for round in 0..<3000 {
            var text = Array(Self.seeds[round % Self.seeds.count])
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let at = Int.random(in: 0...text.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: text.insert(contentsOf: Self.pieces.randomElement(using: &rng) ?? "", at: at)
                case 1 where at < text.count: text.remove(at: at)
                default: text = Array(text.prefix(at))
                }
            }
            let set = TemplateSet(functions: [:])
            do {
                try set.parse(name: "t", source: String(text))
                _ = try set.execute("t", data: data)
                outputs += 1
            } catch {
                errors += 1
            }
        }
        #expect(errors > 100 && outputs > 100)
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() {
        let deep = String(repeating: "{{ if 1 }}", count: 5000) + String(repeating: "{{ end }}", count: 5000)
        let parens = "{{ " + String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000) + " }}"
        for source in [deep, parens] {
            let set = TemplateSet()
            #expect(throws: ParseError.self) { try set.parse(name: "t", source: source) }
        }
    }

    @Test func runawayRecursionStops() {
        let set = TemplateSet()
        #expect(throws: (any Error).self) {
            try set.parse(name: "t", source: "{{ define \"r\" }}x{{ template \"r\" . }}{{ end }}{{ template \"r\" . }}")
            _ = try set.execute("t", data: .null)
        }
    }

    /// `include` starts each call afresh (Go's ExecuteTemplate), so no depth counter sees a
    /// template that includes itself: the stack guard must end it with an error, not a crash.
    @Test func selfIncludingTemplateStopsBeforeTheStackEnds() throws {
        let include = TemplateFunction("include") { context, args in
            guard case .string(let name)? = args.first else { throw FunctionError("name") }
            return .string(try context.executeTemplate(named: name, data: args.count > 1 ? args[1] : .null))
        }
        let set = TemplateSet(functions: ["include": include], maxDepth: .max)
        try set.parse(name: "t", source: "{{ define \"r\" }}x{{ include \"r\" . }}{{ end }}{{ include \"r\" . }}")
        let error = #expect(throws: ExecError.self) { _ = try set.execute("t", data: .null) }
        #expect(error?.description.hasSuffix("templates nest too deeply (include, tpl or template calls within each other) for the stack") == true)
    }

    @Test func largeRangesFinish() throws {
        let set = TemplateSet()
        try set.parse(name: "t", source: "{{ range 100000 }}{{ end }}done")
        #expect(try set.execute("t", data: .null) == "done")
    }
}
