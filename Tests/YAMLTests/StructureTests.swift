import Testing
@testable import YAML

@Suite struct StructureTests {
    @Test func keepsMappingOrderAndNests() throws {
        let value = try YAML.parse("""
        b: 1
        a:
          - x
          - {k: v, m: [1, 2]}
        c: "s"
        """, file: "t.yaml")
        guard case .mapping(let m) = value else { Issue.record("not a mapping"); return }
        #expect(m.keys == ["b", "a", "c"])
        #expect(value["a"] == .sequence([.string("x"), .mapping(YAMLMapping([("k", .string("v")), ("m", .sequence([.int(1), .int(2)]))]))]))
    }

    @Test func multiDocumentStreams() throws {
        let docs = try YAML.parseDocuments("a: 1\n---\nb: 2\n---\n# only a comment\n", file: "t.yaml")
        #expect(docs.count == 3)
        #expect(docs[2] == .null)
        #expect(docs[1]["b"] == .int(2))
    }

    @Test func anchorsAliasesAndMergeKeys() throws {
        let value = try YAML.parse("""
        base: &base {a: 1, b: 2}
        other: &other {b: 3, c: 4}
        one:
          <<: *base
          b: 20
        many:
          <<: [*base, *other]
          d: 5
        list: &l [1, 2]
        again: *l
        """, file: "t.yaml")
        #expect(value["one"] == .mapping(YAMLMapping([("a", .int(1)), ("b", .int(20))])))
        #expect(value["many"] == .mapping(YAMLMapping([("b", .int(2)), ("c", .int(4)), ("a", .int(1)), ("d", .int(5))])))
        #expect(value["again"] == .sequence([.int(1), .int(2)]))
    }

    @Test func nonStringKeysBecomeStrings() throws {
        let value = try YAML.parse("1: a\ntrue: b\n~: c\n1.5: d\n", file: "t.yaml")
        guard case .mapping(let m) = value else { Issue.record("not a mapping"); return }
        #expect(m.keys == ["1", "true", "null", "1.5"])
    }

    @Test func literalAndFoldedBlocks() throws {
        let value = try YAML.parse("a: |\n  line1\n  line2\nb: >-\n  folded\n  text\n", file: "t.yaml")
        #expect(value["a"] == .string("line1\nline2\n"))
        #expect(value["b"] == .string("folded text"))
    }
}

@Suite struct YAML11KeyTests {
    /// go-yaml v2 reads the key `n` as the boolean false, and Helm's JSON step spells it "false".
    @Test func yaml11BooleanKeysBecomeTrueFalse() throws {
        let value = try YAML.parse("n: 1\ny: 2\n", file: "t.yaml")
        guard case .mapping(let m) = value else { Issue.record("not a mapping"); return }
        #expect(m.keys == ["false", "true"])
    }
}
