import GoTemplate

/// A `time.Time` as templates see it: printed like Go's `Time.String`, with the methods charts call
/// (`Format`, `Unix`, `UTC`, `Year`, `Add`, ...).
final class GoTimeObject: TemplateObject, Sendable {
    /// The instant and its location.
    let time: GoTime
    /// What `.Local` converts to (the renderer's local zone).
    let local: GoLocation

    init(_ time: GoTime, local: GoLocation) {
        self.time = time
        self.local = local
    }

    var goTypeName: String { "time.Time" }

    /// `time.Time` has no exported fields.
    func field(_ name: String) -> Value? { nil }

    private static let methods: Set<String> = [
        "Format", "String", "Unix", "UnixNano", "UnixMilli", "UnixMicro", "UTC", "Local",
        "Year", "Month", "Day", "Hour", "Minute", "Second", "Nanosecond", "YearDay", "Weekday",
        "Add", "AddDate", "Sub", "Before", "After", "Equal", "Compare", "IsZero",
    ]

    func hasMethod(_ name: String) -> Bool { Self.methods.contains(name) }

    func callMethod(_ name: String, _ arguments: [Value]) throws -> Value? {
        let wanted: Int
        switch name {
        case "Format", "Add", "Sub", "Before", "After", "Equal", "Compare": wanted = 1
        case "AddDate": wanted = 3
        default: wanted = 0
        }
        guard arguments.count == wanted else {
            throw FunctionError("wrong number of args for \(name): want \(wanted) got \(arguments.count)")
        }
        let t = time
        let fields = { t.fields }
        switch name {
        case "Format":
            guard case .string(let layout) = arguments[0] else { throw Self.wrongType(arguments[0], "string") }
            return .string(t.format(layout))
        case "String": return .string(t.description)
        case "Unix": return .int64(t.unixSeconds)
        case "UnixMilli": return .int64(t.unixSeconds &* 1000 &+ t.nanoseconds / 1_000_000)
        case "UnixMicro": return .int64(t.unixSeconds &* 1_000_000 &+ t.nanoseconds / 1000)
        case "UnixNano": return .int64(t.unixSeconds &* 1_000_000_000 &+ t.nanoseconds)
        case "UTC": return wrap(t.in(.utc))
        case "Local": return wrap(t.in(local))
        case "Year": return .int(fields().year)
        case "Month": return .string(GoCalendar.longMonthNames[fields().month - 1])
        case "Day": return .int(Int64(fields().day))
        case "Hour": return .int(Int64(fields().hour))
        case "Minute": return .int(Int64(fields().minute))
        case "Second": return .int(Int64(fields().second))
        case "Nanosecond": return .int(t.nanoseconds)
        case "YearDay": return .int(Int64(GoCalendar.yearDay(days: fields().days)))
        case "Weekday": return .string(GoCalendar.longDayNames[GoCalendar.weekday(days: fields().days)])
        case "IsZero": return .bool(t.unixSeconds == GoCalendar.zeroTimeUnix && t.nanoseconds == 0)
        case "Add": return wrap(t.adding(GoDuration(try Self.durationArgument(arguments[0]))))
        case "AddDate":
            var n: [Int64] = []
            for a in arguments {
                guard case .int(let v) = a else { throw Self.wrongType(a, "int") }
                n.append(v)
            }
            let f = fields()
            let nanos = t.nanoseconds
            return wrap(GoTime(year: f.year + n[0], month: Int64(f.month) + n[1], day: Int64(f.day) + n[2],
                               hour: Int64(f.hour), minute: Int64(f.minute), second: Int64(f.second),
                               nanosecond: nanos, location: t.location))
        default:
            guard case .object(let object as GoTimeObject) = arguments[0] else {
                throw Self.wrongType(arguments[0], "time.Time")
            }
            let u = object.time
            switch name {
            case "Sub": return .object(GoDurationObject(t.subtracting(u)))
            case "Before": return .bool(t.compare(u) < 0)
            case "After": return .bool(t.compare(u) > 0)
            case "Equal": return .bool(t.compare(u) == 0)
            default: return .int(Int64(t.compare(u)))
            }
        }
    }

    private func wrap(_ t: GoTime) -> Value { .object(GoTimeObject(t, local: local)) }

    /// Go prints a time with `Time.String`.
    var goFormatted: String { time.description }

    /// `MarshalJSON` writes RFC 3339 with nanoseconds.
    var jsonValue: Value { .string(time.format("2006-01-02T15:04:05.999999999Z07:00")) }

    /// A `time.Duration` argument: integer constants and Duration values.
    private static func durationArgument(_ value: Value) throws -> Int64 {
        switch value {
        case .int(let n): return n
        case .object(let d as GoDurationObject): return d.duration.nanoseconds
        default: throw wrongType(value, "time.Duration")
        }
    }

    private static func wrongType(_ value: Value, _ expected: String) -> FunctionError {
        if case .null = value { return FunctionError("invalid value; expected \(expected)") }
        return FunctionError("wrong type for value; expected \(expected); got \(GoFormat.typeName(value))")
    }
}

/// A `time.Duration` value (what `Time.Sub` returns), printed as `1h2m3s`.
final class GoDurationObject: TemplateObject, Sendable {
    let duration: GoDuration

    init(_ duration: GoDuration) { self.duration = duration }

    var goTypeName: String { "time.Duration" }
    func field(_ name: String) -> Value? { nil }

    func hasMethod(_ name: String) -> Bool {
        ["String", "Hours", "Minutes", "Seconds", "Milliseconds", "Microseconds", "Nanoseconds"].contains(name)
    }

    func callMethod(_ name: String, _ arguments: [Value]) throws -> Value? {
        guard arguments.isEmpty else { throw FunctionError("wrong number of args for \(name): want 0 got \(arguments.count)") }
        let ns = duration.nanoseconds
        switch name {
        case "String": return .string(duration.description)
        case "Hours": return .float(Double(ns / GoDuration.hour) + Double(ns % GoDuration.hour) / 3.6e12)
        case "Minutes": return .float(Double(ns / GoDuration.minute) + Double(ns % GoDuration.minute) / 6e10)
        case "Seconds": return .float(Double(ns / GoDuration.second) + Double(ns % GoDuration.second) / 1e9)
        case "Milliseconds": return .int64(ns / 1_000_000)
        case "Microseconds": return .int64(ns / 1000)
        default: return .int64(ns)
        }
    }

    var goFormatted: String { duration.description }

    /// A Duration marshals as its integer nanoseconds.
    var jsonValue: Value { .int64(duration.nanoseconds) }
}
