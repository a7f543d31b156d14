import Testing
@testable import YAML

/// The quick check behind `parse(_:keepingOnly:)` may only vouch for documents libyaml reads
/// and the decoder cannot fail on, and the entries it hands back must parse to the values
/// they have in the whole document. Checked on typical manifests and on many broken variants.
@Suite struct BlockHeadScannerTests {
    static let keys: Set<String> = ["kind", "apiVersion", "metadata"]

    static let seeds: [String] = [
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: posthog-web
          labels:
            app.kubernetes.io/name: posthog
            helm.sh/chart: posthog-30.46.0
          annotations:
            checksum/config: 3f2a
            helm.sh/hook: pre-install
            "meta.helm.sh/release-name": "posthog"
            'single': x
        spec:
          replicas: 1
          template:
            spec:
              containers:
              - name: web
                image: "posthog/posthog:latest"
                args: ["--port", '8000', -v]
                env:
                - name: SITE_URL
                  value: https://posthog.example.com # the address
                - name: EMPTY
                  value:
                resources: {requests: {cpu: 100m, memory: 1Gi}, limits: {}}
                command:
                  - /bin/sh
                  - -c
                  - |
                    echo "start"
                      indented: keeps
                    # not a comment
        """,
        """
        # Source: posthog/templates/config.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: config
          namespace: posthog
        data:
          config.xml: |-
            <yandex>
              <listen_host>0.0.0.0</listen_host>

            </yandex>
          folded: >
            one
            two
          keep: |+
            text

          quoted: 'it''s'
          escaped: "a\\tb\\"c"
        """,
        """
        kind: List
        items:
        - a
        -
          nested: map
        - key:
          - same column list
          other: 1
        - [x, {y: z}]
        metadata: {name: flow}
        """,
        "kind: A\nmetadata:\n  name: x\n  annotations:\n    helm.sh/hook-weight: 5\n",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ntype: Opaque\ndata:\n  .dockerconfigjson: e30=\n",
    ]

    /// The full parse, narrowed to `keys` afterwards.
    static func narrowed(_ text: String) throws -> YAMLValue {
        let value = try YAML.parse(text, file: "m.yaml", options: .helm)
        guard case .mapping(let all) = value else { return value }
        return .mapping(YAMLMapping(all.entries.filter { keys.contains($0.key) }.map { ($0.key, $0.value) }))
    }

    /// Whether libyaml reads `text` and the decoder could not have failed on it.
    static func safelyDecodable(_ text: String) -> Bool {
        guard let tree = try? YAML.parseTree(bytes: Array(text.utf8), file: "m.yaml", options: .helm),
            tree.documents.count == 1
        else { return false }
        return YAMLDecoder(tree: tree, options: .helm).cannotFail
    }

    /// When the scanner vouches for `text`, libyaml must agree, and the head must match.
    static func check(_ text: String) -> String? {
        guard let head = BlockHeadScanner.headText(Array(text.utf8), keys: keys) else { return nil }
        guard safelyDecodable(text) else { return "accepted a document libyaml rejects or the decoder may fail on:\n\(text)" }
        let full = try? narrowed(text)
        let partial = head.isEmpty ? .mapping(YAMLMapping()) : try? YAML.parse(head, file: "m.yaml", options: .helm)
        return full == partial ? nil : "head differs for:\n\(text)\nhead:\n\(head)"
    }

    @Test func typicalManifestsTakeTheQuickPath() throws {
        for seed in Self.seeds {
            #expect(BlockHeadScanner.headText(Array(seed.utf8), keys: Self.keys) != nil, "\(seed)")
            #expect(Self.check(seed) == nil)
            #expect(try YAML.parse(seed, file: "m.yaml", options: .helm, keepingOnly: Self.keys) == Self.narrowed(seed))
        }
    }

    @Test(arguments: [
        "kind: A\n  continued\n", "kind: 'a\n  b'\n", "kind: \"a\\x41\"\n", "kind: !!str a\n", "kind: &a b\n",
        "kind: a: b\n", "kind: a:\n", "kind:\tA\n", "kind: A\n...\n", "%YAML 1.1\nkind: A\n", "- a\n",
        "kind: |2\n   x\n", "kind: |\n\n   \n  x\n", "kind: [a, b,]\n", "kind: {a:b}\n", "a:\n  - x\n  y: 1\n",
        "k:\n- a\n - b\n", "\"ki\\nd\": A\n", "'it''s': A\n", "kind: A\r\n", "kind: @x\n", "kind: `x`\n", "metadata:\n  name: x\n bad: 1\n",
    ])
    func unusualDocumentsGoTheLongWay(text: String) {
        #expect(BlockHeadScanner.headText(Array(text.utf8), keys: Self.keys) == nil)
    }

    @Test func brokenVariantsAreNeverVouchedFor() {
        var random = ScannerRandom(seed: 0x5EED)
        let inserts: [String] = [
            ":", " ", "-", "\"", "'", "#", "\t", "|", ">", "{", "}", "[", "]", ",", "\n", "\n  ",
            "&a ", "*a", "!", "? ", ": ", " #", "\\", "...", "---", "\u{2028}", "é", "%",
        ]
        var failures: [String] = []
        var accepted = 0
        for seed in Self.seeds {
            let bytes = Array(seed.utf8)
            for _ in 0..<1500 {
                var mutant = bytes
                for _ in 0..<(1 + Int(random.next() % 2)) {
                    let at = Int(random.next() % UInt64(mutant.count + 1))
                    switch random.next() % 4 {
                    case 0: if at < mutant.count { mutant.remove(at: at) }
                    case 1: mutant.insert(contentsOf: Array(inserts[Int(random.next() % UInt64(inserts.count))].utf8), at: at)
                    case 2:  // indent or unindent the line holding `at`
                        var lineStart = min(at, mutant.count)
                        while lineStart > 0, mutant[lineStart - 1] != 0x0A { lineStart -= 1 }
                        if random.next() % 2 == 0 {
                            mutant.insert(0x20, at: lineStart)
                        } else if lineStart < mutant.count, mutant[lineStart] == 0x20 {
                            mutant.remove(at: lineStart)
                        }
                    default:  // repeat a byte range
                        let end = min(mutant.count, at + Int(random.next() % 12))
                        mutant.insert(contentsOf: mutant[at..<end], at: end)
                    }
                }
                let text = String(decoding: mutant, as: UTF8.self)
                if BlockHeadScanner.headText(Array(text.utf8), keys: Self.keys) != nil { accepted += 1 }
                if let failure = Self.check(text) { failures.append(failure) }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(3).joined(separator: "\n----\n"))")
        #expect(accepted > 1000)  // the variants exercise the quick path, not only the long way
    }
}

/// A small deterministic generator (SplitMix64), so failures repeat.
struct ScannerRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
