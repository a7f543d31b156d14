/// Character classes as flat lo/hi pairs of inclusive rune ranges, with Go's set operations.
enum RegexCharClass {
    /// The largest Unicode code point.
    static let maxRune: UInt32 = 0x10FFFF

    /// Appends `lo...hi`; callers `clean` the class once it is complete.
    static func appendRange(_ r: inout [UInt32], _ lo: UInt32, _ hi: UInt32) {
        let n = r.count
        // Extend the last range when the new one touches it, which keeps folded alphabets short.
        if n >= 2, lo <= r[n - 1] &+ 1, r[n - 2] <= hi &+ 1 {
            r[n - 2] = min(r[n - 2], lo)
            r[n - 1] = max(r[n - 1], hi)
            return
        }
        r.append(lo)
        r.append(hi)
    }

    /// Appends `lo...hi` and every rune that case-folds to a rune in it.
    static func appendFoldedRange(_ r: inout [UInt32], _ lo: UInt32, _ hi: UInt32) {
        if lo <= RegexCaseFold.minFold && hi >= RegexCaseFold.maxFold || hi < RegexCaseFold.minFold || lo > RegexCaseFold.maxFold {
            appendRange(&r, lo, hi)
            return
        }
        var lo = lo, hi = hi
        if lo < RegexCaseFold.minFold {
            appendRange(&r, lo, RegexCaseFold.minFold - 1)
            lo = RegexCaseFold.minFold
        }
        if hi > RegexCaseFold.maxFold {
            appendRange(&r, RegexCaseFold.maxFold + 1, hi)
            hi = RegexCaseFold.maxFold
        }
        appendRange(&r, lo, hi)
        for c in lo...hi {
            guard let orbit = RegexCaseFold.orbits[c] else { continue }
            for f in orbit where f < lo || f > hi { appendRange(&r, f, f) }
        }
    }

    /// Appends a clean class `x`.
    static func appendClass(_ r: inout [UInt32], _ x: [UInt32], fold: Bool = false) {
        var i = 0
        while i < x.count {
            if fold { appendFoldedRange(&r, x[i], x[i + 1]) } else { appendRange(&r, x[i], x[i + 1]) }
            i += 2
        }
    }

    /// Appends the complement of the clean class `x`.
    static func appendNegatedClass(_ r: inout [UInt32], _ x: [UInt32]) {
        appendClass(&r, negate(x))
    }

    /// Sorts and merges overlapping or abutting ranges.
    static func clean(_ r: [UInt32]) -> [UInt32] {
        if r.count <= 2 { return r }
        var pairs: [(UInt32, UInt32)] = []
        pairs.reserveCapacity(r.count / 2)
        var i = 0
        while i < r.count { pairs.append((r[i], r[i + 1])); i += 2 }
        pairs.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 > $1.1) }
        var out: [UInt32] = [pairs[0].0, pairs[0].1]
        for (lo, hi) in pairs.dropFirst() {
            if lo <= out[out.count - 1] &+ 1 {
                if hi > out[out.count - 1] { out[out.count - 1] = hi }
            } else {
                out.append(lo)
                out.append(hi)
            }
        }
        return out
    }

    /// The complement of a clean class within 0...0x10FFFF.
    static func negate(_ r: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        var nextLo: UInt32 = 0
        var i = 0
        while i < r.count {
            if r[i] > nextLo { out.append(nextLo); out.append(r[i] - 1) }
            nextLo = r[i + 1] &+ 1
            i += 2
        }
        if nextLo <= maxRune { out.append(nextLo); out.append(maxRune) }
        return out
    }

    /// Whether the clean class contains `c` (binary search).
    static func contains(_ r: [UInt32], _ c: UInt32) -> Bool {
        var lo = 0, hi = r.count / 2
        while lo < hi {
            let mid = (lo + hi) / 2
            if c < r[2 * mid] { hi = mid } else if c > r[2 * mid + 1] { lo = mid + 1 } else { return true }
        }
        return false
    }

    /// Perl classes `\d \s \w` (ASCII only); the upper-case escape negates.
    static let perlGroups: [Character: [UInt32]] = [
        "d": [0x30, 0x39],
        "s": [0x09, 0x0A, 0x0C, 0x0D, 0x20, 0x20],
        "w": [0x30, 0x39, 0x41, 0x5A, 0x5F, 0x5F, 0x61, 0x7A],
    ]

    /// POSIX classes by name, as in `[[:alpha:]]`.
    static let posixGroups: [String: [UInt32]] = [
        "alnum": [0x30, 0x39, 0x41, 0x5A, 0x61, 0x7A],
        "alpha": [0x41, 0x5A, 0x61, 0x7A],
        "ascii": [0x00, 0x7F],
        "blank": [0x09, 0x09, 0x20, 0x20],
        "cntrl": [0x00, 0x1F, 0x7F, 0x7F],
        "digit": [0x30, 0x39],
        "graph": [0x21, 0x7E],
        "lower": [0x61, 0x7A],
        "print": [0x20, 0x7E],
        "punct": [0x21, 0x2F, 0x3A, 0x40, 0x5B, 0x60, 0x7B, 0x7E],
        "space": [0x09, 0x0D, 0x20, 0x20],
        "upper": [0x41, 0x5A],
        "word": [0x30, 0x39, 0x41, 0x5A, 0x5F, 0x5F, 0x61, 0x7A],
        "xdigit": [0x30, 0x39, 0x41, 0x46, 0x61, 0x66],
    ]
}
