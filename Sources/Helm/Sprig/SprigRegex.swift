import GoTemplate

/// Sprig's regular-expression functions, on `GoRegex` (Go's RE2 syntax and semantics).
///
/// The plain variants use Go's `regexp.MustCompile`, whose panic text/template reports as
/// ``error calling NAME: regexp: Compile(`PATTERN`): PARSE ERROR``; `regexMatch` instead
/// swallows the error and returns false. The `must` variants return the parse error itself.
enum SprigRegex {
    static func make(_ name: String, _ body: @escaping (SprigArguments) throws -> Value) -> (String, TemplateFunction) {
        (name, TemplateFunction(name) { _, values in try body(SprigArguments(name: name, values: values)) })
    }

    /// Go's `regexp.Compile`: the parse error as the function's error.
    static func compile(_ pattern: String) throws -> GoRegex {
        do { return try GoRegex(pattern) } catch { throw FunctionError(error.description) }
    }

    /// Go's `regexp.MustCompile`: the panic message text/template turns into the function's error.
    static func mustCompile(_ pattern: String) throws -> GoRegex {
        do { return try GoRegex(pattern) } catch {
            throw FunctionError("regexp: Compile(\(quote(pattern))): \(error.description)")
        }
    }

    /// Go's `regexp.quote`: backquoted when `strconv.CanBackquote`, else `strconv.Quote`.
    static func quote(_ s: String) -> String {
        let canBackquote = s.unicodeScalars.allSatisfy { c in
            c == "\t" || (c.value >= 0x20 && c != "`" && c.value != 0x7F && c.value != 0xFEFF)
        }
        return canBackquote ? "`" + s + "`" : GoFormat.sprintf("%q", [.string(s)])
    }

    static func strings(_ list: [String]) -> Value { .list(list.map { .string($0) }) }

    static let functions: [String: TemplateFunction] = Dictionary(uniqueKeysWithValues: [
        make("regexMatch") { a in try a.count(2); let pattern = try a.string(0), s = try a.string(1)
            return .bool((try? GoRegex(pattern))?.matches(s) ?? false) },
        make("mustRegexMatch") { a in try a.count(2); let pattern = try a.string(0), s = try a.string(1)
            return .bool(try compile(pattern).matches(s)) },
        make("regexFindAll") { a in try a.count(3); let pattern = try a.string(0), s = try a.string(1), n = try a.int(2)
            return strings(try mustCompile(pattern).findAllString(s, n)) },
        make("mustRegexFindAll") { a in try a.count(3); let pattern = try a.string(0), s = try a.string(1), n = try a.int(2)
            return strings(try compile(pattern).findAllString(s, n)) },
        make("regexFind") { a in try a.count(2); let pattern = try a.string(0), s = try a.string(1)
            return .string(try mustCompile(pattern).findString(s)) },
        make("mustRegexFind") { a in try a.count(2); let pattern = try a.string(0), s = try a.string(1)
            return .string(try compile(pattern).findString(s)) },
        make("regexReplaceAll") { a in try a.count(3); let pattern = try a.string(0), s = try a.string(1), repl = try a.string(2)
            return .string(try mustCompile(pattern).replaceAllString(s, repl)) },
        make("mustRegexReplaceAll") { a in try a.count(3); let pattern = try a.string(0), s = try a.string(1), repl = try a.string(2)
            return .string(try compile(pattern).replaceAllString(s, repl)) },
        make("regexReplaceAllLiteral") { a in try a.count(3); let pattern = try a.string(0), s = try a.string(1), repl = try a.string(2)
            return .string(try mustCompile(pattern).replaceAllLiteralString(s, repl)) },
        make("mustRegexReplaceAllLiteral") { a in try a.count(3); let pattern = try a.string(0), s = try a.string(1), repl = try a.string(2)
            return .string(try compile(pattern).replaceAllLiteralString(s, repl)) },
        make("regexSplit") { a in try a.count(3); let pattern = try a.string(0), s = try a.string(1), n = try a.int(2)
            return strings(try mustCompile(pattern).split(s, n)) },
        make("mustRegexSplit") { a in try a.count(3); let pattern = try a.string(0), s = try a.string(1), n = try a.int(2)
            return strings(try compile(pattern).split(s, n)) },
        make("regexQuoteMeta") { a in try a.count(1); return .string(GoRegex.quoteMeta(try a.string(0))) },
    ])
}
