import GoTemplate

/// Helm's `toToml`, `mustToToml` and `fromToml`.
enum TOMLFunctions {
    static let functions: [String: TemplateFunction] = [
        "toToml": TemplateFunction("toToml") { _, args in
            guard args.count == 1 else { throw FunctionError.arguments("wrong number of args for toToml: want 1 got \(args.count)") }
            try rejectNil(args[0])
            do throws(TOMLEncoder.EncodeError) {
                return .string(try TOMLEncoder.encode(args[0]))
            } catch {
                return .string(error.message)
            }
        },
        "mustToToml": TemplateFunction("mustToToml") { _, args in
            guard args.count == 1 else { throw FunctionError.arguments("wrong number of args for mustToToml: want 1 got \(args.count)") }
            try rejectNil(args[0])
            do throws(TOMLEncoder.EncodeError) {
                return .string(try TOMLEncoder.encode(args[0]))
            } catch {
                throw FunctionError(error.message)
            }
        },
        "fromToml": TemplateFunction("fromToml") { _, args in
            guard args.count == 1, case .string(let text) = args[0] else { throw FunctionError.argumentType(index: 0, goType: "string", got: args.first ?? .null) }
            do throws(TOMLDecoder.DecodeError) {
                return .map(try TOMLDecoder.decode(text))
            } catch {
                return .map(ValueMap(["Error": .string(error.message)]))
            }
        },
    ]

    /// The Go encoder dereferences a nil interface through reflection and panics; the template
    /// engine reports that panic as the call's error.
    private static func rejectNil(_ value: Value) throws {
        if case .null = value { throw FunctionError("reflect: call of reflect.Value.Type on zero Value") }
    }
}
