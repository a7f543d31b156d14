import Testing
@testable import Effects

@Suite struct LineDiffTests {
    /// Applies hunks to `old`, to check that they really turn it into `new`.
    private func apply(_ hunks: [LineDiff.Hunk], to old: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        for hunk in hunks {
            result += old[index..<hunk.oldStart]
            result += hunk.added
            index = hunk.oldStart + hunk.removed.count
        }
        return result + old[index...]
    }

    @Test(arguments: [
        ("abcdef", "abcdef"), ("abcdef", "abXdef"), ("abc", ""), ("", "abc"), ("abcabba", "cbabac"),
        ("aaaa", "aa"), ("xyz", "abc"), ("pod1 pod2 pod3", "pod1 pod3 pod4"),
    ])
    func hunksTurnOldIntoNew(_ old: String, _ new: String) throws {
        let a = old.map(String.init), b = new.map(String.init)
        let hunks = try #require(LineDiff.hunks(from: a, to: b, maxEdits: 100))
        #expect(apply(hunks, to: a) == b)
        if a == b { #expect(hunks.isEmpty) }
    }

    @Test func onlyTheChangedLineIsReported() throws {
        let old = (1...1000).map { "line \($0)" }
        var new = old
        new[499] = "line 500 changed"
        let hunks = try #require(LineDiff.hunks(from: old, to: new, maxEdits: 10))
        #expect(hunks == [LineDiff.Hunk(oldStart: 499, newStart: 499, removed: ["line 500"], added: ["line 500 changed"])])
    }

    @Test func tooManyChangesGiveNil() {
        #expect(LineDiff.hunks(from: ["a", "b", "c"], to: ["x", "y", "z"], maxEdits: 2) == nil)
    }

    @Test func randomEditsRoundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let old = (0..<Int.random(in: 0...30, using: &generator)).map { _ in String(Int.random(in: 0...4, using: &generator)) }
            var new = old
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                if !new.isEmpty, Bool.random(using: &generator) {
                    new.remove(at: Int.random(in: 0..<new.count, using: &generator))
                } else {
                    new.insert(String(Int.random(in: 0...4, using: &generator)), at: Int.random(in: 0...new.count, using: &generator))
                }
            }
            let hunks = try #require(LineDiff.hunks(from: old, to: new, maxEdits: 100))
            #expect(apply(hunks, to: old) == new)
        }
    }
}
