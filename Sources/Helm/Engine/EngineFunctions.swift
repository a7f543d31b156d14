import GoTemplate

/// A template error that is not an execution error (Go's `template: no template "x" associated with ...`).
struct PlainTemplateError: Error {
    let text: String
}

/// The functions Helm's engine adds on top of Sprig: `include`, `tpl`, `required`, `fail`,
/// `lookup`, and the serialisation helpers (`toYaml`, `toJson`, ...).
enum EngineFunctions {
    /// Helm's nesting limit for one template name in `include`.
    static let includeLimit = 1000

    /// Marks the messages of `required` and `fail`, so the error report can quote them alone.
    static let warnStart = "HELM_ERR_START", warnEnd = "HELM_ERR_END"

    /// The complete function table for one render.
    static func table(engineState state: EngineState, strict: Bool,
                      lookup: (@Sendable (String, String, String, String) throws -> ValueMap)?) -> [String: TemplateFunction] {
        var table = SprigLibrary.functions
        table["env"] = nil
        table["expandenv"] = nil
        table.merge(HelmFunctions.functions) { _, helm in helm }
        table["include"] = TemplateFunction("include") { context, args in
            guard args.count == 2 else { throw FunctionError.arguments("wrong number of args for include: want 2 got \(args.count)") }
            let name = try SprigArguments(name: "include", values: args).string(0)
            let depth = state.includeDepth[name, default: 0]
            if depth > includeLimit {
                throw FunctionError("rendering template has a nested reference name: \(name): unable to execute template")
            }
            state.includeDepth[name] = depth + 1
            defer { state.includeDepth[name, default: 1] -= 1 }
            do {
                return .string(try context.executeTemplate(named: name, data: args[1]))
            } catch let error as ExecError {
                throw FunctionError(error.description, cause: error)
            } catch let error as FunctionError {
                // Go's ExecuteTemplate reports an unknown name as a plain "template: ..." error.
                let text = "template: " + error.message
                throw FunctionError(text, cause: PlainTemplateError(text: text))
            }
        }
        table["tpl"] = TemplateFunction("tpl") { context, args in
            guard args.count == 2 else { throw FunctionError.arguments("wrong number of args for tpl: want 2 got \(args.count)") }
            let text = try SprigArguments(name: "tpl", values: args).string(0)
            // Helm sets no limit here and overflows its stack on tpl text that runs itself;
            // the same bound as include's keeps the error readable.
            if state.tplDepth >= includeLimit {
                throw FunctionError("rendering tpl text nested more than \(includeLimit) levels deep (does the text run tpl on itself?): unable to execute template")
            }
            state.tplDepth += 1
            defer { state.tplDepth -= 1 }
            do {
                let output = try context.executeText(text, name: "gotpl", data: args[1])
                return .string(output.replacingAll("<no value>", with: ""))
            } catch let error as ParseError {
                throw FunctionError("cannot parse template \(GoFormat.sprintf("%q", [.string(text)])): \(error.description)", cause: error)
            } catch let error as ExecError {
                throw FunctionError("error during tpl function execution for \(GoFormat.sprintf("%q", [.string(text)])): \(error.description)", cause: error)
            }
        }
        table["required"] = TemplateFunction("required") { _, args in
            guard args.count == 2 else { throw FunctionError.arguments("wrong number of args for required: want 2 got \(args.count)") }
            let warning = try SprigArguments(name: "required", values: args).string(0)
            let missing: Bool
            switch args[1] {
            case .null: missing = true
            case .string(let s): missing = s.isEmpty
            default: missing = false
            }
            guard missing else { return args[1] }
            if state.lintMode {
                state.warnings.append("missing required value: \(warning)")
                return .string("")
            }
            throw FunctionError(warnStart + warning + warnEnd)
        }
        table["fail"] = TemplateFunction("fail") { _, args in
            guard args.count == 1 else { throw FunctionError.arguments("wrong number of args for fail: want 1 got \(args.count)") }
            let message = try SprigArguments(name: "fail", values: args).string(0)
            if state.lintMode {
                state.warnings.append("fail: \(message)")
                return .string("")
            }
            throw FunctionError(warnStart + message + warnEnd)
        }
        table["lookup"] = TemplateFunction("lookup") { _, args in
            let a = SprigArguments(name: "lookup", values: args)
            try a.count(4)
            let (apiVersion, kind, namespace, name) = (try a.string(0), try a.string(1), try a.string(2), try a.string(3))
            guard let lookup else { return .map(ValueMap()) }
            return .map(try lookup(apiVersion, kind, namespace, name))
        }
        table["getHostByName"] = TemplateFunction("getHostByName") { _, args in
            try SprigArguments(name: "getHostByName", values: args).count(1)
            return .string("")
        }
        return checkingArity(table)
    }

    /// Go checks a function's argument count against its signature before calling it; the
    /// bodies here index their arguments, so every listed function gets that check first.
    static func checkingArity(_ functions: [String: TemplateFunction]) -> [String: TemplateFunction] {
        var checked = functions
        for (name, function) in functions {
            guard let arity = FunctionArity.table[name] else { continue }
            let body = function.body
            checked[name] = TemplateFunction(name) { context, args in
                if let message = arity.mismatch(name: name, count: args.count) { throw FunctionError.arguments(message) }
                return try body(context, args)
            }
        }
        return checked
    }
}
