import Testing
@testable import YAML

/// `parse(_:keepingOnly:)` reads only some top-level entries but must agree with a full parse:
/// the same values for the kept keys and the same error for any document a full parse rejects.
@Suite struct PartialParseTests {
    static let keys: Set<String> = ["kind", "metadata"]

    /// The full parse, narrowed to `keys` afterwards.
    static func narrowed(_ text: String) throws -> YAMLValue {
        let value = try YAML.parse(text, file: "m.yaml", options: .helm)
        guard case .mapping(let all) = value else { return value }
        return .mapping(YAMLMapping(all.entries.filter { keys.contains($0.key) }.map { ($0.key, $0.value) }))
    }

    static func outcome(_ body: () throws -> YAMLValue) -> String {
        do { return "value \(try body())" } catch { return "error \(error)" }
    }

    @Test(arguments: [
        // Plain documents: the fast path.
        "kind: Service\nspec:\n  ports: [1, 2]\nmetadata:\n  name: web\n  labels: {a: b}\n",
        "kind: 12\nmetadata: {name: [x]}\n",
        "kind: A\nkind: B\nmetadata: {}\n",
        "spec: {}\n",
        // Documents the full decoder must see: tags, aliases, merge keys, complex keys.
        "kind: Job\nspec: !!int notanumber\n",
        "kind: Job\nbase: &b {x: 1}\nspec: *b\nmetadata: {name: n}\n",
        "kind: Job\nspec:\n  <<: [1]\n",
        "kind: Job\nspec:\n  ? [a, b]\n  : 1\n",
        "kind: Job\nspec: {a: &a [*a]}\n",
        // Not mappings, empty, and two documents.
        "- a\n- b\n", "", "just text\n", "kind: A\n---\nkind: B\n",
    ])
    func agreesWithAFullParse(text: String) {
        let partial = Self.outcome { try YAML.parse(text, file: "m.yaml", options: .helm, keepingOnly: Self.keys) }
        #expect(partial == Self.outcome { try Self.narrowed(text) })
    }

    @Test func aDocumentWithATagOrAliasIsNotSkippedOver() throws {
        #expect(throws: YAMLError.self) {
            try YAML.parse("kind: Job\nspec: !!int notanumber\n", file: "m.yaml", options: .helm, keepingOnly: Self.keys)
        }
        let plain = try YAML.parse("kind: Job\nspec: {x: 1}\n", file: "m.yaml", options: .helm, keepingOnly: Self.keys)
        #expect(plain == .mapping(YAMLMapping([("kind", .string("Job"))])))
    }
}
