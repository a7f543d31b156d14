import Testing
@testable import Kube

@Suite struct ResourceNameTests {
    @Test(arguments: ["posthog", "ph-2", "a", String(repeating: "a", count: 63)])
    func goodNamespaces(_ name: String) {
        #expect(ResourceName.namespaceProblem(name) == nil)
    }

    @Test(arguments: [
        ("Bad_NS", "'B' (use lowercase)"), ("UPPER!", "'U'"), ("with space", "a space"), ("-lead", "not '-'"),
        ("trail-", "not '-'"), ("", "cannot be empty"), (String(repeating: "a", count: 64), "at most 63"),
        ("dots.are.not", "'.'"),
    ])
    func badNamespaces(_ name: String, _ reason: String) throws {
        let problem = try #require(ResourceName.namespaceProblem(name))
        #expect(problem.contains(reason))
    }

    @Test func releaseNames() {
        #expect(ResourceName.releaseProblem("posthog") == nil)
        #expect(ResourceName.releaseProblem("ph.prod") == nil)
        #expect(ResourceName.releaseProblem("UPPER!")?.contains("use lowercase") == true)
        #expect(ResourceName.releaseProblem("a..b")?.contains("empty part") == true)
        #expect(ResourceName.releaseProblem(String(repeating: "a", count: 54))?.contains("at most 53") == true)
    }
}
