import GoTemplate

/// Rewords template errors the way Helm's engine does before `helm template` prints them.
enum RenderErrorFormatter {
    /// `parse error at (FILE:LINE): MESSAGE` from Go's `template: FILE:LINE: MESSAGE`.
    static func parseError(_ text: String) -> String {
        let tokens = text.components(separatedBy: ": ")
        guard tokens.count > 1 else { return "parse error in (\(text))" }
        return "parse error at (\(tokens[1])): \(tokens[tokens.count - 1])"
    }

    /// Helm's reformatExecErrorMsg: a `required`/`fail` message with the outer location, or
    /// the chain of template locations (one per `include`), or the error as Go printed it.
    static func execError(_ error: ExecError) -> String {
        let text = error.description
        let tokens = text.splitOnce(": ", times: 2)
        guard tokens.count == 3 else { return "execution error in (\(error.file)): \(text)" }
        if let start = tokens[2].firstRange(of: EngineFunctions.warnStart),
           let end = tokens[2].lastRange(of: EngineFunctions.warnEnd), start.upperBound <= end.lowerBound {
            return "execution error at (\(tokens[1])): \(tokens[2][start.upperBound..<end.lowerBound])"
        }
        // Walk the wrapped errors as errors.Unwrap would; any link that is not a template
        // error means Helm gives up and prints the original.
        var traces: [Trace] = []
        var current: ExecError? = error
        while let e = current {
            let trace = Trace(location: "\(e.file):\(e.line):\(e.column)",
                              function: "executing \"\(e.templateName)\" at <\(e.context)>:",
                              message: cutAtTemplate(e.message))
            if traces.last != trace { traces.append(trace) }
            current = nil
            guard let function = e.functionError else { break }
            if let inner = function.cause as? ExecError, inner.description == function.message {
                current = inner  // include hands back the inner template's own error
            } else if let plain = function.cause as? PlainTemplateError, plain.text == function.message {
                traces.append(plainTrace(plain.text))
            } else {
                return text
            }
        }
        return traces.map(\.text).joined().trimmingWhitespace()
    }

    /// Helm's reading of a "template: ..." error that is not an execution error.
    private static func plainTrace(_ text: String) -> Trace {
        let rest = String(text.dropFirst("template: ".count))
        if rest.hasPrefix("no template ") { return Trace(location: "", function: "", message: text) }
        guard let separator = rest.lastRange(of: ": ") else { return Trace(location: "", function: "", message: text) }
        return Trace(location: String(rest[..<separator.lowerBound]), function: "",
                     message: cutAtTemplate(String(rest[separator.upperBound...])))
    }

    private struct Trace: Equatable {
        let location: String
        let function: String
        let message: String
        /// Helm's TraceableError.String: only the parts that are present.
        var text: String {
            var out = ""
            if !location.isEmpty { out += location + "\n  " }
            if !function.isEmpty { out += function + "\n    " }
            if !message.isEmpty { out += message + "\n" }
            return out
        }
    }

    private static func cutAtTemplate(_ message: String) -> String {
        guard let cut = message.firstRange(of: " template:") else { return message }
        return String(message[..<cut.lowerBound])
    }
}

extension String {
    /// Splits at the first `count` occurrences of `separator` (Go's strings.SplitN with n = count + 1).
    func splitOnce(_ separator: String, times count: Int) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while parts.count < count, let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }

    /// Splits at every occurrence of `separator`.
    func components(separatedBy separator: String) -> [String] { splitOnce(separator, times: Int.max) }

    /// The last occurrence of `needle`.
    func lastRange(of needle: String) -> Range<String.Index>? {
        var found: Range<String.Index>?
        var rest = self[...]
        while let range = rest.firstRange(of: needle) {
            found = range
            rest = self[range.upperBound...]
        }
        return found
    }
}
