import GoTemplate

/// Helm's duration helpers (`durationSeconds`, `durationRoundTo`, `mustToDuration`, ...): a
/// duration is a Go duration string (`1h30m`), a number of seconds, or a duration value.
enum DurationFunctions {
    /// Why a value is not a duration (Helm's asDuration messages).
    struct NotADuration: Error { let message: String }

    static let functions: [String: TemplateFunction] = {
        var table: [String: TemplateFunction] = [:]
        func add(_ name: String, arguments count: Int = 1, _ body: @escaping ([Value]) throws -> Value) {
            table[name] = TemplateFunction(name) { _, args in
                guard args.count == count else {
                    throw FunctionError.arguments("wrong number of args for \(name): want \(count) got \(args.count)")
                }
                return try body(args)
            }
        }
        func seconds(_ value: Value) -> Double? { (try? duration(value)).map { Double($0) / 1e9 } }
        add("mustToDuration") { args in
            do { return .object(GoDurationObject(GoDuration(try duration(args[0])))) } catch let error as NotADuration {
                throw FunctionError(error.message)
            }
        }
        add("durationSeconds") { args in .float(seconds(args[0]) ?? 0) }
        add("durationMinutes") { args in .float((seconds(args[0]) ?? 0) / 60) }
        add("durationHours") { args in .float((seconds(args[0]) ?? 0) / 3600) }
        add("durationDays") { args in .float((seconds(args[0]) ?? 0) / 3600 / 24) }
        add("durationWeeks") { args in .float((seconds(args[0]) ?? 0) / 3600 / 24 / 7) }
        add("durationMilliseconds") { args in .int64(((try? duration(args[0])) ?? 0) / 1_000_000) }
        add("durationMicroseconds") { args in .int64(((try? duration(args[0])) ?? 0) / 1000) }
        add("durationNanoseconds") { args in .int64((try? duration(args[0])) ?? 0) }
        add("durationRoundTo", arguments: 2) { args in
            guard let d = try? duration(args[0]) else { return durationValue(0) }
            guard let m = try? duration(args[1]) else { return durationValue(d) }
            return durationValue(GoDuration(d).rounded(to: m).nanoseconds)
        }
        add("durationTruncateTo", arguments: 2) { args in
            guard let d = try? duration(args[0]) else { return durationValue(0) }
            guard let m = try? duration(args[1]), m > 0 else { return durationValue(d) }
            return durationValue(d - d % m)
        }
        return table
    }()

    private static func durationValue(_ nanoseconds: Int64) -> Value { .object(GoDurationObject(GoDuration(nanoseconds))) }

    /// Helm's asDuration, in nanoseconds.
    static func duration(_ value: Value) throws -> Int64 {
        switch value {
        case .object(let d as GoDurationObject): return d.duration.nanoseconds
        case .string(let text):
            let trimmed = text.trimmingWhitespace()
            if trimmed.isEmpty { throw NotADuration(message: "empty duration") }
            if let parsed = try? GoDuration(parsing: trimmed) { return parsed.nanoseconds }
            if let number = Double(trimmed), trimmed.allSatisfy({ !$0.isLetter || $0 == "e" || $0 == "E" }) {
                return try fromSeconds(number)
            }
            throw NotADuration(message: "could not parse duration \(GoFormat.sprintf("%q", [.string(text)]))")
        case .null: throw NotADuration(message: "invalid duration")
        case .int(let n), .int64(let n):
            guard n <= Int64.max / 1_000_000_000, n >= Int64.min / 1_000_000_000 else {
                throw NotADuration(message: "duration seconds overflow: \(n)")
            }
            return n * 1_000_000_000
        case .float(let d): return try fromSeconds(d)
        default: throw NotADuration(message: "unsupported duration type \(GoFormat.typeName(value))")
        }
    }

    private static func fromSeconds(_ seconds: Double) throws -> Int64 {
        guard seconds.isFinite else { throw NotADuration(message: "invalid duration seconds: \(GoFormat.string(.float(seconds)))") }
        let nanos = seconds * 1e9
        guard nanos < 9.223372036854775807e18, nanos >= -9.223372036854775808e18 else {
            throw NotADuration(message: "duration seconds overflow: \(GoFormat.string(.float(seconds)))")
        }
        return Int64(nanos)
    }
}
