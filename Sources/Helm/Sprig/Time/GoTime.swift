/// Go's `time.Time`: an instant (Unix seconds and nanoseconds) shown in a location.
struct GoTime: Sendable {
    /// Whole seconds since 1970-01-01 UTC.
    var unixSeconds: Int64
    /// Nanoseconds within the second, 0..<1e9.
    var nanoseconds: Int64
    /// The location used for display.
    var location: GoLocation

    /// The instant `seconds`+`nanoseconds` after the epoch, normalizing the nanoseconds.
    init(unixSeconds: Int64, nanoseconds: Int64 = 0, location: GoLocation = .utc) {
        self.unixSeconds = unixSeconds &+ GoCalendar.floorDiv(nanoseconds, 1_000_000_000)
        self.nanoseconds = GoCalendar.floorMod(nanoseconds, 1_000_000_000)
        self.location = location
    }

    /// Go's zero `time.Time{}`: January 1, year 1, 00:00:00 UTC.
    static let zero = GoTime(unixSeconds: GoCalendar.zeroTimeUnix)

    /// `time.Date(year, month, day, hour, min, sec, nsec, loc)`, normalizing out-of-range fields.
    init(year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64,
         nanosecond: Int64, location: GoLocation) {
        let extraSeconds = GoCalendar.floorDiv(nanosecond, 1_000_000_000)
        let wall = GoCalendar.days(year: year, month: month, day: day) * GoCalendar.secondsPerDay
            + hour * 3600 + minute * 60 + second + extraSeconds
        self.init(unixSeconds: location.unixSeconds(wall: wall),
                  nanoseconds: GoCalendar.floorMod(nanosecond, 1_000_000_000), location: location)
    }

    /// The zone in effect and the wall-clock fields in `location`.
    var fields: Fields {
        let zone = location.lookup(unixSeconds)
        let local = unixSeconds &+ zone.offset
        let days = GoCalendar.floorDiv(local, GoCalendar.secondsPerDay)
        let secondOfDay = Int(GoCalendar.floorMod(local, GoCalendar.secondsPerDay))
        let date = GoCalendar.date(days: days)
        return Fields(zoneName: zone.name, offset: zone.offset, days: days, year: date.year, month: date.month,
                      day: date.day, hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60)
    }

    /// Wall-clock fields of a time in its location.
    struct Fields {
        let zoneName: String
        let offset: Int64
        let days: Int64
        let year: Int64
        let month: Int, day: Int, hour: Int, minute: Int, second: Int
    }

    /// The same instant in another location.
    func `in`(_ location: GoLocation) -> GoTime {
        GoTime(unixSeconds: unixSeconds, nanoseconds: nanoseconds, location: location)
    }

    /// `t.Add(d)`.
    func adding(_ d: GoDuration) -> GoTime {
        GoTime(unixSeconds: unixSeconds &+ d.nanoseconds / 1_000_000_000,
               nanoseconds: nanoseconds + d.nanoseconds % 1_000_000_000, location: location)
    }

    /// `t.Sub(u)`, saturating at the Duration limits like Go.
    func subtracting(_ u: GoTime) -> GoDuration {
        let (seconds, o1) = (unixSeconds &- u.unixSeconds).multipliedReportingOverflow(by: 1_000_000_000)
        let (total, o2) = seconds.addingReportingOverflow(nanoseconds - u.nanoseconds)
        let secondsOverflow = (unixSeconds >= u.unixSeconds) != (unixSeconds &- u.unixSeconds >= 0)
        if !o1 && !o2 && !secondsOverflow { return GoDuration(total) }
        return GoDuration(compare(u) < 0 ? .min : .max)
    }

    /// -1, 0 or 1 by instant.
    func compare(_ u: GoTime) -> Int {
        if unixSeconds != u.unixSeconds { return unixSeconds < u.unixSeconds ? -1 : 1 }
        if nanoseconds != u.nanoseconds { return nanoseconds < u.nanoseconds ? -1 : 1 }
        return 0
    }

    /// `t.Format(layout)`.
    func format(_ layout: String) -> String { GoTimeFormat.format(self, layout) }

    /// `t.String()`, without the monotonic clock reading.
    var description: String { format("2006-01-02 15:04:05.999999999 -0700 MST") }
}
