/// Parses Go (RE2) regular expression syntax into a `RegexNode` tree, reporting errors as Go does.
struct RegexParser {
    /// The largest count allowed in `x{n,m}`, also the limit on nested counts multiplied together.
    static let maxRepeat = 1000
    /// The deepest tree Go accepts.
    static let maxHeight = 1000

    /// One open group: the alternatives finished so far and the concatenation being read.
    struct Frame {
        var alternatives: [RegexNode] = []
        var current: [RegexNode] = []
        /// Flags to restore when the group closes.
        var savedFlags: RegexFlags
        /// Capture index, 0 for a non-capturing group.
        var capture: Int
    }

    /// The whole pattern, for errors that quote it.
    let whole: String
    /// The pattern as scalars; `pos` indexes it.
    let chars: [Unicode.Scalar]
    var pos = 0
    /// Flags in effect at `pos` (Go's Perl mode: `^`/`$` match only at text edges until `(?m)`).
    var flags: RegexFlags = [.oneLine]
    /// Open groups, outermost (the whole expression) first.
    var frames: [Frame]
    /// Capture names by index; index 0 (the whole match) and unnamed groups are "".
    var names: [String] = [""]

    init(_ pattern: String) {
        whole = pattern
        chars = Array(pattern.unicodeScalars)
        frames = [Frame(savedFlags: [.oneLine], capture: 0)]
    }

    /// Parses `pattern`, returning the tree and the capture names.
    static func parse(_ pattern: String) throws(GoRegexError) -> (node: RegexNode, names: [String]) {
        var parser = RegexParser(pattern)
        let node = try parser.run()
        try checkHeight(node, pattern)
        return (node, parser.names)
    }

    /// The pattern text between two scalar offsets, for error messages.
    func text(_ from: Int, _ to: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: chars[from..<min(to, chars.count)])
        return String(view)
    }

    /// A parse error quoting the pattern between two offsets.
    func error(_ code: String, _ from: Int, _ to: Int) -> GoRegexError {
        GoRegexError(code: code, expression: text(from, to))
    }

    /// Adds an item to the concatenation being read.
    mutating func push(_ node: RegexNode) { frames[frames.count - 1].current.append(node) }

    /// Adds one rune, case-insensitive when `(?i)` is on and the rune has other cases.
    mutating func literal(_ r: UInt32) {
        let fold = flags.contains(.foldCase) && RegexCaseFold.orbit(r).count > 1
        push(.literal(r, fold: fold))
    }

    /// Reads the whole pattern.
    mutating func run() throws(GoRegexError) -> RegexNode {
        var lastRepeat: Int? = nil
        while pos < chars.count {
            var repeatStart: Int? = nil
            let c = chars[pos]
            switch c {
            case "(":
                if pos + 1 < chars.count && chars[pos + 1] == "?" {
                    try parsePerlFlags()
                } else {
                    names.append("")
                    frames.append(Frame(savedFlags: flags, capture: names.count - 1))
                    pos += 1
                }
            case "|":
                finishAlternative()
                pos += 1
            case ")":
                try closeGroup()
                pos += 1
            case "^":
                push(.assertion(flags.contains(.oneLine) ? .beginText : .beginLine))
                pos += 1
            case "$":
                push(.assertion(flags.contains(.oneLine) ? .endText : .endLine))
                pos += 1
            case ".":
                push(flags.contains(.dotNL) ? .anyChar : .anyCharNotNL)
                pos += 1
            case "[":
                try parseClass()
            case "*", "+", "?":
                let before = pos
                pos += 1
                try applyRepeat(c == "*" ? 0 : c == "+" ? 1 : 2, min: 0, max: 0, before: before, lastRepeat: lastRepeat)
                repeatStart = before
            case "{":
                let before = pos
                guard let (lo, hi, after) = parseRepeatBraces() else {
                    literal(c.value)
                    pos += 1
                    break
                }
                pos = after
                if lo < 0 || lo > Self.maxRepeat || hi > Self.maxRepeat || (hi >= 0 && lo > hi) {
                    throw error(GoRegexError.invalidRepeatSize, before, pos)
                }
                try applyRepeat(3, min: lo, max: hi, before: before, lastRepeat: lastRepeat)
                repeatStart = before
            case "\\":
                try parseBackslash()
            default:
                literal(c.value)
                pos += 1
            }
            lastRepeat = repeatStart
        }
        guard frames.count == 1 else { throw GoRegexError(code: GoRegexError.missingParen, expression: whole) }
        return Self.build(frames[0])
    }

    /// Ends the current alternative at a `|`.
    mutating func finishAlternative() {
        let last = frames.count - 1
        frames[last].alternatives.append(Self.concat(frames[last].current))
        frames[last].current = []
    }

    /// Closes the innermost group at a `)`.
    mutating func closeGroup() throws(GoRegexError) {
        guard frames.count > 1 else { throw GoRegexError(code: GoRegexError.unexpectedParen, expression: whole) }
        let frame = frames.removeLast()
        flags = frame.savedFlags
        let node = Self.build(frame)
        push(frame.capture > 0 ? .capture(frame.capture, node) : node)
    }

    /// The concatenation of `items`; empty is the empty match.
    static func concat(_ items: [RegexNode]) -> RegexNode {
        switch items.count {
        case 0: return .emptyMatch
        case 1: return items[0]
        default: return .concat(items)
        }
    }

    /// The node a finished group stands for: its concatenation, or the alternation of its branches.
    static func build(_ frame: Frame) -> RegexNode {
        let last = concat(frame.current)
        if frame.alternatives.isEmpty { return last }
        return .alternate(frame.alternatives + [last])
    }

    /// Applies `*` (0), `+` (1), `?` (2) or `{min,max}` (3) to the previous item.
    mutating func applyRepeat(_ kind: Int, min: Int, max: Int, before: Int, lastRepeat: Int?) throws(GoRegexError) {
        var greedy = !flags.contains(.nonGreedy)
        if pos < chars.count && chars[pos] == "?" {
            pos += 1
            greedy.toggle()
        }
        if let lastRepeat {
            // Perl forbids stacking repetitions: a** is an error, not a doubled star.
            throw error(GoRegexError.invalidRepeatOp, lastRepeat, pos)
        }
        guard let sub = frames[frames.count - 1].current.popLast() else {
            throw error(GoRegexError.missingRepeatArgument, before, pos)
        }
        let node: RegexNode
        switch kind {
        case 0: node = .star(sub, greedy: greedy)
        case 1: node = .plus(sub, greedy: greedy)
        case 2: node = .quest(sub, greedy: greedy)
        default: node = .repeatCount(sub, min: min, max: max, greedy: greedy)
        }
        if kind == 3 && (min >= 2 || max >= 2) && !Self.repeatIsValid(node, Self.maxRepeat) {
            throw error(GoRegexError.invalidRepeatSize, before, pos)
        }
        push(node)
    }

    /// Whether nested counted repetitions stay within `n` copies of the innermost item.
    static func repeatIsValid(_ node: RegexNode, _ n: Int) -> Bool {
        var n = n
        if case .repeatCount(_, let lo, let hi, _) = node {
            if hi == 0 { return true }
            let m = hi < 0 ? lo : hi
            if m > n { return false }
            if m > 0 { n /= m }
        }
        return node.children.allSatisfy { repeatIsValid($0, n) }
    }

    /// Reads `{n}`, `{n,}` or `{n,m}` at `pos`; nil when the text is not of that form (then `{` is literal).
    /// A number too large yields a min of -1.
    func parseRepeatBraces() -> (Int, Int, Int)? {
        var i = pos + 1
        guard let (lo, afterLo) = parseInt(i) else { return nil }
        i = afterLo
        guard i < chars.count else { return nil }
        var hi = lo
        var min = lo
        if chars[i] == "," {
            i += 1
            guard i < chars.count else { return nil }
            if chars[i] == "}" {
                hi = -1
            } else {
                guard let (value, afterHi) = parseInt(i) else { return nil }
                hi = value
                i = afterHi
                if hi < 0 { min = -1 }
            }
        }
        guard i < chars.count, chars[i] == "}" else { return nil }
        return (min, hi, i + 1)
    }

    /// A decimal number without leading zeros; -1 when it is too big.
    func parseInt(_ start: Int) -> (Int, Int)? {
        var i = start
        guard i < chars.count, isDigit(chars[i]) else { return nil }
        if chars[i] == "0" && i + 1 < chars.count && isDigit(chars[i + 1]) { return nil }
        var n = 0
        while i < chars.count, isDigit(chars[i]) {
            if n >= 100_000_000 { n = -1 } else if n >= 0 { n = n * 10 + Int(chars[i].value - 0x30) }
            i += 1
        }
        return (n, i)
    }

    func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    func isAlnum(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }

    /// Reads `(?flags)`, `(?flags:`, `(?P<name>` or `(?<name>` at `pos`.
    mutating func parsePerlFlags() throws(GoRegexError) {
        let start = pos
        let remaining = chars.count - pos
        let startsWithP = remaining > 4 && chars[pos + 2] == "P" && chars[pos + 3] == "<"
        let startsWithName = remaining > 3 && chars[pos + 2] == "<"
        if startsWithP || startsWithName {
            let nameStart = pos + (startsWithP ? 4 : 3)
            guard let end = chars[pos...].firstIndex(of: ">") else {
                throw error(GoRegexError.invalidNamedCapture, start, chars.count)
            }
            let name = text(nameStart, end)
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0 == "_" || isAlnum($0) }) else {
                throw error(GoRegexError.invalidNamedCapture, start, end + 1)
            }
            names.append(name)
            frames.append(Frame(savedFlags: flags, capture: names.count - 1))
            pos = end + 1
            return
        }
        pos += 2
        var newFlags = flags
        var negate = false
        var sawFlag = false
        loop: while pos < chars.count {
            let c = chars[pos]
            pos += 1
            switch c {
            case "i": set(&newFlags, .foldCase, !negate); sawFlag = true
            case "m": set(&newFlags, .oneLine, negate); sawFlag = true
            case "s": set(&newFlags, .dotNL, !negate); sawFlag = true
            case "U": set(&newFlags, .nonGreedy, !negate); sawFlag = true
            case "-":
                if negate { break loop }
                negate = true
                sawFlag = false
            case ":", ")":
                if negate && !sawFlag { break loop }
                if c == ":" { frames.append(Frame(savedFlags: flags, capture: 0)) }
                flags = newFlags
                return
            default:
                break loop
            }
        }
        throw error(GoRegexError.invalidPerlOp, start, pos)
    }

    private func set(_ f: inout RegexFlags, _ flag: RegexFlags, _ on: Bool) {
        if on { f.insert(flag) } else { f.remove(flag) }
    }

    /// Rejects trees deeper than Go allows (walked with an explicit stack).
    static func checkHeight(_ node: RegexNode, _ pattern: String) throws(GoRegexError) {
        var stack: [(RegexNode, Int)] = [(node, 1)]
        while let (n, depth) = stack.popLast() {
            if depth > maxHeight { throw GoRegexError(code: GoRegexError.nestingDepth, expression: pattern) }
            for child in n.children { stack.append((child, depth + 1)) }
        }
    }
}
