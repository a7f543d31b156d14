/// Go's `time.ParseInLocation`, element by element, with its error messages.
enum GoTimeParse {
    private struct Bad: Error {}

    /// Parses `value` with `layout`; times without a zone are in `location`, and zone offsets or
    /// abbreviations are matched against it before a fixed zone is made up.
    static func parse(layout layoutText: String, value valueText: String, in location: GoLocation) throws(GoTimeError) -> GoTime {
        let layout = Array(layoutText.utf8), original = Array(valueText.utf8)
        var value = original[...]
        func failure(_ layoutElem: ArraySlice<UInt8>, _ valueElem: ArraySlice<UInt8>, _ message: String = "") -> GoTimeError {
            let q = { (b: ArraySlice<UInt8>) in GoTimeFormat.quote(String(decoding: b, as: UTF8.self)) }
            if message.isEmpty {
                return GoTimeError("parsing time \(q(original[...])) as \(q(layout[...])): cannot parse \(q(valueElem)) as \(q(layoutElem))")
            }
            return GoTimeError("parsing time \(q(original[...]))" + message)
        }
        var year: Int64 = 0, month = -1, day = -1, yday = -1
        var hour = 0, minute = 0, second = 0, nanos: Int64 = 0
        var zone: GoLocation?, zoneOffset: Int64 = -1, zoneName = ""
        var amSet = false, pmSet = false
        var position = 0
        while true {
            let chunk = GoTimeFormat.nextChunk(layout, from: position)
            let prefix = layout[position..<chunk.prefixEnd]
            let skipped = skip(value, prefix)
            value = skipped.rest
            guard skipped.ok else { throw failure(prefix, value) }
            guard let element = chunk.element else {
                if !value.isEmpty {
                    throw failure([], value, ": extra text: " + GoTimeFormat.quote(String(decoding: value, as: UTF8.self)))
                }
                break
            }
            let elementText = layout[chunk.prefixEnd..<chunk.next]
            position = chunk.next
            let hold = value
            var rangeError = ""
            do throws(Bad) {
                switch element {
                case .year:
                    guard value.count >= 2 else { throw Bad() }
                    let y = try atoi(value.prefix(2))
                    value = value.dropFirst(2)
                    year = Int64(y >= 69 ? y + 1900 : y + 2000)
                case .longYear:
                    guard value.count >= 4, GoTimeFormat.isDigit(value.first!) else { throw Bad() }
                    year = Int64(try atoi(value.prefix(4)))
                    value = value.dropFirst(4)
                case .month: month = try lookup(GoCalendar.shortMonthNames, &value) + 1
                case .longMonth: month = try lookup(GoCalendar.longMonthNames, &value) + 1
                case .numMonth, .zeroMonth:
                    month = try getnum(&value, fixed: element == .zeroMonth)
                    if month <= 0 || month > 12 { rangeError = "month" }
                case .weekDay: _ = try lookup(GoCalendar.shortDayNames, &value)
                case .longWeekDay: _ = try lookup(GoCalendar.longDayNames, &value)
                case .day, .underDay, .zeroDay:
                    if element == .underDay && value.first == UInt8(ascii: " ") { value = value.dropFirst() }
                    day = try getnum(&value, fixed: element == .zeroDay)
                case .underYearDay, .zeroYearDay:
                    for _ in 0..<2 where element == .underYearDay && value.first == UInt8(ascii: " ") { value = value.dropFirst() }
                    yday = try getnum3(&value, fixed: element == .zeroYearDay)
                case .hour:
                    hour = try getnum(&value, fixed: false)
                    if hour >= 24 { rangeError = "hour" }
                case .hour12, .zeroHour12:
                    hour = try getnum(&value, fixed: element == .zeroHour12)
                    if hour > 12 { rangeError = "hour" }
                case .minute, .zeroMinute:
                    minute = try getnum(&value, fixed: element == .zeroMinute)
                    if minute >= 60 { rangeError = "minute" }
                case .second, .zeroSecond:
                    second = try getnum(&value, fixed: element == .zeroSecond)
                    if second >= 60 { rangeError = "second"; break }
                    // A fraction in the value that the layout does not mention is still read.
                    if value.count >= 2, value.first == UInt8(ascii: ".") || value.first == UInt8(ascii: ","),
                       GoTimeFormat.isDigit(value[value.startIndex + 1]) {
                        if case .fraction = GoTimeFormat.nextChunk(layout, from: position).element { break }
                        var n = 2
                        while n < value.count && GoTimeFormat.isDigit(value[value.startIndex + n]) { n += 1 }
                        nanos = try nanoseconds(value.prefix(n), &rangeError)
                        value = value.dropFirst(n)
                    }
                case .pm, .lowerPM:
                    guard value.count >= 2 else { throw Bad() }
                    let p = String(decoding: value.prefix(2), as: UTF8.self)
                    value = value.dropFirst(2)
                    let (am, pm) = element == .pm ? ("AM", "PM") : ("am", "pm")
                    if p == pm { pmSet = true } else if p == am { amSet = true } else { throw Bad() }
                case .tz:
                    if value.starts(with: Array("UTC".utf8)) {
                        zone = .utc
                        value = value.dropFirst(3)
                        break
                    }
                    guard let n = zoneNameLength(value) else { throw Bad() }
                    zoneName = String(decoding: value.prefix(n), as: UTF8.self)
                    value = value.dropFirst(n)
                case .fraction(let digits, let trim, _):
                    if !trim {
                        guard value.count >= 1 + digits else { throw Bad() }
                        nanos = try nanoseconds(value.prefix(1 + digits), &rangeError)
                        value = value.dropFirst(1 + digits)
                    } else {
                        guard value.count >= 2, value.first == UInt8(ascii: ".") || value.first == UInt8(ascii: ","),
                              GoTimeFormat.isDigit(value[value.startIndex + 1]) else { break }
                        var i = 1
                        while i < value.count && GoTimeFormat.isDigit(value[value.startIndex + i]) { i += 1 }
                        nanos = try nanoseconds(value.prefix(i), &rangeError)
                        value = value.dropFirst(i)
                    }
                default:
                    if element.isISO8601 && value.first == UInt8(ascii: "Z") {
                        value = value.dropFirst()
                        zone = .utc
                        break
                    }
                    zoneOffset = try offset(element, &value, &rangeError)
                }
            } catch {
                if !rangeError.isEmpty { throw GoTimeParse.rangeError(original, layout, elementText, value, rangeError) }
                throw failure(elementText, hold)
            }
            if !rangeError.isEmpty { throw GoTimeParse.rangeError(original, layout, elementText, value, rangeError) }
        }
        if pmSet && hour < 12 { hour += 12 } else if amSet && hour == 12 { hour = 0 }

        if yday >= 0 {
            var d = 0, m = 0
            if GoCalendar.isLeap(year) {
                if yday == 31 + 29 { m = 2; d = 29 } else if yday > 31 + 29 { yday -= 1 }
            }
            if yday < 1 || yday > 365 { throw failure([], value, ": day-of-year out of range") }
            if m == 0 {
                let before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365]
                m = (yday - 1) / 31 + 1
                if before[m] < yday { m += 1 }
                d = yday - before[m - 1]
            }
            if month >= 0 && month != m { throw failure([], value, ": day-of-year does not match month") }
            month = m
            if day >= 0 && day != d { throw failure([], value, ": day-of-year does not match day") }
            day = d
        } else {
            if month < 0 { month = 1 }
            if day < 0 { day = 1 }
        }
        if day < 1 || day > GoCalendar.daysIn(month: month, year: year) { throw failure([], value, ": day out of range") }

        func date(_ loc: GoLocation) -> GoTime {
            GoTime(year: year, month: Int64(month), day: Int64(day), hour: Int64(hour), minute: Int64(minute),
                   second: Int64(second), nanosecond: nanos, location: loc)
        }
        if let zone { return date(zone) }
        if zoneOffset != -1 {
            var t = date(.utc)
            t.unixSeconds -= zoneOffset
            let found = location.lookup(t.unixSeconds)
            if found.offset == zoneOffset && (zoneName.isEmpty || found.name == zoneName) { return t.in(location) }
            return t.in(.fixed(name: zoneName, offset: zoneOffset))
        }
        if !zoneName.isEmpty {
            var t = date(.utc)
            if let offset = location.lookupName(zoneName, unix: t.unixSeconds) {
                t.unixSeconds -= offset
                return t.in(location)
            }
            var offset: Int64 = 0
            if zoneName.count > 3 && zoneName.hasPrefix("GMT") {
                offset = Int64((try? atoi(Array(zoneName.utf8).dropFirst(3))) ?? 0) * 3600
            }
            return t.in(.fixed(name: zoneName, offset: offset))
        }
        return date(location)
    }

    private static func rangeError(_ original: [UInt8], _ layout: [UInt8], _ elem: ArraySlice<UInt8>,
                                   _ value: ArraySlice<UInt8>, _ what: String) -> GoTimeError {
        GoTimeError("parsing time \(GoTimeFormat.quote(String(decoding: original, as: UTF8.self))): \(what) out of range")
    }

    /// Removes `prefix` from `value`, treating runs of spaces as equivalent.
    /// On a mismatch, returns what was left of `value` at that point (Go reports it).
    private static func skip(_ value: ArraySlice<UInt8>, _ prefix: ArraySlice<UInt8>) -> (rest: ArraySlice<UInt8>, ok: Bool) {
        var value = value, prefix = prefix
        let space = UInt8(ascii: " ")
        while let p = prefix.first {
            if p == space {
                if let v = value.first, v != space { return (value, false) }
                while prefix.first == space { prefix = prefix.dropFirst() }
                while value.first == space { value = value.dropFirst() }
                continue
            }
            guard value.first == p else { return (value, false) }
            prefix = prefix.dropFirst()
            value = value.dropFirst()
        }
        return (value, true)
    }

    /// Go's `atoi`: optional sign, digits only.
    private static func atoi(_ s: ArraySlice<UInt8>) throws(Bad) -> Int {
        var s = s, negative = false
        if let c = s.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
            negative = c == UInt8(ascii: "-")
            s = s.dropFirst()
        }
        guard s.allSatisfy(GoTimeFormat.isDigit), s.count <= 18 else { throw Bad() }
        let n = s.reduce(0) { $0 * 10 + Int($1 - 48) }
        return negative ? -n : n
    }

    /// One or two digits (exactly two when `fixed`).
    private static func getnum(_ s: inout ArraySlice<UInt8>, fixed: Bool) throws(Bad) -> Int {
        guard let first = s.first, GoTimeFormat.isDigit(first) else { throw Bad() }
        let second = s.dropFirst().first
        guard let second, GoTimeFormat.isDigit(second) else {
            if fixed { throw Bad() }
            s = s.dropFirst()
            return Int(first - 48)
        }
        s = s.dropFirst(2)
        return Int(first - 48) * 10 + Int(second - 48)
    }

    /// One to three digits (exactly three when `fixed`).
    private static func getnum3(_ s: inout ArraySlice<UInt8>, fixed: Bool) throws(Bad) -> Int {
        var n = 0, i = 0
        // A plain loop: the `while let` form of this crashes the release-mode optimiser.
        for c in s.prefix(3) {
            guard GoTimeFormat.isDigit(c) else { break }
            n = n * 10 + Int(c - 48)
            i += 1
        }
        if i == 0 || (fixed && i != 3) { throw Bad() }
        s = s.dropFirst(i)
        return n
    }

    /// A case-insensitive prefix match against month or day names.
    private static func lookup(_ names: [String], _ value: inout ArraySlice<UInt8>) throws(Bad) -> Int {
        for (i, name) in names.enumerated() {
            let n = Array(name.utf8)
            guard value.count >= n.count else { continue }
            let matches = zip(value.prefix(n.count), n).allSatisfy { a, b in
                a == b || ((a | 0x20) == (b | 0x20) && (a | 0x20) >= 97 && (a | 0x20) <= 122)
            }
            if matches {
                value = value.dropFirst(n.count)
                return i
            }
        }
        throw Bad()
    }

    /// `.123` or `,123` to nanoseconds, reading at most nine digits.
    private static func nanoseconds(_ s: ArraySlice<UInt8>, _ rangeError: inout String) throws(Bad) -> Int64 {
        guard let c = s.first, c == UInt8(ascii: ".") || c == UInt8(ascii: ",") else { throw Bad() }
        let digits = s.dropFirst().prefix(9)
        let n = try atoi(digits)
        if n < 0 { rangeError = "fractional second"; return 0 }
        var scaled = Int64(n)
        for _ in 0..<(9 - digits.count) { scaled *= 10 }
        return scaled
    }

    /// A numeric zone offset in the element's shape, in seconds east of UTC.
    private static func offset(_ element: GoTimeFormat.Element, _ value: inout ArraySlice<UInt8>,
                               _ rangeError: inout String) throws(Bad) -> Int64 {
        let v = Array(value)
        let colon = UInt8(ascii: ":")
        let sign: UInt8, hh: ArraySlice<UInt8>, mm: ArraySlice<UInt8>, ss: ArraySlice<UInt8>, used: Int
        let zero = Array("00".utf8)[...]
        switch element {
        case .iso8601ColonTZ, .numColonTZ:
            guard v.count >= 6, v[3] == colon else { throw Bad() }
            (sign, hh, mm, ss, used) = (v[0], v[1..<3], v[4..<6], zero, 6)
        case .numShortTZ, .iso8601ShortTZ:
            guard v.count >= 3 else { throw Bad() }
            (sign, hh, mm, ss, used) = (v[0], v[1..<3], zero, zero, 3)
        case .iso8601ColonSecondsTZ, .numColonSecondsTZ:
            guard v.count >= 9, v[3] == colon, v[6] == colon else { throw Bad() }
            (sign, hh, mm, ss, used) = (v[0], v[1..<3], v[4..<6], v[7..<9], 9)
        case .iso8601SecondsTZ, .numSecondsTZ:
            guard v.count >= 7 else { throw Bad() }
            (sign, hh, mm, ss, used) = (v[0], v[1..<3], v[3..<5], v[5..<7], 7)
        default:
            guard v.count >= 5 else { throw Bad() }
            (sign, hh, mm, ss, used) = (v[0], v[1..<3], v[3..<5], zero, 5)
        }
        value = value.dropFirst(used)
        var h = hh, m = mm, s = ss
        let hr = try getnum(&h, fixed: true), mi = try getnum(&m, fixed: true), se = try getnum(&s, fixed: true)
        if hr > 24 { rangeError = "time zone offset hour" }
        if mi > 60 { rangeError = "time zone offset minute" }
        if se > 60 { rangeError = "time zone offset second" }
        let total = Int64((hr * 60 + mi) * 60 + se)
        switch sign {
        case UInt8(ascii: "+"): return total
        case UInt8(ascii: "-"): return -total
        default: throw Bad()
        }
    }

    /// Go's `parseTimeZone`: the length of a zone abbreviation at the start of `value`.
    private static func zoneNameLength(_ value: ArraySlice<UInt8>) -> Int? {
        let v = Array(value)
        guard v.count >= 3 else { return nil }
        if v.count >= 4, v[0..<4].elementsEqual("ChST".utf8) || v[0..<4].elementsEqual("MeST".utf8) { return 4 }
        if v[0..<3].elementsEqual("GMT".utf8) { return 3 + signedOffsetLength(v[3...]) }
        if v[0] == UInt8(ascii: "+") || v[0] == UInt8(ascii: "-") {
            let n = signedOffsetLength(v[...])
            return n > 0 ? n : nil
        }
        var upper = 0
        while upper < 6 && upper < v.count && v[upper] >= 65 && v[upper] <= 90 { upper += 1 }
        switch upper {
        case 3: return 3
        case 4: return v[3] == UInt8(ascii: "T") || v[0..<4].elementsEqual("WITA".utf8) ? 4 : nil
        case 5: return v[4] == UInt8(ascii: "T") ? 5 : nil
        default: return nil
        }
    }

    /// `+3`, `-04`: a sign and an hour up to 23; 0 when there is none.
    private static func signedOffsetLength(_ v: ArraySlice<UInt8>) -> Int {
        guard let sign = v.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return 0 }
        let digits = v.dropFirst().prefix { GoTimeFormat.isDigit($0) }
        guard !digits.isEmpty, digits.count <= 18, digits.reduce(0, { $0 * 10 + Int($1 - 48) }) <= 23 else { return 0 }
        return 1 + digits.count
    }
}
