import Testing
@testable import TUI

@Suite struct LineDiffTests {
    @Test func removalsComeBeforeAdditions() {
        #expect(LineDiff.diff(["a", "b", "c"], ["a", "x", "c"]) == [.same("a"), .removed("b"), .added("x"), .same("c")])
        #expect(LineDiff.diff([], ["a"]) == [.added("a")])
        #expect(LineDiff.diff(["a"], []) == [.removed("a")])
    }

    @Test func showsContextAroundChangesOnly() {
        let old = (1...20).map { "line\($0)" }.joined(separator: "\n")
        let new = old.replacing("line10\n", with: "line10 changed\n")
        let lines = LineDiff.lines(old: old, new: new, context: 2).map(\.text)
        #expect(lines == ["@@ line 8 @@", "  line8", "  line9", "- line10", "+ line10 changed", "  line11", "  line12"])
        #expect(LineDiff.lines(old: old, new: old).isEmpty)
    }

    @Test func secretsAreMasked() {
        let text = "postgresql:\n  postgresqlPassword: abc123\n  user: posthog\nemail:\n  password: \"\"\nkey: hunter22\n"
        let masked = SecretMask.mask(text, secrets: ["hunter22"])
        #expect(masked == "postgresql:\n  postgresqlPassword: ********\n  user: posthog\nemail:\n  password: \"\"\nkey: ********\n")
    }
}
