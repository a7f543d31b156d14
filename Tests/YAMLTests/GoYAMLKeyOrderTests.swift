import Testing
@testable import YAML

/// go-yaml's key order: the byte-wise reading of ASCII keys must order keys exactly as the
/// code-point reading does, for ASCII and non-ASCII keys alike.
@Suite struct GoYAMLKeyOrderTests {
    /// The order over code points, as go-yaml's `keyList.Less` states it (the reference).
    static func reference(_ a: String, _ b: String) -> Bool {
        let ar = Array(a.unicodeScalars)
        let br = Array(b.unicodeScalars)
        func letter(_ s: Unicode.Scalar) -> Bool {
            switch s.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
            default: return false
            }
        }
        func digit(_ s: Unicode.Scalar) -> Bool { s.properties.generalCategory == .decimalNumber }
        var digits = false
        var i = 0
        while i < ar.count && i < br.count {
            if ar[i] == br[i] {
                digits = digit(ar[i])
                i += 1
                continue
            }
            let al = letter(ar[i])
            let bl = letter(br[i])
            if al && bl { return ar[i].value < br[i].value }
            if al || bl { return digits ? al : bl }
            var an: Int64 = 0
            var bn: Int64 = 0
            if ar[i] == "0" || br[i] == "0" {
                var j = i - 1
                while j >= 0 && digit(ar[j]) {
                    if ar[j] != "0" {
                        an = 1
                        bn = 1
                        break
                    }
                    j -= 1
                }
            }
            var ai = i
            while ai < ar.count && digit(ar[ai]) {
                an = an &* 10 &+ Int64(ar[ai].value &- 48)
                ai += 1
            }
            var bi = i
            while bi < br.count && digit(br[bi]) {
                bn = bn &* 10 &+ Int64(br[bi].value &- 48)
                bi += 1
            }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return ar[i].value < br[i].value
        }
        return ar.count < br.count
    }

    @Test func numbersByValueLettersByCodePoint() {
        let keys = ["b", "a10", "a9", "a", "A", "10", "9", "a01", "a1", "-x", "_x", "x.y", "x-y", "é"]
        #expect(
            keys.sorted(by: GoYAMLKeyOrder.less) == ["-x", "_x", "9", "10", "A", "a", "a1", "a01", "a9", "a10", "b", "x-y", "x.y", "é"])
    }

    @Test func randomKeysOrderAsTheReferenceDoes() {
        var random = ScannerRandom(seed: 0x6b657973)
        let pieces = ["a", "b", "Z", "0", "1", "9", "00", "10", "-", "_", ".", "é", "٣", "ǅ", " ", "x"]
        for _ in 0..<20_000 {
            let a = (0..<Int(random.next() % 5)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let b = (0..<Int(random.next() % 5)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(GoYAMLKeyOrder.less(a, b) == Self.reference(a, b), "\(a) < \(b)")
        }
    }
}
