/// A Go `*time.Location`: zones, transitions and the POSIX TZ rule for times after the last one.
final class GoLocation: Sendable {
    /// One zone such as CET: abbreviation, seconds east of UTC, daylight saving flag.
    struct Zone: Sendable {
        let name: String
        let offset: Int64
        let isDST: Bool
    }

    /// The name given to LoadLocation (`UTC`, `Local`, `Europe/Berlin`).
    let name: String
    let zones: [Zone]
    /// Transition instants (Unix seconds) and the zone index that starts there.
    let transitions: [(when: Int64, index: Int)]
    /// The TZif footer rule (`CET-1CEST,M3.5.0,M10.5.0/3`), empty when none.
    let extend: String

    init(name: String, zones: [Zone], transitions: [(when: Int64, index: Int)], extend: String) {
        self.name = name
        self.zones = zones
        self.transitions = transitions
        self.extend = extend
    }

    /// Go's `time.UTC`.
    static let utc = GoLocation(name: "UTC", zones: [], transitions: [], extend: "")

    /// Go's `time.FixedZone`.
    static func fixed(name: String, offset: Int64) -> GoLocation {
        GoLocation(name: name, zones: [Zone(name: name, offset: offset, isDST: false)],
                   transitions: [(Int64.min, 0)], extend: "")
    }

    /// The zone in effect at Unix second `sec`, with the span `start..<end` it is known to cover.
    func lookup(_ sec: Int64) -> (name: String, offset: Int64, start: Int64, end: Int64) {
        guard !zones.isEmpty else { return ("UTC", 0, .min, .max) }
        if transitions.isEmpty || sec < transitions[0].when {
            let zone = zones[firstZoneIndex()]
            return (zone.name, zone.offset, .min, transitions.first?.when ?? .max)
        }
        var lo = 0, hi = transitions.count
        var end = Int64.max
        while hi - lo > 1 {
            let m = lo + (hi - lo) / 2
            if sec < transitions[m].when {
                end = transitions[m].when
                hi = m
            } else {
                lo = m
            }
        }
        let zone = zones[transitions[lo].index]
        if lo == transitions.count - 1 && !extend.isEmpty,
           let rule = GoTZRule.evaluate(extend, initialEnd: end, sec: sec) {
            return rule
        }
        return (zone.name, zone.offset, transitions[lo].when, end)
    }

    /// The zone for times before the first transition (tzcode's rules).
    private func firstZoneIndex() -> Int {
        if !transitions.contains(where: { $0.index == 0 }) { return 0 }
        if let first = transitions.first, zones[first.index].isDST {
            var i = first.index - 1
            while i >= 0 {
                if !zones[i].isDST { return i }
                i -= 1
            }
        }
        return zones.firstIndex { !$0.isDST } ?? 0
    }

    /// The offset of the zone called `name` around pseudo-Unix time `unix` (a wall clock read as UTC).
    func lookupName(_ name: String, unix: Int64) -> Int64? {
        for zone in zones where zone.name == name {
            let found = lookup(unix - zone.offset)
            if found.name == zone.name { return found.offset }
        }
        return zones.first { $0.name == name }?.offset
    }

    /// Unix seconds of a wall-clock time in this location, resolving gaps and overlaps like Go's `Date`.
    func unixSeconds(wall: Int64) -> Int64 {
        var found = lookup(wall)
        guard found.offset != 0 else { return wall }
        let utc = wall - found.offset
        if utc < found.start || utc >= found.end { found = lookup(utc) }
        return wall - found.offset
    }
}

/// POSIX TZ rules (`EST5EDT,M3.2.0,M11.1.0`), evaluated as Go's `tzset` does.
enum GoTZRule {
    private enum Kind { case julian, dayOfYear, monthWeekDay }
    private struct Rule { var kind: Kind; var day = 0, week = 0, month = 0; var time: Int64 = 7200 }

    /// The zone name, offset and span at `sec`, or nil when the rule does not parse.
    static func evaluate(_ text: String, initialEnd: Int64, sec: Int64) -> (name: String, offset: Int64, start: Int64, end: Int64)? {
        var s = Substring(text)
        guard var stdName = name(&s), var stdOffset = offset(&s) else { return nil }
        stdOffset = -stdOffset
        if s.isEmpty || s.first == "," { return (stdName, stdOffset, initialEnd, .max) }
        guard var dstName = name(&s) else { return nil }
        var dstOffset: Int64
        if s.isEmpty || s.first == "," {
            dstOffset = stdOffset + 3600
        } else {
            guard let o = offset(&s) else { return nil }
            dstOffset = -o
        }
        if s.isEmpty { s = ",M3.2.0,M11.1.0" }
        guard s.first == "," || s.first == ";" else { return nil }
        s = s.dropFirst()
        guard let startRule = rule(&s), s.first == "," else { return nil }
        s = s.dropFirst()
        guard let endRule = rule(&s), s.isEmpty else { return nil }

        let days = GoCalendar.floorDiv(sec, GoCalendar.secondsPerDay)
        let year = GoCalendar.date(days: days).year
        let yearStart = GoCalendar.days(year: year, month: 1, day: 1) * GoCalendar.secondsPerDay
        // Go takes the remainder with the sign of `sec`; only matters before 1970.
        let ysec = (days - yearStart / GoCalendar.secondsPerDay) * GoCalendar.secondsPerDay + sec % GoCalendar.secondsPerDay
        var startSec = ruleTime(year, startRule, stdOffset)
        var endSec = ruleTime(year, endRule, dstOffset)
        if endSec < startSec {
            swap(&startSec, &endSec)
            swap(&stdName, &dstName)
            swap(&stdOffset, &dstOffset)
        }
        if ysec < startSec { return (stdName, stdOffset, yearStart, startSec + yearStart) }
        if ysec >= endSec { return (stdName, stdOffset, endSec + yearStart, yearStart + 365 * GoCalendar.secondsPerDay) }
        return (dstName, dstOffset, startSec + yearStart, endSec + yearStart)
    }

    private static func name(_ s: inout Substring) -> String? {
        guard let first = s.first else { return nil }
        if first == "<" {
            guard let close = s.firstIndex(of: ">") else { return nil }
            let name = String(s[s.index(after: s.startIndex)..<close])
            s = s[s.index(after: close)...]
            return name
        }
        let end = s.firstIndex { "0123456789,-+".contains($0) } ?? s.endIndex
        guard s.distance(from: s.startIndex, to: end) >= 3 else { return nil }
        let name = String(s[..<end])
        s = s[end...]
        return name
    }

    private static func number(_ s: inout Substring, _ min: Int, _ max: Int) -> Int? {
        var n = 0, count = 0
        while let c = s.first, let digit = c.wholeNumberValue, c.isASCII {
            n = n * 10 + digit
            if n > max { return nil }
            s = s.dropFirst()
            count += 1
        }
        return count > 0 && n >= min ? n : nil
    }

    private static func offset(_ s: inout Substring) -> Int64? {
        guard let first = s.first else { return nil }
        var negative = false
        if first == "+" || first == "-" {
            negative = first == "-"
            s = s.dropFirst()
        }
        guard let hours = number(&s, 0, 24 * 7) else { return nil }
        var total = Int64(hours) * 3600
        if s.first == ":" {
            s = s.dropFirst()
            guard let minutes = number(&s, 0, 59) else { return nil }
            total += Int64(minutes) * 60
            if s.first == ":" {
                s = s.dropFirst()
                guard let seconds = number(&s, 0, 59) else { return nil }
                total += Int64(seconds)
            }
        }
        return negative ? -total : total
    }

    private static func rule(_ s: inout Substring) -> Rule? {
        var r: Rule
        switch s.first {
        case "J":
            s = s.dropFirst()
            guard let day = number(&s, 1, 365) else { return nil }
            r = Rule(kind: .julian, day: day)
        case "M":
            s = s.dropFirst()
            guard let month = number(&s, 1, 12), s.first == "." else { return nil }
            s = s.dropFirst()
            guard let week = number(&s, 1, 5), s.first == "." else { return nil }
            s = s.dropFirst()
            guard let day = number(&s, 0, 6) else { return nil }
            r = Rule(kind: .monthWeekDay, day: day, week: week, month: month)
        case nil:
            return nil
        default:
            guard let day = number(&s, 0, 365) else { return nil }
            r = Rule(kind: .dayOfYear, day: day)
        }
        if s.first == "/" {
            s = s.dropFirst()
            guard let time = offset(&s) else { return nil }
            r.time = time
        }
        return r
    }

    /// Seconds after the start of `year` at which the rule takes effect.
    private static func ruleTime(_ year: Int64, _ r: Rule, _ offset: Int64) -> Int64 {
        var day: Int64
        switch r.kind {
        case .julian:
            day = Int64(r.day - 1)
            if GoCalendar.isLeap(year) && r.day >= 60 { day += 1 }
        case .dayOfYear:
            day = Int64(r.day)
        case .monthWeekDay:
            let firstOfMonth = GoCalendar.days(year: year, month: Int64(r.month), day: 1)
            var d = r.day - GoCalendar.weekday(days: firstOfMonth)
            if d < 0 { d += 7 }
            for _ in 1..<r.week where d + 7 < GoCalendar.daysIn(month: r.month, year: year) { d += 7 }
            day = firstOfMonth - GoCalendar.days(year: year, month: 1, day: 1) + Int64(d)
        }
        return day * GoCalendar.secondsPerDay + r.time - offset
    }
}
