import GoTemplate

/// Sprig's arithmetic: integer math on `cast.ToInt64` (int64 results, Go's wrapping and
/// division panics), float math through exact decimals, min/max, rounding, number conversions
/// and integer sequences.
enum SprigMath {
    static let functions: [String: TemplateFunction] = Dictionary(uniqueKeysWithValues: integer + float + conversions + sequences)

    static let integer: [(String, TemplateFunction)] = [
        sprigFunction("add1") { a in try a.count(1); return .int64(GoCast.toInt64(a.values[0]) &+ 1) },
        sprigFunction("add") { a in .int64(a.values.reduce(Int64(0)) { $0 &+ GoCast.toInt64($1) }) },
        sprigFunction("sub") { a in try a.count(2); return .int64(GoCast.toInt64(a.values[0]) &- GoCast.toInt64(a.values[1])) },
        sprigFunction("div") { a in try a.count(2); return .int64(try divide(GoCast.toInt64(a.values[0]), GoCast.toInt64(a.values[1])).quotient) },
        sprigFunction("mod") { a in try a.count(2); return .int64(try divide(GoCast.toInt64(a.values[0]), GoCast.toInt64(a.values[1])).remainder) },
        sprigFunction("mul") { a in try a.atLeast(1)
            return .int64(a.values.dropFirst().reduce(GoCast.toInt64(a.values[0])) { $0 &* GoCast.toInt64($1) }) },
        sprigFunction("biggest") { a in try a.atLeast(1); return .int64(a.values.map(GoCast.toInt64).max()!) },
        sprigFunction("max") { a in try a.atLeast(1); return .int64(a.values.map(GoCast.toInt64).max()!) },
        sprigFunction("min") { a in try a.atLeast(1); return .int64(a.values.map(GoCast.toInt64).min()!) },
    ]

    static let float: [(String, TemplateFunction)] = [
        sprigFunction("add1f") { a in try a.count(1); return .float(try decimal(a.values[0], [.int(1)], +)) },
        sprigFunction("addf") { a in .float(try decimal(.float(0), a.values, +)) },
        sprigFunction("subf") { a in try a.atLeast(1); return .float(try decimal(a.values[0], Array(a.values.dropFirst()), -)) },
        sprigFunction("mulf") { a in try a.atLeast(1); return .float(try decimal(a.values[0], Array(a.values.dropFirst()), *)) },
        sprigFunction("divf") { a in try a.atLeast(1)
            return .float(try decimal(a.values[0], Array(a.values.dropFirst())) { x, y in try x.divided(by: y) }) },
        sprigFunction("maxf") { a in try a.atLeast(1)
            return .float(a.values.dropFirst().reduce(GoCast.toFloat64(a.values[0])) { goMax($0, GoCast.toFloat64($1)) }) },
        sprigFunction("minf") { a in try a.atLeast(1)
            return .float(a.values.dropFirst().reduce(GoCast.toFloat64(a.values[0])) { goMin($0, GoCast.toFloat64($1)) }) },
        sprigFunction("ceil") { a in try a.count(1); return .float(GoCast.toFloat64(a.values[0]).rounded(.up)) },
        sprigFunction("floor") { a in try a.count(1); return .float(GoCast.toFloat64(a.values[0]).rounded(.down)) },
        sprigFunction("round") { a in try a.atLeast(2)
            let places = try a.int(1)
            var roundOn = 0.5
            if a.values.count > 2 { roundOn = try a.float(2) }
            for i in 3..<max(3, a.values.count) { _ = try a.float(i) }
            return .float(round(GoCast.toFloat64(a.values[0]), places: places, roundOn: roundOn)) },
    ]

    static let conversions: [(String, TemplateFunction)] = [
        sprigFunction("atoi") { a in try a.count(1); return .int(GoNumberParsing.atoi(try a.string(0))) },
        sprigFunction("int") { a in try a.count(1); return .int(GoCast.toInt64(a.values[0])) },
        sprigFunction("int64") { a in try a.count(1); return .int64(GoCast.toInt64(a.values[0])) },
        sprigFunction("float64") { a in try a.count(1); return .float(GoCast.toFloat64(a.values[0])) },
        sprigFunction("toDecimal") { a in try a.count(1)
            // fmt.Sprint of the value, read as octal.
            return .int64(GoNumberParsing.parseInt(GoFormat.sprint([a.values[0]]), base: 8) ?? 0) },
    ]

    static let sequences: [(String, TemplateFunction)] = [
        sprigFunction("until") { a in try a.count(1); let n = try a.int(0)
            return ints(try untilStep(0, n, n < 0 ? -1 : 1)) },
        sprigFunction("untilStep") { a in try a.count(3)
            return ints(try untilStep(try a.int(0), try a.int(1), try a.int(2))) },
        sprigFunction("seq") { a in .string(try seq(try a.ints(from: 0)).map(String.init).joined(separator: " ")) },
    ]

    static func ints(_ values: [Int]) -> Value { .list(values.map { .int(Int64($0)) }) }

    /// Go's integer `/` and `%`: a zero divisor panics; `min / -1` wraps instead of trapping.
    static func divide(_ x: Int64, _ y: Int64) throws -> (quotient: Int64, remainder: Int64) {
        guard y != 0 else { throw FunctionError("runtime error: integer divide by zero") }
        if y == -1 { return (0 &- x, 0) }
        return (x / y, x % y)
    }

    /// Sprig's `execDecimalOp`: folds `rest` into `first` with exact decimal arithmetic.
    static func decimal(_ first: Value, _ rest: [Value], _ op: (GoDecimal, GoDecimal) throws -> GoDecimal) throws -> Double {
        do {
            var acc = try GoDecimal(GoCast.toFloat64(first))
            for v in rest { acc = try op(acc, try GoDecimal(GoCast.toFloat64(v))) }
            return acc.double
        } catch let e as GoDecimal.NonFinite {
            throw FunctionError("Cannot create a Decimal from \(GoFormat.string(.float(e.value)))")
        } catch is GoDecimal.DivisionByZero {
            throw FunctionError("decimal division by 0")
        }
    }

    /// Go's `math.Max`: NaN wins, +0 beats -0.
    static func goMax(_ x: Double, _ y: Double) -> Double {
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && y == 0 { return x.sign == .minus ? y : x }
        return x > y ? x : y
    }

    /// Go's `math.Min`: NaN wins, -0 beats +0.
    static func goMin(_ x: Double, _ y: Double) -> Double {
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && y == 0 { return x.sign == .minus ? x : y }
        return x < y ? x : y
    }

    /// Sprig's `round`: scale by 10^places, then ceil when the fraction reaches `roundOn`, else floor.
    static func round(_ value: Double, places: Int, roundOn: Double) -> Double {
        let pow = goPow10(places)
        let digit = pow * value
        let fraction = digit.isInfinite ? Double.nan : digit - digit.rounded(.towardZero)
        let rounded = fraction >= roundOn ? digit.rounded(.up) : digit.rounded(.down)
        return rounded / pow
    }

    /// `math.Pow(10, n)` for an integer `n` (exact for the powers a double can hold).
    static func goPow10(_ n: Int) -> Double {
        if n >= 0 { return n > 308 ? .infinity : (0..<n).reduce(1.0) { acc, _ in acc * 10 } }
        return n < -323 ? 0 : 1 / goPow10(-n)
    }

    /// Sprig's `untilStep`: empty when the step cannot reach `stop`.
    /// The most numbers `until`, `untilStep` and `seq` produce (Go would try to allocate any count).
    static let sequenceLimit = 1 << 22

    static func untilStep(_ start: Int, _ stop: Int, _ step: Int) throws -> [Int] {
        var out: [Int] = []
        guard (stop < start && step < 0) || (stop > start && step > 0) else { return out }
        // How many numbers, without overflowing: a count past the limit is an error, not a trap.
        let span = stop < start ? start.subtractingReportingOverflow(stop) : stop.subtractingReportingOverflow(start)
        let count = span.overflow ? UInt(bitPattern: span.partialValue) / step.magnitude : UInt(span.partialValue) / step.magnitude
        guard count <= sequenceLimit else {
            throw FunctionError("the sequence from \(start) to \(stop) would have more than \(sequenceLimit) numbers")
        }
        var i = start
        while stop < start ? i > stop : i < stop {
            out.append(i)
            let next = i.addingReportingOverflow(step)
            if next.overflow { break }
            i = next.partialValue
        }
        return out
    }

    /// Sprig's `seq` (like the Unix command): `seq LAST`, `seq FIRST LAST`, `seq FIRST STEP LAST`.
    static func seq(_ params: [Int]) throws -> [Int] {
        switch params.count {
        case 1:
            let end = params[0], increment = end < 1 ? -1 : 1
            return try untilStep(1, end &+ increment, increment)
        case 2:
            let start = params[0], end = params[1], step = end < start ? -1 : 1
            return try untilStep(start, end &+ step, step)
        case 3:
            let start = params[0], step = params[1], end = params[2]
            var increment = 1
            if end < start {
                increment = -1
                if step > 0 { return [] }
            }
            return try untilStep(start, end &+ increment, step)
        default:
            return []
        }
    }
}
