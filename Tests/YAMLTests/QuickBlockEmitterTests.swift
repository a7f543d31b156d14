import Testing
@testable import YAML

/// The direct writer behind `YAML.emit` must write exactly what libyaml writes whenever it
/// writes anything, and must handle the usual `toYaml` values itself.
@Suite struct QuickBlockEmitterTests {
    static func randomValue(_ random: inout ScannerRandom, depth: Int) -> YAMLValue {
        let strings = [
            "a", "web", "8080", "true", "no", "", "1.5", "100m", "2Gi", "http://x.example.com:80/a",
            "a b", "a  b", "a: b", "a:", "-x", "- x", "#x", "x #y", "it's", "say \"hi\"", "é", "line\nbreak",
            "/srv/item-1", "_x", "@x", ",x", "x,y", "key=value", "~", "null", "0x1F", "1e3", "2001-01-01",
            String(repeating: "word ", count: 20), String(repeating: "w", count: 150), " lead", "trail ",
        ]
        let pick = random.next() % (depth > 3 ? 6 : 9)
        switch pick {
        case 0: return .null
        case 1: return .bool(random.next() % 2 == 0)
        case 2: return .int(Int64(random.next() % 20_000) - 10_000)
        case 3: return .float([0.5, 1e21, -2.25, 1e-7, .infinity, 3][Int(random.next() % 6)])
        case 4, 5: return .string(strings[Int(random.next() % UInt64(strings.count))])
        case 6: return .sequence((0..<Int(random.next() % 4)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            let count = Int(random.next() % 4)
            return .mapping(
                YAMLMapping(
                    (0..<count).map { i in
                        (i % 2 == 0 ? strings[Int(random.next() % UInt64(strings.count))] : "k\(i)", randomValue(&random, depth: depth + 1))
                    }))
        }
    }

    @Test func writesWhatLibyamlWrites() {
        var random = ScannerRandom(seed: 7)
        var quick = 0
        for _ in 0..<20_000 {
            let value = Self.randomValue(&random, depth: 0)
            guard let text = QuickBlockEmitter.emit(value) else { continue }
            quick += 1
            let expected = YAMLEmitter.emitWithLibyaml(value)
            #expect(text == expected, "\(value)")
            if text != expected { return }
        }
        #expect(quick > 5_000)
    }

    /// The shortcut past `needsQuoting` for long words starting with a letter.
    @Test(arguments: ["falsey", "Nullable", "yesterday", "onboard", "Infinity", "NaNaNa", "Offset", "trueish", "nothing"])
    func longWordsStartingWithALetterNeedNoQuotes(word: String) {
        #expect(!ScalarResolver.needsQuoting(word))
        #expect(QuickBlockEmitter.emit(.string(word)) == word + "\n")
    }

    @Test func typicalValuesAreWrittenDirectly() {
        let value = YAMLValue.mapping(
            YAMLMapping([
                ("limits", .mapping(YAMLMapping([("memory", .string("1Gi"))]))),
                ("requests", .mapping(YAMLMapping([("cpu", .string("100m")), ("memory", .string("256Mi"))]))),
                ("ports", .sequence([.mapping(YAMLMapping([("port", .int(8000)), ("name", .string("http"))])), .sequence([])])),
                ("debug", .bool(false)), ("ratio", .float(0.5)), ("version", .string("1.0")),
            ]))
        #expect(
            QuickBlockEmitter.emit(value) == """
                limits:
                  memory: 1Gi
                requests:
                  cpu: 100m
                  memory: 256Mi
                ports:
                - port: 8000
                  name: http
                - []
                debug: false
                ratio: 0.5
                version: "1.0"

                """)
    }
}
