import Testing
@testable import YAML

/// `ManifestHead.read` must give what the sorter reads from a full parse whenever it gives
/// anything, and nothing when a full parse would fail or a field is not a string.
@Suite struct ManifestHeadTests {
    /// The head as the sorter reads it from a full parse; nil when that parse or a field fails.
    static func expected(_ text: String) -> ManifestHead? {
        guard case .mapping(let map)? = try? YAML.parse(text, file: "m.yaml", options: .helm) else { return nil }
        func string(_ value: YAMLValue?) -> String?? {
            switch value {
            case nil, .null?: return .some(nil)
            case .string(let s)?: return .some(s)
            default: return nil
            }
        }
        guard let kind = string(map["kind"]), let apiVersion = string(map["apiVersion"]) else { return nil }
        var head = ManifestHead(kind: kind ?? "", apiVersion: apiVersion ?? "")
        if case .mapping(let metadata)? = map["metadata"] {
            guard let name = string(metadata["name"]) else { return nil }
            head.name = name ?? ""
            if case .mapping(let annotations)? = metadata["annotations"] {
                var pairs: [(key: String, value: String)] = []
                for (key, value) in annotations.entries {
                    guard case .string(let s) = value else { return nil }
                    pairs.append((key, s))
                }
                head.annotations = pairs
            }
        }
        return head
    }

    static func agrees(_ text: String) -> Bool {
        guard let quick = ManifestHead.read(text) else { return true }
        guard let full = expected(text), BlockHeadScannerTests.safelyDecodable(text) else { return false }
        // Annotation order may differ when a key repeats; compare as sets of pairs.
        let sortedPairs = { (pairs: [(key: String, value: String)]?) in pairs?.map { "\($0.key)=\($0.value)" }.sorted() }
        return quick.kind == full.kind && quick.apiVersion == full.apiVersion && quick.name == full.name
            && sortedPairs(quick.annotations) == sortedPairs(full.annotations)
    }

    @Test func readsTheHeadOfTypicalManifests() {
        let head = ManifestHead.read(BlockHeadScannerTests.seeds[0])
        #expect(head?.kind == "Deployment")
        #expect(head?.apiVersion == "apps/v1")
        #expect(head?.name == "posthog-web")
        #expect(head?.annotations?.first { $0.key == "helm.sh/hook" }?.value == "pre-install")
        for seed in BlockHeadScannerTests.seeds { #expect(Self.agrees(seed), "\(seed)") }
    }

    @Test(arguments: [
        "kind: 12\nmetadata:\n  name: x\n", "kind: A\nmetadata:\n  name: [x]\n", "kind: A\nmetadata:\n  annotations:\n    a: 5\n",
        "kind: A\nmetadata:\n  annotations:\n    a:\n", "kind: A\nmetadata: {name: x}\n", "kind: \"a\\tb\"\n",
        "kind: A\nmetadata:\n  annotations:\n    a: |\n      x\n",
    ])
    func fieldsThatAreNotSimpleStringsGoTheLongWay(text: String) {
        #expect(ManifestHead.read(text) == nil)
    }

    @Test(arguments: [
        "kind: A\nkind: B\n", "metadata:\n  name: a\nmetadata:\n  labels: {}\n", "kind: ~\napiVersion: null\n",
        "kind: A\nmetadata:\n  annotations: {}\n", "kind: A\nmetadata:\n  annotations:\n", "kind: A # c\nmetadata:\n  # c\n  name: 'x y'\n",
        "kind: A\nmetadata:\n  annotations:\n    a: \"1\"\n    a: 'two'\n  labels:\n    l: 3\n  name: web\n",
    ])
    func agreesOnRepeatsNullsAndComments(text: String) {
        #expect(ManifestHead.read(text) != nil, "\(text.debugDescription)")
        #expect(Self.agrees(text))
    }

    @Test func brokenVariantsNeverDisagree() {
        var random = ScannerRandom(seed: 99)
        var failures: [String] = []
        let inserts = [":", " ", "-", "\"", "'", "#", "|", "{}", "[", "\n", "\n  ", "\n    ", "5", "~", "null", "\\", "!!str "]
        for seed in BlockHeadScannerTests.seeds {
            let bytes = Array(seed.utf8)
            for _ in 0..<1500 {
                var mutant = bytes
                for _ in 0..<(1 + Int(random.next() % 2)) {
                    let at = Int(random.next() % UInt64(mutant.count + 1))
                    if random.next() % 3 == 0, at < mutant.count {
                        mutant.remove(at: at)
                    } else {
                        mutant.insert(contentsOf: Array(inserts[Int(random.next() % UInt64(inserts.count))].utf8), at: at)
                    }
                }
                let text = String(decoding: mutant, as: UTF8.self)
                if !Self.agrees(text) { failures.append(text) }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(3).joined(separator: "\n----\n"))")
    }
}
