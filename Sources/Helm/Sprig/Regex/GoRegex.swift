/// A compiled regular expression with the syntax and leftmost-first semantics of Go's `regexp` package.
///
/// Positions are byte offsets into the UTF-8 text, as in Go; -1 marks a group that did not take part.
public struct GoRegex: Sendable {
    /// The source text, as passed to `init`.
    public let expression: String
    /// The number of capturing groups.
    public let numSubexp: Int
    /// Group names by index; index 0 and unnamed groups are "".
    public let subexpNames: [String]
    /// The compiled instructions.
    let program: RegexProgram

    /// Compiles `pattern` as Go's `regexp.Compile` does, throwing Go's parse errors.
    public init(_ pattern: String) throws(GoRegexError) {
        let (node, names) = try RegexParser.parse(pattern)
        expression = pattern
        subexpNames = names
        numSubexp = names.count - 1
        program = RegexCompiler.compile(node)
    }

    /// Capture slots per match: a start and an end for the whole match and each group.
    var slotCount: Int { 2 * (numSubexp + 1) }

    /// A fresh matcher; reusing one across successive searches saves its queues.
    func machine() -> RegexMachine { RegexMachine(program, slotCount: slotCount) }

    /// The capture slots of the first match at or after byte `from`, or nil.
    func execute(_ text: [UInt8], from: Int, machine: RegexMachine? = nil) -> [Int]? {
        (machine ?? self.machine()).match(text, from: from)
    }

    /// Whether `s` contains a match (Go's `MatchString`).
    public func matches(_ s: String) -> Bool { execute(Array(s.utf8), from: 0) != nil }

    /// Byte offsets of the first match and its groups (Go's `FindStringSubmatchIndex`).
    public func firstMatch(in s: String) -> [Int]? { execute(Array(s.utf8), from: 0) }

    /// The text of the first match, "" when there is none (Go's `FindString`).
    public func findString(_ s: String) -> String {
        let text = Array(s.utf8)
        guard let m = execute(text, from: 0) else { return "" }
        return Self.slice(text, m[0], m[1])
    }

    /// The texts of the first match and its groups, "" for groups that did not match (Go's `FindStringSubmatch`).
    public func findStringSubmatch(_ s: String) -> [String]? {
        let text = Array(s.utf8)
        guard let m = execute(text, from: 0) else { return nil }
        return stride(from: 0, to: m.count, by: 2).map { m[$0] >= 0 ? Self.slice(text, m[$0], m[$0 + 1]) : "" }
    }

    /// Slots of successive matches, at most `n` of them when `n >= 0` (Go's `FindAllStringSubmatchIndex`).
    /// An empty match right after the previous match is skipped.
    public func findAllIndex(_ s: String, _ n: Int) -> [[Int]] {
        allMatches(Array(s.utf8), n)
    }

    /// Go's `allMatches`: successive matches, skipping an empty match that abuts the previous one.
    func allMatches(_ text: [UInt8], _ limit: Int) -> [[Int]] {
        let n = limit < 0 ? text.count + 1 : limit
        var result: [[Int]] = []
        var pos = 0
        var prevMatchEnd = -1
        let m = machine()
        while result.count < n && pos <= text.count {
            guard let match = m.match(text, from: pos) else { break }
            var accept = true
            if match[1] == pos {
                // An empty match: never right after the previous match, and step past one rune.
                if match[0] == prevMatchEnd { accept = false }
                let width = RegexMachine.step(text, pos).1
                pos = width > 0 ? pos + width : text.count + 1
            } else {
                pos = match[1]
            }
            prevMatchEnd = match[1]
            if accept { result.append(match) }
        }
        return result
    }

    /// The texts of successive matches (Go's `FindAllString`).
    public func findAllString(_ s: String, _ n: Int) -> [String] {
        let text = Array(s.utf8)
        return allMatches(text, n).map { Self.slice(text, $0[0], $0[1]) }
    }

    /// The group texts of successive matches (Go's `FindAllStringSubmatch`).
    public func findAllStringSubmatch(_ s: String, _ n: Int) -> [[String]] {
        let text = Array(s.utf8)
        return allMatches(text, n).map { m in
            stride(from: 0, to: m.count, by: 2).map { m[$0] >= 0 ? Self.slice(text, m[$0], m[$0 + 1]) : "" }
        }
    }

    /// Replaces every match with `template` expanded as Go's `Expand` does (Go's `ReplaceAllString`).
    public func replaceAllString(_ src: String, _ template: String) -> String {
        let templateBytes = Array(template.utf8)
        return replaceAll(src) { out, text, match in expand(&out, templateBytes, text, match) }
    }

    /// Replaces every match with `replacement` taken literally (Go's `ReplaceAllLiteralString`).
    public func replaceAllLiteralString(_ src: String, _ replacement: String) -> String {
        let bytes = Array(replacement.utf8)
        return replaceAll(src) { out, _, _ in out.append(contentsOf: bytes) }
    }

    /// Replaces every match with what `replacement` returns for the matched text (Go's `ReplaceAllStringFunc`).
    public func replaceAllStringFunc(_ src: String, _ replacement: (String) -> String) -> String {
        replaceAll(src) { out, text, match in
            out.append(contentsOf: replacement(Self.slice(text, match[0], match[1])).utf8)
        }
    }

    /// Go's `replaceAll`: copies the text between matches and lets `append` write each replacement.
    func replaceAll(_ src: String, _ append: (inout [UInt8], [UInt8], [Int]) -> Void) -> String {
        let text = Array(src.utf8)
        var out: [UInt8] = []
        var lastMatchEnd = 0
        var searchPos = 0
        let m = machine()
        while searchPos <= text.count {
            guard let match = m.match(text, from: searchPos) else { break }
            out.append(contentsOf: text[lastMatchEnd..<match[0]])
            // No replacement for an empty match right after another match.
            if match[1] > lastMatchEnd || match[0] == 0 { append(&out, text, match) }
            lastMatchEnd = match[1]
            let width = RegexMachine.step(text, searchPos).1
            if searchPos + width > match[1] {
                searchPos += width
            } else if searchPos + 1 > match[1] {
                searchPos += 1
            } else {
                searchPos = match[1]
            }
        }
        out.append(contentsOf: text[lastMatchEnd...])
        return String(decoding: out, as: UTF8.self)
    }

    /// Splits `s` around matches (Go's `Split`): `n > 0` at most n pieces, `n == 0` none, `n < 0` all.
    public func split(_ s: String, _ n: Int) -> [String] {
        if n == 0 { return [] }
        if !expression.isEmpty && s.isEmpty { return [""] }
        let text = Array(s.utf8)
        var pieces: [String] = []
        var begin = 0
        var end = 0
        for match in allMatches(text, n) {
            if n > 0 && pieces.count >= n - 1 { break }
            end = match[0]
            if match[1] != 0 { pieces.append(Self.slice(text, begin, end)) }
            begin = match[1]
        }
        if end != text.count { pieces.append(Self.slice(text, begin, text.count)) }
        return pieces
    }

    /// The bytes `from..<to` of `text` as a string.
    static func slice(_ text: [UInt8], _ from: Int, _ to: Int) -> String {
        String(decoding: text[from..<to], as: UTF8.self)
    }
}
