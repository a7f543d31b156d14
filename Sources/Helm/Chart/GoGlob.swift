/// Go's `path/filepath.Match` glob semantics: `*` (not across `/`), `?`, `[...]` classes
/// with ranges and `^` negation, and `\` escapes. Used by `.helmignore` and `.Files.Glob`.
public struct GoGlob: Sendable, Equatable {
    /// The pattern as written.
    public let pattern: String
    private let bytes: [UInt8]

    /// A malformed pattern (Go's `filepath.ErrBadPattern`).
    public struct BadPattern: Error, Equatable, CustomStringConvertible {
        /// The offending pattern.
        public let pattern: String
        /// Go's wording.
        public var description: String { "syntax error in pattern" }
    }

    /// Compiles `pattern`, checking its syntax as Go does.
    public init(_ pattern: String) throws {
        self.pattern = pattern
        self.bytes = Array(pattern.utf8)
        // Go validates the whole pattern even when a match fails early.
        try GoGlob.validate(bytes, pattern: pattern)
    }

    /// Whether `name` matches the whole pattern.
    public func matches(_ name: String) -> Bool {
        GoGlob.match(ArraySlice(bytes), ArraySlice(Array(name.utf8)))
    }

    private static func validate(_ p: [UInt8], pattern: String) throws {
        var i = 0
        while i < p.count {
            switch p[i] {
            case UInt8(ascii: "\\"):
                i += 1
                if i >= p.count { throw BadPattern(pattern: pattern) }
                i += 1
            case UInt8(ascii: "["):
                i += 1
                if i < p.count, p[i] == UInt8(ascii: "^") { i += 1 }
                var first = true
                while true {
                    guard i < p.count else { throw BadPattern(pattern: pattern) }
                    if p[i] == UInt8(ascii: "]") && !first { i += 1; break }
                    first = false
                    // one char or escaped char, optionally a range
                    i = try classChar(p, i, pattern)
                    if i < p.count, p[i] == UInt8(ascii: "-") {
                        i = try classChar(p, i + 1, pattern)
                    }
                }
            default:
                i += 1
            }
        }
    }

    private static func classChar(_ p: [UInt8], _ start: Int, _ pattern: String) throws -> Int {
        var i = start
        guard i < p.count else { throw BadPattern(pattern: pattern) }
        if p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "]") { throw BadPattern(pattern: pattern) }
        if p[i] == UInt8(ascii: "\\") {
            i += 1
            guard i < p.count else { throw BadPattern(pattern: pattern) }
        }
        return i + utf8Length(p[i])
    }

    private static func utf8Length(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    private static func decode(_ s: ArraySlice<UInt8>) -> (UInt32, Int) {
        guard let lead = s.first else { return (0, 0) }
        let n = utf8Length(lead)
        var scalar = UInt32(lead)
        if n > 1 {
            scalar &= UInt32(0xFF >> (n + 1))
            for k in 1..<n {
                let idx = s.startIndex + k
                guard idx < s.endIndex else { return (UInt32(lead), 1) }
                scalar = (scalar << 6) | UInt32(s[idx] & 0x3F)
            }
        }
        return (scalar, n)
    }

    /// Backtracking matcher over UTF-8 bytes; `*` never crosses `/`.
    private static func match(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        var p = p
        var s = s
        while let c = p.first {
            switch c {
            case UInt8(ascii: "*"):
                var rest = p.dropFirst()
                while rest.first == UInt8(ascii: "*") { rest = rest.dropFirst() }
                if rest.isEmpty { return !s.contains(UInt8(ascii: "/")) }
                var t = s
                while true {
                    if match(rest, t) { return true }
                    guard let ch = t.first, ch != UInt8(ascii: "/") else { return false }
                    t = t.dropFirst(decode(t).1)
                }
            case UInt8(ascii: "?"):
                guard let ch = s.first, ch != UInt8(ascii: "/") else { return false }
                s = s.dropFirst(decode(s).1)
                p = p.dropFirst()
            case UInt8(ascii: "["):
                guard !s.isEmpty, s.first != UInt8(ascii: "/") else { return false }
                let (scalar, width) = decode(s)
                guard let (matched, consumed) = matchClass(p, scalar) else { return false }
                if !matched { return false }
                s = s.dropFirst(width)
                p = p.dropFirst(consumed)
            case UInt8(ascii: "\\"):
                p = p.dropFirst()
                guard let lit = p.first, s.first == lit else { return false }
                p = p.dropFirst()
                s = s.dropFirst()
            default:
                guard s.first == c else { return false }
                p = p.dropFirst()
                s = s.dropFirst()
            }
        }
        return s.isEmpty
    }

    /// Matches one scalar against a `[...]` class starting at `p`; returns (matched, bytes of pattern used).
    private static func matchClass(_ p: ArraySlice<UInt8>, _ scalar: UInt32) -> (Bool, Int)? {
        var i = p.startIndex + 1
        var negated = false
        if i < p.endIndex, p[i] == UInt8(ascii: "^") { negated = true; i += 1 }
        var matched = false
        var first = true
        while i < p.endIndex {
            if p[i] == UInt8(ascii: "]") && !first {
                return (matched != negated, i + 1 - p.startIndex)
            }
            first = false
            var lo: UInt32
            if p[i] == UInt8(ascii: "\\") { i += 1 }
            guard i < p.endIndex else { return nil }
            var (value, width) = decode(p[i...])
            lo = value
            i += width
            var hi = lo
            if i < p.endIndex, p[i] == UInt8(ascii: "-") {
                i += 1
                if i < p.endIndex, p[i] == UInt8(ascii: "\\") { i += 1 }
                guard i < p.endIndex else { return nil }
                (value, width) = decode(p[i...])
                hi = value
                i += width
            }
            if lo <= scalar && scalar <= hi { matched = true }
        }
        return nil
    }
}
