import Foundation
import GoTemplate

/// Parse once, execute many times: a 2,000-line template with nested range/if/define/template and printf.
enum GoTemplateBenchmark {
    static func run() {
        var source = "{{- define \"row\" -}}{{ printf \"%-10s %5d %6.2f\" .name .n .f }}{{- end -}}\n"
        source += "{{- define \"block\" -}}{{ range $i, $item := .items }}{{ if eq (index $item \"n\") 3 }}three{{ else }}{{ template \"row\" $item }}{{ end }}\n{{ end }}{{- end -}}\n"
        var lines = 2
        while lines < 2000 {
            source += "section {{ printf \"%d\" \(lines) }}: {{ with .meta }}{{ .title | printf \"%q\" }}{{ end }}\n"
            source += "{{ template \"block\" . }}\n"
            source += "{{ if and .flag (gt (len .items) 2) }}{{ range $k, $v := .meta }}{{ $k }}={{ $v }} {{ end }}{{ end }}\n"
            lines += 3
        }
        let items = Value.list((0..<8).map { i in
            .map(ValueMap(["name": .string("item\(i)"), "n": .int(Int64(i)), "f": .float(Double(i) * 1.5)]))
        })
        let data = Value.map(ValueMap(["items": items, "flag": .bool(true),
                                       "meta": .map(ValueMap(["title": .string("PostHog"), "env": .string("prod")]))]))
        let l0 = DispatchTime.now().uptimeNanoseconds
        var lexer = Lexer(name: "bench", source: source)
        let tokenCount = lexer.tokenize().count
        let l1 = DispatchTime.now().uptimeNanoseconds
        print(String(format: "gotemplate: lex %.2f ms (%d tokens)", Double(l1 - l0) / 1e6, tokenCount))
        let parseRounds = 20
        var set = TemplateSet()
        let t0 = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<parseRounds {
            set = TemplateSet()
            try? set.parse(name: "bench", source: source)
        }
        let t1 = DispatchTime.now().uptimeNanoseconds
        let execRounds = 20
        var bytes = 0
        for _ in 0..<execRounds { bytes = (try? set.execute("bench", data: data))?.utf8.count ?? 0 }
        let t2 = DispatchTime.now().uptimeNanoseconds
        let parseMs = Double(t1 - t0) / 1e6 / Double(parseRounds)
        let execMs = Double(t2 - t1) / 1e6 / Double(execRounds)
        let actions = source.components(separatedBy: "{{").count - 1
        print(String(format: "gotemplate: %d lines, %d actions: parse %.2f ms, execute %.2f ms (%d bytes out, %.0f executions/s)",
                     lines, actions, parseMs, execMs, bytes, 1000 / execMs))
    }
}
