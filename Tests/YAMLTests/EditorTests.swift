import Testing
@testable import YAML

@Suite struct EditorTests {
    static let userFile = """
    # My PostHog settings — do not lose these comments!
    cloud: "do"   # quoted on purpose

    ingress:
      hostname: old.example.com  # set by hand
      nginx:
        enabled: true
        redirectToTLS: true

    # external services
    email:
      host: smtp.example.com
      port: 587
    list:
      - a
      - b
    empty:
    tail: kept
    """

    private func edited(_ edits: (inout YAMLEditor) throws -> Void) throws -> String {
        var editor = try YAMLEditor(text: Self.userFile, file: "values.yaml")
        try edits(&editor)
        _ = try YAML.parse(editor.text, file: "values.yaml")
        return editor.text
    }

    @Test func removingTheLastKeyRemovesTheEmptiedParentsToo() throws {
        var editor = try YAMLEditor(text: "web:\n  secureCookies: false\ncloud: do\ndeep:\n  a:\n    b: 1\n  keep: 2\n", file: "v.yaml")
        try editor.removePruningEmptyParents(["web", "secureCookies"])
        try editor.removePruningEmptyParents(["deep", "a", "b"])
        #expect(editor.text == "cloud: do\ndeep:\n  keep: 2\n")
    }

    @Test func changesOneScalarAndNothingElse() throws {
        let text = try edited { try $0.set(["ingress", "hostname"], to: .string("posthog.example.com")) }
        #expect(text == Self.userFile.replacingOccurrences(of: "old.example.com", with: "posthog.example.com"))
    }

    @Test func quotesValuesThatWouldChangeType() throws {
        let text = try edited { try $0.set(["ingress", "nginx", "enabled"], to: .string("yes")) }
        #expect(text.contains("    enabled: \"yes\"\n"))
        #expect(try YAML.parse(text, file: "v")["ingress"]?["nginx"]?["enabled"] == .string("yes"))
    }

    @Test func addsMissingKeysAtTheEndOfTheirMapping() throws {
        let text = try edited {
            try $0.set(["email", "user"], to: .string("mailer"))
            try $0.set(["cert-manager", "enabled"], to: .bool(true))
        }
        #expect(text.contains("  port: 587\n  user: mailer\nlist:"))
        #expect(text.hasSuffix("tail: kept\ncert-manager:\n  enabled: true"))
        #expect(text.hasPrefix("# My PostHog settings — do not lose these comments!\ncloud: \"do\"   # quoted on purpose\n"))
    }

    @Test func replacesCollectionsAndFillsEmptyValues() throws {
        let text = try edited {
            try $0.set(["list"], to: .sequence([.string("x")]))
            try $0.set(["empty"], to: .mapping(YAMLMapping([("k", .int(1))])))
        }
        #expect(text.contains("list:\n- x\nempty:\n  k: 1\ntail: kept"))
        let value = try YAML.parse(text, file: "v")
        #expect(value["list"] == .sequence([.string("x")]))
        #expect(value["empty"] == .mapping(YAMLMapping([("k", .int(1))])))
    }

    @Test func scalarBecomesNestedMapping() throws {
        let text = try edited { try $0.set(["tail", "deeper"], to: .string("v")) }
        #expect(try YAML.parse(text, file: "v")["tail"] == .mapping(YAMLMapping([("deeper", .string("v"))])))
    }

    @Test func multiLineStringsAreIndentedUnderTheirKey() throws {
        let text = try edited { try $0.set(["email", "note"], to: .string("line one\nline two")) }
        #expect(text.contains("  note: |-\n    line one\n    line two\n"))
    }

    @Test func removesAKeyWithItsBlock() throws {
        let text = try edited { try $0.remove(["email"]) }
        #expect(!text.contains("smtp.example.com"))
        #expect(text.contains("# external services\nlist:"))
    }

    @Test func emptyFileGetsKeys() throws {
        var editor = try YAMLEditor(text: "# just a comment\n", file: "v.yaml")
        try editor.set(["a", "b"], to: .int(1))
        #expect(editor.text == "# just a comment\na:\n  b: 1\n")
    }

    @Test func refusesToStartOnBrokenYAML() {
        #expect(throws: YAMLError.self) { _ = try YAMLEditor(text: "a: [1\n", file: "v.yaml") }
    }
}
