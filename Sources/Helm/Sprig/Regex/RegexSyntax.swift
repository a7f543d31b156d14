/// A parse failure, printed exactly as Go's `regexp/syntax.Error`.
public struct GoRegexError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The failure kind, Go's `ErrorCode` text (e.g. `missing closing )`).
    public let code: String
    /// The offending part of the expression.
    public let expression: String

    /// Go's message: ``error parsing regexp: CODE: `EXPR` ``.
    public var description: String { "error parsing regexp: \(code): `\(expression)`" }

    static let invalidCharClass = "invalid character class"
    static let invalidCharRange = "invalid character class range"
    static let invalidEscape = "invalid escape sequence"
    static let invalidNamedCapture = "invalid named capture"
    static let invalidPerlOp = "invalid or unsupported Perl syntax"
    static let invalidRepeatOp = "invalid nested repetition operator"
    static let invalidRepeatSize = "invalid repeat count"
    static let missingBracket = "missing closing ]"
    static let missingParen = "missing closing )"
    static let missingRepeatArgument = "missing argument to repetition operator"
    static let trailingBackslash = "trailing backslash at end of expression"
    static let unexpectedParen = "unexpected )"
    static let nestingDepth = "expression nests too deeply"
    static let large = "expression too large"
}

/// Parser flags that change how later syntax is read (Go's `syntax.Flags` subset used by `Compile`).
struct RegexFlags: OptionSet, Hashable {
    let rawValue: UInt8
    /// `(?i)`: case-insensitive.
    static let foldCase = RegexFlags(rawValue: 1)
    /// `(?s)`: `.` matches `\n`.
    static let dotNL = RegexFlags(rawValue: 2)
    /// Not `(?m)`: `^` and `$` match only at the text edges.
    static let oneLine = RegexFlags(rawValue: 4)
    /// `(?U)`: repetitions prefer fewer.
    static let nonGreedy = RegexFlags(rawValue: 8)
}

/// Zero-width assertions, as bits so a position's context can be tested at once.
struct EmptyAssertion: OptionSet, Hashable {
    let rawValue: UInt8
    static let beginLine = EmptyAssertion(rawValue: 1)
    static let endLine = EmptyAssertion(rawValue: 2)
    static let beginText = EmptyAssertion(rawValue: 4)
    static let endText = EmptyAssertion(rawValue: 8)
    static let wordBoundary = EmptyAssertion(rawValue: 16)
    static let noWordBoundary = EmptyAssertion(rawValue: 32)

    /// The assertions true between rune `before` and rune `after` (-1 for the text edges).
    static func context(_ before: Int32, _ after: Int32) -> EmptyAssertion {
        var op: EmptyAssertion = []
        if before < 0 { op.formUnion([.beginText, .beginLine]) }
        if before == 0x0A { op.insert(.beginLine) }
        if after < 0 { op.formUnion([.endText, .endLine]) }
        if after == 0x0A { op.insert(.endLine) }
        op.insert(isWordRune(before) != isWordRune(after) ? .wordBoundary : .noWordBoundary)
        return op
    }

    /// ASCII word characters, as `\b` uses them.
    static func isWordRune(_ r: Int32) -> Bool {
        (r >= 0x30 && r <= 0x39) || (r >= 0x41 && r <= 0x5A) || (r >= 0x61 && r <= 0x7A) || r == 0x5F
    }
}

/// A parsed regular expression tree.
indirect enum RegexNode {
    case noMatch
    case emptyMatch
    /// One rune; `fold` matches its whole case-folding orbit.
    case literal(UInt32, fold: Bool)
    /// Sorted, disjoint inclusive ranges as flat lo/hi pairs.
    case charClass([UInt32])
    case anyCharNotNL
    case anyChar
    case assertion(EmptyAssertion)
    case capture(Int, RegexNode)
    case star(RegexNode, greedy: Bool)
    case plus(RegexNode, greedy: Bool)
    case quest(RegexNode, greedy: Bool)
    /// `x{min,max}`; max -1 means unbounded.
    case repeatCount(RegexNode, min: Int, max: Int, greedy: Bool)
    case concat([RegexNode])
    case alternate([RegexNode])

    /// Children, for tree walks.
    var children: [RegexNode] {
        switch self {
        case .capture(_, let s), .star(let s, _), .plus(let s, _), .quest(let s, _), .repeatCount(let s, _, _, _): return [s]
        case .concat(let subs), .alternate(let subs): return subs
        default: return []
        }
    }
}
