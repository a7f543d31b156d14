/// Go's reference-layout elements (`2006`, `Jan`, `_2`, `15`, `PM`, `MST`, `Z07:00`, `.000`, ...)
/// and `Time.Format`.
enum GoTimeFormat {
    /// One layout element.
    enum Element: Equatable {
        case longMonth, month, numMonth, zeroMonth, longWeekDay, weekDay
        case day, underDay, zeroDay, underYearDay, zeroYearDay
        case hour, hour12, zeroHour12, minute, zeroMinute, second, zeroSecond
        case longYear, year, pm, lowerPM, tz
        case iso8601TZ, iso8601SecondsTZ, iso8601ShortTZ, iso8601ColonTZ, iso8601ColonSecondsTZ
        case numTZ, numSecondsTZ, numShortTZ, numColonTZ, numColonSecondsTZ
        /// `.000` (fixed digits) or `.999` (trailing zeros dropped), with the separator.
        case fraction(digits: Int, trim: Bool, separator: UInt8)

        /// The ISO 8601 zone elements, which print `Z` for UTC.
        var isISO8601: Bool {
            [.iso8601TZ, .iso8601SecondsTZ, .iso8601ShortTZ, .iso8601ColonTZ, .iso8601ColonSecondsTZ].contains(self)
        }
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private static let zeroElements: [Element] = [.zeroMonth, .zeroDay, .zeroHour12, .zeroMinute, .zeroSecond, .year]

    /// Go's `nextStdChunk`: the literal text before the first element, the element, and where the rest starts.
    static func nextChunk(_ l: [UInt8], from start: Int) -> (prefixEnd: Int, element: Element?, next: Int) {
        func has(_ i: Int, _ text: String) -> Bool {
            let t = Array(text.utf8)
            return i + t.count <= l.count && l[i..<(i + t.count)].elementsEqual(t)
        }
        func lowerAt(_ i: Int) -> Bool { i < l.count && l[i] >= 97 && l[i] <= 122 }
        var i = start
        while i < l.count {
            switch l[i] {
            case UInt8(ascii: "J"):
                if has(i, "January") { return (i, .longMonth, i + 7) }
                if has(i, "Jan") && !lowerAt(i + 3) { return (i, .month, i + 3) }
            case UInt8(ascii: "M"):
                if has(i, "Monday") { return (i, .longWeekDay, i + 6) }
                if has(i, "Mon") && !lowerAt(i + 3) { return (i, .weekDay, i + 3) }
                if has(i, "MST") { return (i, .tz, i + 3) }
            case UInt8(ascii: "0"):
                if i + 1 < l.count && l[i + 1] >= UInt8(ascii: "1") && l[i + 1] <= UInt8(ascii: "6") {
                    return (i, zeroElements[Int(l[i + 1] - UInt8(ascii: "1"))], i + 2)
                }
                if has(i, "002") { return (i, .zeroYearDay, i + 3) }
            case UInt8(ascii: "1"):
                if has(i, "15") { return (i, .hour, i + 2) }
                return (i, .numMonth, i + 1)
            case UInt8(ascii: "2"):
                if has(i, "2006") { return (i, .longYear, i + 4) }
                return (i, .day, i + 1)
            case UInt8(ascii: "_"):
                if has(i, "_2") {
                    // `_2006` is a literal underscore and a year.
                    if has(i + 1, "2006") { return (i + 1, .longYear, i + 5) }
                    return (i, .underDay, i + 2)
                }
                if has(i, "__2") { return (i, .underYearDay, i + 3) }
            case UInt8(ascii: "3"): return (i, .hour12, i + 1)
            case UInt8(ascii: "4"): return (i, .minute, i + 1)
            case UInt8(ascii: "5"): return (i, .second, i + 1)
            case UInt8(ascii: "P"):
                if has(i, "PM") { return (i, .pm, i + 2) }
            case UInt8(ascii: "p"):
                if has(i, "pm") { return (i, .lowerPM, i + 2) }
            case UInt8(ascii: "-"):
                if has(i, "-070000") { return (i, .numSecondsTZ, i + 7) }
                if has(i, "-07:00:00") { return (i, .numColonSecondsTZ, i + 9) }
                if has(i, "-0700") { return (i, .numTZ, i + 5) }
                if has(i, "-07:00") { return (i, .numColonTZ, i + 6) }
                if has(i, "-07") { return (i, .numShortTZ, i + 3) }
            case UInt8(ascii: "Z"):
                if has(i, "Z070000") { return (i, .iso8601SecondsTZ, i + 7) }
                if has(i, "Z07:00:00") { return (i, .iso8601ColonSecondsTZ, i + 9) }
                if has(i, "Z0700") { return (i, .iso8601TZ, i + 5) }
                if has(i, "Z07:00") { return (i, .iso8601ColonTZ, i + 6) }
                if has(i, "Z07") { return (i, .iso8601ShortTZ, i + 3) }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                if i + 1 < l.count && (l[i + 1] == UInt8(ascii: "0") || l[i + 1] == UInt8(ascii: "9")) {
                    let ch = l[i + 1]
                    var j = i + 1
                    while j < l.count && l[j] == ch { j += 1 }
                    // Only a fraction if the run of digits ends here.
                    if !(j < l.count && isDigit(l[j])) {
                        return (i, .fraction(digits: j - (i + 1), trim: ch == UInt8(ascii: "9"), separator: l[i]), j)
                    }
                }
            default: break
            }
            i += 1
        }
        return (l.count, nil, l.count)
    }

    /// Go's `appendInt`: a minus sign, then the magnitude zero-padded to `width`.
    static func appendInt(_ b: inout [UInt8], _ x: Int64, _ width: Int) {
        if x < 0 { b.append(UInt8(ascii: "-")) }
        let digits = Array(String(x.magnitude).utf8)
        if digits.count < width { b.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count)) }
        b.append(contentsOf: digits)
    }

    /// `t.Format(layout)`.
    static func format(_ t: GoTime, _ layoutText: String) -> String {
        let layout = Array(layoutText.utf8)
        let f = t.fields
        var b: [UInt8] = []
        var position = 0
        while position < layout.count {
            let chunk = nextChunk(layout, from: position)
            b.append(contentsOf: layout[position..<chunk.prefixEnd])
            guard let element = chunk.element else { break }
            position = chunk.next
            let hour12 = f.hour % 12 == 0 ? 12 : f.hour % 12
            switch element {
            case .year: appendInt(&b, Int64(f.year.magnitude % 100), 2)
            case .longYear: appendInt(&b, f.year, 4)
            case .month: b.append(contentsOf: GoCalendar.shortMonthNames[f.month - 1].utf8)
            case .longMonth: b.append(contentsOf: GoCalendar.longMonthNames[f.month - 1].utf8)
            case .numMonth: appendInt(&b, Int64(f.month), 0)
            case .zeroMonth: appendInt(&b, Int64(f.month), 2)
            case .weekDay: b.append(contentsOf: GoCalendar.shortDayNames[GoCalendar.weekday(days: f.days)].utf8)
            case .longWeekDay: b.append(contentsOf: GoCalendar.longDayNames[GoCalendar.weekday(days: f.days)].utf8)
            case .day: appendInt(&b, Int64(f.day), 0)
            case .underDay:
                if f.day < 10 { b.append(UInt8(ascii: " ")) }
                appendInt(&b, Int64(f.day), 0)
            case .zeroDay: appendInt(&b, Int64(f.day), 2)
            case .underYearDay:
                let yday = GoCalendar.yearDay(days: f.days)
                if yday < 100 { b.append(UInt8(ascii: " ")) }
                if yday < 10 { b.append(UInt8(ascii: " ")) }
                appendInt(&b, Int64(yday), 0)
            case .zeroYearDay: appendInt(&b, Int64(GoCalendar.yearDay(days: f.days)), 3)
            case .hour: appendInt(&b, Int64(f.hour), 2)
            case .hour12: appendInt(&b, Int64(hour12), 0)
            case .zeroHour12: appendInt(&b, Int64(hour12), 2)
            case .minute: appendInt(&b, Int64(f.minute), 0)
            case .zeroMinute: appendInt(&b, Int64(f.minute), 2)
            case .second: appendInt(&b, Int64(f.second), 0)
            case .zeroSecond: appendInt(&b, Int64(f.second), 2)
            case .pm: b.append(contentsOf: (f.hour >= 12 ? "PM" : "AM").utf8)
            case .lowerPM: b.append(contentsOf: (f.hour >= 12 ? "pm" : "am").utf8)
            case .tz:
                if !f.zoneName.isEmpty {
                    b.append(contentsOf: f.zoneName.utf8)
                } else {
                    let minutes = f.offset / 60
                    b.append(UInt8(ascii: minutes < 0 ? "-" : "+"))
                    appendInt(&b, Int64(minutes.magnitude / 60), 2)
                    appendInt(&b, Int64(minutes.magnitude % 60), 2)
                }
            case .fraction(let digits, let trim, let separator):
                appendFraction(&b, t.nanoseconds, digits: digits, trim: trim, separator: separator)
            default:
                appendOffset(&b, element, f.offset)
            }
        }
        return String(decoding: b, as: UTF8.self)
    }

    /// Numeric zone offsets (`-0700`, `Z07:00`, `-07`, `-07:00:00`).
    private static func appendOffset(_ b: inout [UInt8], _ element: Element, _ offset: Int64) {
        if offset == 0 && element.isISO8601 {
            b.append(UInt8(ascii: "Z"))
            return
        }
        let minutes = offset / 60
        b.append(UInt8(ascii: minutes < 0 ? "-" : "+"))
        let m = Int64(minutes.magnitude)
        appendInt(&b, m / 60, 2)
        let colon: [Element] = [.iso8601ColonTZ, .numColonTZ, .iso8601ColonSecondsTZ, .numColonSecondsTZ]
        if colon.contains(element) { b.append(UInt8(ascii: ":")) }
        if element != .numShortTZ && element != .iso8601ShortTZ { appendInt(&b, m % 60, 2) }
        let withSeconds: [Element] = [.iso8601SecondsTZ, .numSecondsTZ, .numColonSecondsTZ, .iso8601ColonSecondsTZ]
        if withSeconds.contains(element) {
            if element == .numColonSecondsTZ || element == .iso8601ColonSecondsTZ { b.append(UInt8(ascii: ":")) }
            appendInt(&b, Int64(offset.magnitude % 60), 2)
        }
    }

    /// A fractional second with `digits` places; `trim` drops trailing zeros (and the separator).
    private static func appendFraction(_ b: inout [UInt8], _ nanos: Int64, digits: Int, trim: Bool, separator: UInt8) {
        if trim && (digits == 0 || nanos == 0) { return }
        var part: [UInt8] = [separator]
        appendInt(&part, nanos, 9)
        if digits < 9 { part.removeLast(9 - digits) }
        if trim {
            while part.last == UInt8(ascii: "0") { part.removeLast() }
            if part.last == separator { part.removeLast() }
        }
        b.append(contentsOf: part)
    }

    /// Go's time-package `quote`: double quotes, `\"` and `\\`, other control and non-ASCII bytes as `\xNN`.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            if scalar.value >= 0x80 || scalar.value < 0x20 {
                for byte in String(scalar).utf8 {
                    let hex = Array("0123456789abcdef")
                    out += "\\x" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
                }
            } else {
                if scalar == "\"" || scalar == "\\" { out += "\\" }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
