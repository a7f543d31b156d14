/// Proleptic Gregorian calendar arithmetic on days since 1970-01-01, as Go's time package does it.
enum GoCalendar {
    static let secondsPerDay: Int64 = 86_400
    /// Unix seconds of Go's zero time, January 1, year 1, 00:00:00 UTC.
    static let zeroTimeUnix: Int64 = -62_135_596_800

    static let longMonthNames = ["January", "February", "March", "April", "May", "June", "July",
                                 "August", "September", "October", "November", "December"]
    static let shortMonthNames = longMonthNames.map { String($0.prefix(3)) }
    static let longDayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let shortDayNames = longDayNames.map { String($0.prefix(3)) }

    /// Division rounding toward negative infinity.
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// The non-negative remainder matching `floorDiv`.
    static func floorMod(_ a: Int64, _ b: Int64) -> Int64 { a - floorDiv(a, b) * b }

    /// Days since 1970-01-01 of a civil date; month and day may be out of range and carry over.
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        // Normalize the month into 1...12 first, as Go's Date does.
        let y0 = year + floorDiv(month - 1, 12)
        let m = floorMod(month - 1, 12) + 1
        let y = m <= 2 ? y0 - 1 : y0
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468 + (day - 1)
    }

    /// The civil date (year, month 1-12, day 1-31) of a day count since 1970-01-01.
    static func date(days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), Int(month), Int(day))
    }

    /// Whether `year` is a leap year.
    static func isLeap(_ year: Int64) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// Days in `month` (1-12) of `year`.
    static func daysIn(month: Int, year: Int64) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Day of the year, 1-based.
    static func yearDay(days: Int64) -> Int {
        let year = date(days: days).year
        return Int(days - self.days(year: year, month: 1, day: 1)) + 1
    }

    /// Day of the week, 0 = Sunday.
    static func weekday(days: Int64) -> Int { Int(floorMod(days + 4, 7)) }
}
