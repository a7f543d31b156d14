/// go-yaml v2's order for mapping keys when it encodes a Go map: letters compare by code
/// point, runs of digits compare by their numeric value ("9" before "10"), and a shorter
/// prefix comes first. Helm's `toYaml` output follows this order.
public enum GoYAMLKeyOrder {
    /// Whether `a` sorts before `b`.
    public static func less(_ a: String, _ b: String) -> Bool {
        let ar = Array(a.unicodeScalars)
        let br = Array(b.unicodeScalars)
        var digits = false
        var i = 0
        while i < ar.count && i < br.count {
            if ar[i] == br[i] {
                digits = isDigit(ar[i])
                i += 1
                continue
            }
            let al = isLetter(ar[i])
            let bl = isLetter(br[i])
            if al && bl { return ar[i].value < br[i].value }
            if al || bl { return digits ? al : bl }
            var an: Int64 = 0
            var bn: Int64 = 0
            if ar[i] == "0" || br[i] == "0" {
                var j = i - 1
                while j >= 0 && isDigit(ar[j]) {
                    if ar[j] != "0" { an = 1; bn = 1; break }
                    j -= 1
                }
            }
            var ai = i
            while ai < ar.count && isDigit(ar[ai]) {
                an = an &* 10 &+ Int64(ar[ai].value - 48)
                ai += 1
            }
            var bi = i
            while bi < br.count && isDigit(br[bi]) {
                bn = bn &* 10 &+ Int64(br[bi].value - 48)
                bi += 1
            }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return ar[i].value < br[i].value
        }
        return ar.count < br.count
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s.value >= 48 && s.value <= 57 }
        return s.properties.generalCategory == .decimalNumber
    }
}
