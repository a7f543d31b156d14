import Testing

@testable import Helm

/// `String.replacingAll` (Go's strings.ReplaceAll, behind `replace`, `indent`, `nindent`, `tpl`)
/// against the plain definition: the text split at every occurrence, joined with the replacement.
@Suite struct ReplacingAllTests {
    /// Go's ReplaceAll, written the slow and obvious way: scan left to right, take each match.
    static func reference(_ text: String, _ target: String, _ replacement: String) -> String {
        let bytes = Array(text.utf8)
        let needle = Array(target.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if i + needle.count <= bytes.count, Array(bytes[i..<(i + needle.count)]) == needle {
                out += Array(replacement.utf8)
                i += needle.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func knownCases() {
        #expect("a\nb\n".replacingAll("\n", with: "\n  ") == "a\n  b\n  ")
        #expect("<no value>x<no value>".replacingAll("<no value>", with: "") == "x")
        #expect("aaaa".replacingAll("aa", with: "b") == "bb")
        #expect("aaa".replacingAll("aa", with: "b") == "ba")
        #expect("abc".replacingAll("abcd", with: "x") == "abc")
        #expect("héllo héllo".replacingAll("é", with: "e") == "hello hello")
        #expect("".replacingAll("x", with: "y") == "")
        #expect("xx".replacingAll("x", with: "") == "")
    }

    @Test func agreesWithTheReferenceOnRandomTexts() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [String] = ["a", "b", "\n", " ", "é", "<", ">", "no", "<no value>"]
        let targets = ["a", "\n", "ab", "aa", "<no value>", "é", "ba", "\n\n"]
        let replacements = ["", "x", "\n    ", "aa", "é", "<no value>"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...30, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            let target = targets.randomElement(using: &rng)!
            let replacement = replacements.randomElement(using: &rng)!
            #expect(
                text.replacingAll(target, with: replacement) == Self.reference(text, target, replacement),
                "\(text.debugDescription) \(target.debugDescription) \(replacement.debugDescription)")
        }
    }
}
