/// The constraint grammar of Masterminds/semver, scanned by hand instead of with its regular
/// expressions; the scanners take the same (greedy) matches those expressions find.
enum SemverConstraintSyntax {
    /// A version inside a constraint: `v?X(.X)?(.X)?(-pre)?(+meta)?` where X may be a wildcard.
    struct VersionMatch {
        /// The whole match.
        var whole: Range<Int>
        /// The major part, without the `v`.
        var major: Range<Int>
        /// `.minor` and `.patch`, with their dots, when present.
        var minor: Range<Int>?, patch: Range<Int>?
        /// `-pre`, with its dash, when present.
        var prerelease: Range<Int>?
    }

    /// One constraint: operator text and version.
    struct Item {
        /// The operator as written (`""`, `=`, `>=`, `~>`, ...).
        var op: String
        /// The version text as written (`1.2.x`, `v1.19-0`).
        var version: String
        /// Where the version parts are, within `version`'s bytes.
        var match: VersionMatch
        /// `version`'s bytes.
        var bytes: [UInt8]
    }

    /// `[0-9|xX*]`: the characters of a version number part in a constraint (the `|` is in semver's class too).
    static func isNumberChar(_ c: UInt8) -> Bool {
        SemverChars.isDigit(c) || c == UInt8(ascii: "x") || c == UInt8(ascii: "X")
            || c == UInt8(ascii: "*") || c == UInt8(ascii: "|")
    }

    /// Matches a constraint version at `start`, as long as possible.
    static func matchVersion(_ b: [UInt8], at start: Int) -> VersionMatch? {
        var i = start
        if i + 1 < b.count && b[i] == UInt8(ascii: "v") && isNumberChar(b[i + 1]) { i += 1 }
        let majorStart = i
        while i < b.count && isNumberChar(b[i]) { i += 1 }
        guard i > majorStart else { return nil }
        let major = majorStart..<i
        func dotted() -> Range<Int>? {
            guard i + 1 < b.count, b[i] == UInt8(ascii: "."), isNumberChar(b[i + 1]) else { return nil }
            let s = i
            i += 1
            while i < b.count && isNumberChar(b[i]) { i += 1 }
            return s..<i
        }
        let minor = dotted()
        let patch = minor == nil ? nil : dotted()
        var prerelease: Range<Int>?
        if i < b.count && b[i] == UInt8(ascii: "-"), let r = SemverChars.dottedIdentifiers(b, from: i + 1) {
            prerelease = i..<r.upperBound
            i = r.upperBound
        }
        if i < b.count && b[i] == UInt8(ascii: "+"), let r = SemverChars.dottedIdentifiers(b, from: i + 1) {
            i = r.upperBound
        }
        return VersionMatch(whole: start..<i, major: major, minor: minor, patch: patch, prerelease: prerelease)
    }

    /// The operators, longest first so `>=` wins over `>`.
    static let operators = ["!=", ">=", "=>", "<=", "=<", "~>", "=", ">", "<", "~", "^"].map { Array($0.utf8) }

    /// Splits one `||` alternative into its constraints, or nil when it is not well-formed
    /// (constraints separated by spaces or a comma, each an optional operator, spaces, a version).
    static func items(_ text: String) -> [Item]? {
        let b = Array(text.utf8)
        var i = 0
        var result: [Item] = []
        func skipSpaces() -> Int {
            let s = i
            while i < b.count && SemverChars.isSpace(b[i]) { i += 1 }
            return i - s
        }
        _ = skipSpaces()
        while true {
            var op: [UInt8] = []
            for candidate in operators where b[i...].starts(with: candidate) {
                op = candidate
                break
            }
            i += op.count
            _ = skipSpaces()
            guard let match = matchVersion(b, at: i) else { return nil }
            let version = Array(b[match.whole])
            let shifted = VersionMatch(
                whole: 0..<version.count, major: match.major.shifted(-i),
                minor: match.minor?.shifted(-i), patch: match.patch?.shifted(-i),
                prerelease: match.prerelease?.shifted(-i))
            result.append(Item(op: String(decoding: op, as: UTF8.self),
                               version: String(decoding: version, as: UTF8.self), match: shifted, bytes: version))
            i = match.whole.upperBound
            let spaces = skipSpaces()
            if i == b.count { return result }
            if b[i] == UInt8(ascii: ",") {
                i += 1
                _ = skipSpaces()
            } else if spaces == 0 {
                return nil
            }
        }
    }

    /// Rewrites hyphen ranges `A - B` to `>= A, <= B ` the way semver does (text replacement
    /// of each match's first occurrence).
    static func rewriteRanges(_ text: String) -> String {
        let b = Array(text.utf8)
        var matches: [(whole: [UInt8], low: [UInt8], high: [UInt8])] = []
        var p = 0
        while p < b.count {
            if let found = rangeMatch(b, at: p) {
                matches.append(found.parts)
                p = found.end
            } else {
                p += 1
            }
        }
        var output = b
        for m in matches {
            let replacement = Array(">= ".utf8) + m.low + Array(", <= ".utf8) + m.high + [UInt8(ascii: " ")]
            if let at = firstIndex(of: m.whole, in: output) {
                output.replaceSubrange(at..<(at + m.whole.count), with: replacement)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `\s*(version)\s+-\s+(version)\s*` starting exactly at `p`.
    private static func rangeMatch(_ b: [UInt8], at p: Int) -> (parts: (whole: [UInt8], low: [UInt8], high: [UInt8]), end: Int)? {
        var i = p
        while i < b.count && SemverChars.isSpace(b[i]) { i += 1 }
        guard let low = matchVersion(b, at: i) else { return nil }
        i = low.whole.upperBound
        let beforeDash = i
        while i < b.count && SemverChars.isSpace(b[i]) { i += 1 }
        guard i > beforeDash, i < b.count, b[i] == UInt8(ascii: "-") else { return nil }
        i += 1
        let afterDash = i
        while i < b.count && SemverChars.isSpace(b[i]) { i += 1 }
        guard i > afterDash, let high = matchVersion(b, at: i) else { return nil }
        i = high.whole.upperBound
        while i < b.count && SemverChars.isSpace(b[i]) { i += 1 }
        return ((Array(b[p..<i]), Array(b[low.whole]), Array(b[high.whole])), i)
    }

    /// The first position of `needle` in `haystack`.
    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}

extension Range where Bound == Int {
    /// The range moved by `offset`.
    fileprivate func shifted(_ offset: Int) -> Range<Int> { (lowerBound + offset)..<(upperBound + offset) }
}
