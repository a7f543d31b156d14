import GoTemplate

/// Sprig's random strings (goutils `CryptoRandom*`), `uuidv4`, `randBytes` and `randInt`.
enum RandomStrings {
    /// Which characters a random string keeps, as goutils' `letters`/`numbers` flags.
    enum Kind {
        case alphaNumeric, alpha, numeric, ascii
    }

    /// A random string of `count` characters, drawn as goutils does: a code point in
    /// `' '...'z'` (or `' '...'~'` for ASCII) per try, kept when it passes the filter.
    static func string(_ kind: Kind, count: Int, random: any SprigRandomSource) -> String {
        // goutils reports an error for a negative count and Sprig drops it, leaving "".
        guard count > 0 else { return "" }
        let start: UInt64 = 32
        let end: UInt64 = kind == .ascii ? 127 : 123
        var out: [UInt8] = []
        out.reserveCapacity(count)
        while out.count < count {
            let c = UInt8(start + random.goInt(below: end - start))
            let isLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
            let isDigit = c >= 48 && c <= 57
            let keep: Bool
            switch kind {
            case .alphaNumeric: keep = isLetter || isDigit
            case .alpha: keep = isLetter
            case .numeric: keep = isDigit
            case .ascii: keep = true
            }
            if keep { out.append(c) }
        }
        // goutils fills its buffer from the end; the order of independent draws does not matter
        // for the distribution, but keep it so a fixed byte stream gives Go's string.
        return String(decoding: out.reversed(), as: UTF8.self)
    }

    /// A version 4 UUID in lowercase 8-4-4-4-12 form, as google/uuid's `New().String()`.
    static func uuidv4(random: any SprigRandomSource) -> String {
        var u = random.bytes(16)
        u[6] = (u[6] & 0x0F) | 0x40
        u[8] = (u[8] & 0x3F) | 0x80
        let hex = Digests.hex(u)
        let h = Array(hex.utf8)
        let parts = [h[0..<8], h[8..<12], h[12..<16], h[16..<20], h[20..<32]]
        return parts.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "-")
    }

    /// `randInt min max`: uniform in `min..<max`; Go's `rand.Intn` panics when the span is not positive.
    static func int(min: Int, max: Int, random: any SprigRandomSource) throws -> Int {
        let span = max &- min
        guard span > 0 else { throw GoPanics.intn }
        return Int(random.goInt(below: UInt64(span))) &+ min
    }
}

/// Messages of Go runtime panics that text/template turns into call errors.
enum GoPanics {
    static let intn = FunctionError("invalid argument to Intn")
    static let makeslice = FunctionError("runtime error: makeslice: len out of range")
}
