/// Go's `time.Duration`: signed nanoseconds, with `ParseDuration`, `String` and `Round`.
struct GoDuration: Equatable, Sendable {
    /// Nanoseconds.
    var nanoseconds: Int64

    static let nanosecond: Int64 = 1
    static let microsecond: Int64 = 1000
    static let millisecond: Int64 = 1_000_000
    static let second: Int64 = 1_000_000_000
    static let minute: Int64 = 60 * second
    static let hour: Int64 = 60 * minute

    init(_ nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// `time.ParseDuration`: `300ms`, `-1.5h`, `2h45m`; units ns, us, µs, μs, ms, s, m, h.
    init(parsing text: String) throws(GoTimeError) {
        let quoted = GoTimeFormat.quote(text)
        let invalid = GoTimeError("time: invalid duration " + quoted)
        var s = Array(text.utf8)[...]
        var negative = false
        if let c = s.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
            negative = c == UInt8(ascii: "-")
            s = s.dropFirst()
        }
        if s.elementsEqual([UInt8(ascii: "0")]) { self.nanoseconds = 0; return }
        if s.isEmpty { throw invalid }
        var total: UInt64 = 0
        let limit: UInt64 = 1 << 63
        while !s.isEmpty {
            guard let c = s.first, c == UInt8(ascii: ".") || GoTimeFormat.isDigit(c) else { throw invalid }
            // Integer part.
            var v: UInt64 = 0
            let before = s.count
            while let d = s.first, GoTimeFormat.isDigit(d) {
                if v > limit / 10 { throw invalid }
                v = v * 10 + UInt64(d - 48)
                if v > limit { throw invalid }
                s = s.dropFirst()
            }
            let hasInteger = s.count != before
            // Fraction: keeps precision until it would overflow.
            var f: UInt64 = 0, scale = 1.0, hasFraction = false
            if s.first == UInt8(ascii: ".") {
                s = s.dropFirst()
                var overflow = false
                while let d = s.first, GoTimeFormat.isDigit(d) {
                    hasFraction = true
                    s = s.dropFirst()
                    if overflow { continue }
                    if f > (limit - 1) / 10 { overflow = true; continue }
                    let next = f * 10 + UInt64(d - 48)
                    if next > limit { overflow = true; continue }
                    f = next
                    scale *= 10
                }
            }
            if !hasInteger && !hasFraction { throw invalid }
            let unitEnd = s.firstIndex { $0 == UInt8(ascii: ".") || GoTimeFormat.isDigit($0) } ?? s.endIndex
            let unitBytes = s[s.startIndex..<unitEnd]
            if unitBytes.isEmpty { throw GoTimeError("time: missing unit in duration " + quoted) }
            let unitText = String(decoding: unitBytes, as: UTF8.self)
            s = s[unitEnd...]
            guard let unit = Self.units[unitText] else {
                throw GoTimeError("time: unknown unit " + GoTimeFormat.quote(unitText) + " in duration " + quoted)
            }
            if v > limit / unit { throw invalid }
            v *= unit
            if f > 0 {
                v += UInt64(Double(f) * (Double(unit) / scale))
                if v > limit { throw invalid }
            }
            total += v
            if total > limit { throw invalid }
        }
        if negative {
            self.nanoseconds = Int64(truncatingIfNeeded: 0 &- total)
        } else {
            if total > limit - 1 { throw invalid }
            self.nanoseconds = Int64(total)
        }
    }

    private static let units: [String: UInt64] = [
        "ns": 1, "us": 1000, "\u{00B5}s": 1000, "\u{03BC}s": 1000, "ms": 1_000_000,
        "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    /// `Duration.String`: `72h3m0.5s`, `1.5s`, `300ms`, `2µs`, `0s`.
    var description: String {
        var u = nanoseconds.magnitude
        var text: String
        if u < UInt64(Self.second) {
            if u == 0 { return "0s" }
            let (precision, unit): (Int, String) =
                u < UInt64(Self.microsecond) ? (0, "ns") : u < UInt64(Self.millisecond) ? (3, "\u{00B5}s") : (6, "ms")
            let (fraction, whole) = Self.fraction(u, precision)
            text = String(whole) + fraction + unit
        } else {
            let (fraction, seconds) = Self.fraction(u, 9)
            u = seconds
            text = String(u % 60) + fraction + "s"
            u /= 60
            if u > 0 {
                text = String(u % 60) + "m" + text
                u /= 60
                if u > 0 { text = String(u) + "h" + text }
            }
        }
        return nanoseconds < 0 ? "-" + text : text
    }

    /// The `precision` lowest digits of `v` as `.ddd` without trailing zeros, and `v` without them.
    private static func fraction(_ v: UInt64, _ precision: Int) -> (String, UInt64) {
        var v = v
        var digits: [Character] = []
        var printing = false
        for _ in 0..<precision {
            let digit = v % 10
            printing = printing || digit != 0
            if printing { digits.insert(Character(String(digit)), at: 0) }
            v /= 10
        }
        return (digits.isEmpty ? "" : "." + String(digits), v)
    }

    /// `Duration.Round(m)`: halfway values round away from zero; saturates on overflow.
    func rounded(to m: Int64) -> GoDuration {
        guard m > 0 else { return self }
        let d = nanoseconds
        var r = d % m
        func lessThanHalf(_ x: Int64, _ y: Int64) -> Bool { x.magnitude &+ x.magnitude < y.magnitude }
        if d < 0 {
            r = -r
            if lessThanHalf(r, m) { return GoDuration(d + r) }
            let (d1, overflow) = d.subtractingReportingOverflow(m - r)
            return GoDuration(!overflow && d1 < d ? d1 : .min)
        }
        if lessThanHalf(r, m) { return GoDuration(d - r) }
        let (d1, overflow) = d.addingReportingOverflow(m - r)
        return GoDuration(!overflow && d1 > d ? d1 : .max)
    }
}
