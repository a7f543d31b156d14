/// The glob syntax of `.Files.Glob` (gobwas/glob with `/` as separator): `*` within a path
/// segment, `**` across segments, `?`, `[abc]`/`[!a-z]`, and `{a,b}` alternatives.
struct FilesGlob {
    private let pattern: [Character]

    init(_ pattern: String) { self.pattern = Array(pattern) }

    func matches(_ name: String) -> Bool { match(pattern[...], Array(name)[...]) }

    private func match(_ p: ArraySlice<Character>, _ s: ArraySlice<Character>) -> Bool {
        guard let c = p.first else { return s.isEmpty }
        switch c {
        case "*":
            let doubleStar = p.dropFirst().first == "*"
            let rest = doubleStar ? p.dropFirst(2) : p.dropFirst()
            var t = s
            while true {
                if match(rest, t) { return true }
                guard let ch = t.first, doubleStar || ch != "/" else { return false }
                t = t.dropFirst()
            }
        case "?":
            guard let ch = s.first, ch != "/" else { return false }
            return match(p.dropFirst(), s.dropFirst())
        case "[":
            guard let close = p.firstIndex(of: "]"), let ch = s.first else { return false }
            var set = p[(p.startIndex + 1)..<close]
            var negate = false
            if set.first == "!" || set.first == "^" { negate = true; set = set.dropFirst() }
            var found = false
            var items = Array(set)
            var k = 0
            while k < items.count {
                if k + 2 < items.count, items[k + 1] == "-" {
                    if items[k] <= ch && ch <= items[k + 2] { found = true }
                    k += 3
                } else {
                    if items[k] == ch { found = true }
                    k += 1
                }
            }
            items.removeAll()
            guard found != negate else { return false }
            return match(p[(close + 1)...], s.dropFirst())
        case "{":
            guard let close = p.firstIndex(of: "}") else { return false }
            let alternatives = p[(p.startIndex + 1)..<close].split(separator: ",", omittingEmptySubsequences: false)
            let rest = p[(close + 1)...]
            return alternatives.contains { match(ArraySlice(Array($0) + Array(rest)), s) }
        case "\\":
            guard p.count > 1, s.first == p[p.startIndex + 1] else { return false }
            return match(p.dropFirst(2), s.dropFirst())
        default:
            guard s.first == c else { return false }
            return match(p.dropFirst(), s.dropFirst())
        }
    }
}
