/// The `format` checks the library asserts for draft-04/06/07 schemas, with its messages.
/// Formats it does not know pass.
enum SchemaFormats {
    /// The problem with `s` as `format`, or nil when it is valid (or the format is unknown).
    static func check(_ format: String, _ s: String) -> String? {
        switch format {
        case "json-pointer": return jsonPointer(s)
        case "uuid": return uuid(s)
        case "duration": return duration(s)
        case "ipv4": return ipv4(s)
        case "ipv6": return ipv6(s)
        case "hostname": return hostname(s)
        case "email": return email(s)
        case "date": return date(s)
        case "time": return time(s)
        case "date-time": return dateTime(s)
        case "uri", "iri": return uri(s)
        case "regex":
            do { _ = try GoRegex(s); return nil } catch { return "\(error)" }
        default: return nil
        }
    }

    static func jsonPointer(_ s: String) -> String? {
        if s.isEmpty { return nil }
        guard s.hasPrefix("/") else { return "not starting with /" }
        for token in s.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            var escape = false
            for ch in token {
                if escape {
                    escape = false
                    if ch != "0" && ch != "1" { return "~ must be followed by 0 or 1" }
                } else if ch == "~" {
                    escape = true
                }
            }
            if escape { return "~ must be followed by 0 or 1" }
        }
        return nil
    }

    static func uuid(_ s: String) -> String? {
        let lengths = [8, 4, 4, 4, 12]
        let groups = s.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.count == lengths.count else { return "must have 5 elements" }
        for (i, group) in groups.enumerated() {
            if group.utf8.count != lengths[i] { return "element \(i + 1) must be \(lengths[i]) characters long" }
            for ch in group.unicodeScalars where !ch.properties.isASCIIHexDigit {
                return "non-hex character \(goQuoteRune(ch))"
            }
        }
        return nil
    }

    static func duration(_ input: String) -> String? {
        guard input.hasPrefix("P") else { return "must start with P" }
        let s = Array(input.utf8.dropFirst())
        if s.isEmpty { return "nothing after P" }
        if s.last == UInt8(ascii: "W") {
            let number = s.dropLast()
            if number.isEmpty { return "no number in week" }
            return number.allSatisfy(isDigit) ? nil : "invalid week"
        }
        let allUnits: [[UInt8]] = [Array("YMD".utf8), Array("HMS".utf8)]
        for (i, part) in s.split(separator: UInt8(ascii: "T"), omittingEmptySubsequences: false).enumerated() {
            if i != 0 && part.isEmpty { return "no time elements" }
            if i >= allUnits.count { return "more than one T" }
            var units = allUnits[i][...]
            var rest = part[...]
            while !rest.isEmpty {
                let digits = rest.prefix(while: isDigit).count
                if digits == 0 { return "missing number" }
                rest = rest.dropFirst(digits)
                guard let unit = rest.first else { return "missing unit" }
                guard let j = units.firstIndex(of: unit) else {
                    let shown = "'\(Character(Unicode.Scalar(unit)))'"
                    return allUnits[i].contains(unit) ? "unit \(shown) out of order" : "invalid unit \(shown)"
                }
                units = units[(j + 1)...]
                rest = rest.dropFirst()
            }
        }
        return nil
    }

    static func ipv4(_ s: String) -> String? {
        let groups = s.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count == 4 else { return "expected four decimals" }
        for group in groups {
            if group.count > 1 && group.hasPrefix("0") { return "leading zeros" }
            guard let n = Int(group) else { return "strconv.Atoi: parsing \(SchemaQuote.doubleQuoted(String(group))): invalid syntax" }
            if n < 0 || n > 255 { return "decimal must be between 0 and 255" }
        }
        return nil
    }

    /// IPv6 syntax (netip.ParseAddr's rules; its error texts are approximated).
    static func ipv6(_ s: String) -> String? {
        guard s.contains(":") else { return "missing colon" }
        if s.contains("%") { return "zone id is not a part of ipv6 address" }
        let fail = "ParseAddr(\(SchemaQuote.doubleQuoted(s))): invalid IPv6 address"
        var text = Substring(s)
        var groupsNeeded = 8
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard ipv4(String(text[text.index(after: lastColon)...])) == nil else { return fail }
            text = text[...lastColon] + "0:0"
        }
        let halves = text.split(separator: "::", omittingEmptySubsequences: false)
        if halves.count > 2 { return "ParseAddr(\(SchemaQuote.doubleQuoted(s))): multiple :: in address" }
        var count = 0
        for half in halves where !half.isEmpty {
            for group in half.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(group.count), group.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit) else { return fail }
                count += 1
            }
        }
        if halves.count == 2 { groupsNeeded -= 1 }
        return (halves.count == 2 ? count <= groupsNeeded : count == groupsNeeded) ? nil : fail
    }

    static func hostname(_ input: String) -> String? {
        var s = Substring(input)
        if s.hasSuffix(".") { s = s.dropLast() }
        if s.utf8.count > 253 { return "more than 253 characters long" }
        for label in s.split(separator: ".", omittingEmptySubsequences: false) {
            if label.utf8.isEmpty || label.utf8.count > 63 { return "label must be 1 to 63 characters long" }
            if label.hasPrefix("-") { return "label starts with hyphen" }
            if label.hasSuffix("-") { return "label ends with hyphen" }
            for ch in label.unicodeScalars where !(ch.isASCII && (ch.properties.isAlphabetic || isDigit(UInt8(ch.value)) || ch == "-")) {
                return "invalid character \(goQuoteRune(ch))"
            }
        }
        return nil
    }

    static func email(_ s: String) -> String? {
        if s.utf8.count > 254 { return "more than 255 characters long" }
        guard let at = s.lastIndex(of: "@") else { return "missing @" }
        let local = s[..<at]
        var domain = s[s.index(after: at)...]
        if local.utf8.count > 64 { return "local part more than 64 characters long" }
        if local.count > 1 && local.hasPrefix("\"") {
            let inner = local.dropFirst().dropLast()
            if inner.contains("\\") || inner.contains("\"") {
                return "backslash and quote are not allowed within quoted local part"
            }
        } else {
            if local.hasPrefix(".") { return "starts with dot" }
            if local.hasSuffix(".") { return "ends with dot" }
            if local.contains("..") { return "consecutive dots" }
            let allowed = Set(".!#$%&'*+-/=?^_`{|}~".unicodeScalars)
            for ch in local.unicodeScalars where !((ch.isASCII && (ch.properties.isAlphabetic || isDigit(UInt8(ch.value)))) || allowed.contains(ch)) {
                return "invalid character \(goQuoteRune(ch))"
            }
        }
        if domain.hasPrefix("[") && domain.hasSuffix("]") {
            domain = domain.dropFirst().dropLast()
            if domain.hasPrefix("IPv6:") {
                return ipv6(String(domain.dropFirst(5))).map { "invalid ipv6 address: \($0)" }
            }
            return ipv4(String(domain)).map { "invalid ipv4 address: \($0)" }
        }
        return hostname(String(domain)).map { "invalid domain: \($0)" }
    }

    /// `time.Parse("2006-01-02", s)` with Go's error texts for the common failures.
    static func date(_ s: String) -> String? {
        let b = Array(s.utf8)
        let quoted = SchemaQuote.doubleQuoted(s)
        func cannot(_ rest: ArraySlice<UInt8>, _ element: String) -> String {
            "parsing time \(quoted) as \"2006-01-02\": cannot parse \(SchemaQuote.doubleQuoted(String(decoding: rest, as: UTF8.self))) as \(SchemaQuote.doubleQuoted(element))"
        }
        guard b.count >= 4, b[0..<4].allSatisfy(isDigit) else { return cannot(b[...], "2006") }
        guard b.count >= 5, b[4] == UInt8(ascii: "-") else { return cannot(b[4...], "-") }
        guard b.count >= 7, b[5..<7].allSatisfy(isDigit) else { return cannot(b[5...], "01") }
        guard b.count >= 8, b[7] == UInt8(ascii: "-") else { return cannot(b[7...], "-") }
        guard b.count >= 10, b[8..<10].allSatisfy(isDigit) else { return cannot(b[8...], "02") }
        // The digits were checked above; read them without a round trip through String.
        func number(_ digits: ArraySlice<UInt8>) -> Int { digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } }
        let year = number(b[0..<4]), month = number(b[5..<7]), day = number(b[8..<10])
        if month < 1 || month > 12 { return "parsing time \(quoted): month out of range" }
        if b.count > 10 {
            return "parsing time \(quoted): extra text: \(SchemaQuote.doubleQuoted(String(decoding: b[10...], as: UTF8.self)))"
        }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        if day < 1 || day > days { return "parsing time \(quoted): day out of range" }
        return nil
    }

    static func time(_ input: String) -> String? {
        let b = Array(input.utf8)
        if b.count < 9 { return "less than 9 characters long" }
        if b[2] != UInt8(ascii: ":") || b[5] != UInt8(ascii: ":") { return "missing colon in correct place" }
        var hms: [Int] = []
        for range in [0..<2, 3..<5, 6..<8] {
            guard let n = Int(String(decoding: b[range], as: UTF8.self)) else { return "invalid hour/min/sec" }
            if n < 0 { return "non-positive hour/min/sec" }
            hms.append(n)
        }
        var (h, m) = (hms[0], hms[1])
        let sec = hms[2]
        if h > 23 || m > 59 || sec > 60 { return "hour/min/sec out of range" }
        var rest = b[8...]
        if rest.first == UInt8(ascii: ".") {
            let digits = rest.dropFirst().prefix(while: isDigit).count
            if digits == 0 { return "no digits in second fraction" }
            rest = rest.dropFirst(1 + digits)
        }
        if !(rest.count == 1 && (rest.first == UInt8(ascii: "z") || rest.first == UInt8(ascii: "Z"))) {
            if rest.count != 6 { return "offset must be 6 characters long" }
            let sign: Int
            switch rest.first {
            case UInt8(ascii: "+"): sign = -1
            case UInt8(ascii: "-"): sign = 1
            default: return "offset must begin with plus/minus"
            }
            let offset = Array(rest.dropFirst())
            if offset[2] != UInt8(ascii: ":") { return "missing colon in offset in correct place" }
            guard let zh = Int(String(decoding: offset[0..<2], as: UTF8.self)),
                  let zm = Int(String(decoding: offset[3..<5], as: UTF8.self)) else { return "invalid hour/min in offset" }
            if zh < 0 || zm < 0 { return "non-positive hour/min in offset" }
            if zh > 23 || zm > 59 { return "hour/min in offset out of range" }
            var hm = (h * 60 + m) + sign * (zh * 60 + zm)
            if hm < 0 { hm += 24 * 60 }
            (h, m) = (hm / 60, hm % 60)
        }
        if sec >= 60 && (h != 23 || m != 59) { return "invalid leap second" }
        return nil
    }

    static func dateTime(_ s: String) -> String? {
        let b = Array(s.utf8)
        if b.count < 20 { return "less than 20 characters long" }
        if b[10] != UInt8(ascii: "t") && b[10] != UInt8(ascii: "T") { return "11th character must be t or T" }
        if let e = date(String(decoding: b[..<10], as: UTF8.self)) { return "invalid date element: \(e)" }
        if let e = time(String(decoding: b[11...], as: UTF8.self)) { return "invalid time element: \(e)" }
        return nil
    }

    /// An absolute URI: a scheme (letter, then letters, digits, `+-.`) followed by `:`.
    static func uri(_ s: String) -> String? {
        guard let colon = s.firstIndex(of: ":") else { return "relative url" }
        let scheme = s[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
              scheme.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) })
        else {
            if scheme.isEmpty { return "parse \(SchemaQuote.doubleQuoted(s)): missing protocol scheme" }
            return "relative url"
        }
        return nil
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    /// Go's `%q` of a rune.
    private static func goQuoteRune(_ ch: Unicode.Scalar) -> String {
        if ch == "'" { return "'\\''" }
        if ch == "\"" { return "'\"'" }
        return "'" + SchemaQuote.doubleQuoted(String(Character(ch))).dropFirst().dropLast() + "'"
    }
}
