import GoTemplate

/// Helm's `toYamlPretty`: go-yaml v3 with a 2-space indent, without the final newline.
enum YAMLPrettyFunctions {
    static let functions: [String: TemplateFunction] = [
        "toYamlPretty": TemplateFunction("toYamlPretty") { _, args in
            guard args.count == 1 else { throw FunctionError.arguments("wrong number of args for toYamlPretty: want 1 got \(args.count)") }
            return .string(toYamlPretty(args[0]))
        },
    ]

    /// The value in go-yaml v3's block style.
    static func toYamlPretty(_ value: Value) -> String {
        var text = YAMLPrettyEmitter.emit(value)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
