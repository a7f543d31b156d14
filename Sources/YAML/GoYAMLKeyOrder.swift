/// go-yaml v2's order for mapping keys when it encodes a Go map: letters compare by code
/// point, runs of digits compare by their numeric value ("9" before "10"), and a shorter
/// prefix comes first. Helm's `toYaml` output follows this order.
public enum GoYAMLKeyOrder {
    /// Whether `a` sorts before `b`.
    public static func less(_ a: String, _ b: String) -> Bool {
        // Keys are nearly always ASCII: compare their bytes without copying them.
        if a.utf8.allSatisfy({ $0 < 0x80 }), b.utf8.allSatisfy({ $0 < 0x80 }) {
            if let answer = a.utf8.withContiguousStorageIfAvailable({ ab in
                b.utf8.withContiguousStorageIfAvailable { bb in less(ab, bb) }
            }), let answer {
                return answer
            }
        }
        return less(a.unicodeScalars.map(\.value), b.unicodeScalars.map(\.value))
    }

    /// The order over code points (bytes, for ASCII text).
    private static func less<C: RandomAccessCollection>(_ ar: C, _ br: C) -> Bool where C.Index == Int, C.Element: FixedWidthInteger {
        var digits = false
        var i = 0
        while i < ar.count && i < br.count {
            let (x, y) = (UInt32(ar[i]), UInt32(br[i]))
            if x == y {
                digits = isDigit(x)
                i += 1
                continue
            }
            let al = isLetter(x)
            let bl = isLetter(y)
            if al && bl { return x < y }
            if al || bl { return digits ? al : bl }
            var an: Int64 = 0
            var bn: Int64 = 0
            if x == 48 || y == 48 {
                var j = i - 1
                while j >= 0 && isDigit(UInt32(ar[j])) {
                    if ar[j] != 48 {
                        an = 1
                        bn = 1
                        break
                    }
                    j -= 1
                }
            }
            var ai = i
            while ai < ar.count && isDigit(UInt32(ar[ai])) {
                an = an &* 10 &+ Int64(UInt32(ar[ai]) &- 48)
                ai += 1
            }
            var bi = i
            while bi < br.count && isDigit(UInt32(br[bi])) {
                bn = bn &* 10 &+ Int64(UInt32(br[bi]) &- 48)
                bi += 1
            }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return x < y
        }
        return ar.count < br.count
    }

    private static func isLetter(_ value: UInt32) -> Bool {
        if value < 0x80 { return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
        guard let s = Unicode.Scalar(value) else { return false }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    private static func isDigit(_ value: UInt32) -> Bool {
        if value < 0x80 { return value >= 48 && value <= 57 }
        return Unicode.Scalar(value)?.properties.generalCategory == .decimalNumber
    }
}
