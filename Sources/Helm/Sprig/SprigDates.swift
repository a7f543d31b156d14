#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GoTemplate

/// Sprig's date functions (`now`, `date`, `dateInZone`, `dateModify`, `ago`, `toDate`, `duration`,
/// `durationRound`, `unixEpoch`, `htmlDate`, ...) with Go's time semantics.
enum SprigDates {
    /// Reads the system clock as Unix seconds and nanoseconds.
    static let systemClock: @Sendable () -> (seconds: Int64, nanoseconds: Int64) = {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return (Int64(spec.tv_sec), Int64(spec.tv_nsec))
    }

    /// The table on the system clock and the process's local zone.
    static let functions: [String: TemplateFunction] = functions(now: systemClock)

    /// The table with an injected clock and local zone (for tests and reproducible renders).
    static func functions(now clock: @escaping @Sendable () -> (seconds: Int64, nanoseconds: Int64),
                          local: GoLocation = .local) -> [String: TemplateFunction] {
        let dates = Dates(clock: clock, local: local)
        func make(_ name: String, _ body: @escaping (SprigArguments) throws -> Value) -> (String, TemplateFunction) {
            SprigCore.make(name, body)
        }
        let dateInZone: (SprigArguments) throws -> Value = { a in
            try a.count(3)
            return .string(dates.format(try a.string(0), a.values[1], zone: try a.string(2)))
        }
        let dateModify: (SprigArguments) throws -> Value = { a in
            try a.count(2)
            let layout = try a.string(0), t = try dates.time(a.values[1])
            guard let d = try? GoDuration(parsing: layout) else { return dates.wrap(t) }
            return dates.wrap(t.adding(d))
        }
        let mustDateModify: (SprigArguments) throws -> Value = { a in
            try a.count(2)
            let layout = try a.string(0), t = try dates.time(a.values[1])
            do throws(GoTimeError) { return dates.wrap(t.adding(try GoDuration(parsing: layout))) } catch { throw FunctionError(error.message) }
        }
        return Dictionary(uniqueKeysWithValues: [
            make("now") { a in try a.count(0); return dates.wrap(dates.now()) },
            make("date") { a in
                try a.count(2)
                return .string(dates.format(try a.string(0), a.values[1], zone: "Local"))
            },
            make("dateInZone", dateInZone),
            make("date_in_zone", dateInZone),
            make("htmlDate") { a in try a.count(1); return .string(dates.format("2006-01-02", a.values[0], zone: "Local")) },
            make("htmlDateInZone") { a in
                try a.count(2)
                return .string(dates.format("2006-01-02", a.values[0], zone: try a.string(1)))
            },
            make("dateModify", dateModify),
            make("date_modify", dateModify),
            make("mustDateModify", mustDateModify),
            make("must_date_modify", mustDateModify),
            make("ago") { a in
                try a.count(1)
                let t: GoTime
                switch a.values[0] {
                case .object(let o as GoTimeObject): t = o.time
                case .int(let n), .int64(let n): t = GoTime(unixSeconds: n, location: local)
                default: t = dates.now()
                }
                return .string(dates.now().subtracting(t).rounded(to: GoDuration.second).description)
            },
            make("toDate") { a in
                try a.count(2)
                let t = try? GoTimeParse.parse(layout: try a.string(0), value: try a.string(1), in: local)
                return dates.wrap(t ?? .zero)
            },
            make("mustToDate") { a in
                try a.count(2)
                let layout = try a.string(0), value = try a.string(1)
                do throws(GoTimeError) { return dates.wrap(try GoTimeParse.parse(layout: layout, value: value, in: local)) } catch {
                    throw FunctionError(error.message)
                }
            },
            make("unixEpoch") { a in try a.count(1); return .string(String(try dates.time(a.values[0]).unixSeconds)) },
            make("duration") { a in
                try a.count(1)
                let n: Int64
                switch a.values[0] {
                case .string(let s): n = goParseInt(s)
                case .int64(let v): n = v
                default: n = 0
                }
                return .string(GoDuration(n &* GoDuration.second).description)
            },
            make("durationRound") { a in
                try a.count(1)
                let d: Int64
                switch a.values[0] {
                case .string(let s): d = (try? GoDuration(parsing: s))?.nanoseconds ?? 0
                case .int64(let v): d = v
                case .object(let o as GoTimeObject): d = dates.now().subtracting(o.time).nanoseconds
                default: d = 0
                }
                return .string(roundedText(d))
            },
        ])
    }

    /// Sprig's coarse `durationRound`: the largest unit strictly exceeded, truncated (`2h`, `3mo`, `1y`).
    static func roundedText(_ d: Int64) -> String {
        let u = d.magnitude
        let hour = UInt64(GoDuration.hour)
        let units: [(UInt64, String)] = [
            (hour * 24 * 365, "y"), (hour * 24 * 30, "mo"), (hour * 24, "d"), (hour, "h"),
            (UInt64(GoDuration.minute), "m"), (UInt64(GoDuration.second), "s"),
        ]
        for (size, suffix) in units where u > size { return String(u / size) + suffix }
        return "0s"
    }

    /// Go's `strconv.ParseInt(s, 10, 64)` as Sprig uses it: 0 on a syntax error, clamped on overflow.
    static func goParseInt(_ s: String) -> Int64 {
        var digits = Substring(s)
        var negative = false
        if let c = digits.first, c == "+" || c == "-" {
            negative = c == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return 0 }
        var value: Int64 = 0
        for c in digits.utf8 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = negative ? m.subtractingReportingOverflow(Int64(c - 48)) : m.addingReportingOverflow(Int64(c - 48))
            if o1 || o2 { return negative ? .min : .max }
            value = sum
        }
        return value
    }
}

/// The clock and local zone a date table works with.
private struct Dates {
    let clock: @Sendable () -> (seconds: Int64, nanoseconds: Int64)
    let local: GoLocation

    /// `time.Now()` in the local zone.
    func now() -> GoTime {
        let reading = clock()
        return GoTime(unixSeconds: reading.seconds, nanoseconds: reading.nanoseconds, location: local)
    }

    func wrap(_ t: GoTime) -> Value { .object(GoTimeObject(t, local: local)) }

    /// Sprig's `dateInZone`: times and Unix seconds (int, int64) are formatted, anything else means now;
    /// an unknown zone means UTC.
    func format(_ layout: String, _ value: Value, zone: String) -> String {
        let t: GoTime
        switch value {
        case .object(let o as GoTimeObject): t = o.time
        case .int(let n), .int64(let n): t = GoTime(unixSeconds: n, location: local)
        default: t = now()
        }
        let location = zone == "Local" ? local : ((try? GoLocation.load(zone)) ?? .utc)
        return t.in(location).format(layout)
    }

    /// A `time.Time` parameter, with text/template's conversion errors.
    func time(_ value: Value) throws -> GoTime {
        switch value {
        case .object(let o as GoTimeObject): return o.time
        case .null: throw FunctionError("invalid value; expected time.Time")
        default: throw FunctionError("wrong type for value; expected time.Time; got \(GoFormat.typeName(value))")
        }
    }
}
