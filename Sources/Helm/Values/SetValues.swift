import GoTemplate

/// Helm's `--set` / `--set-string` syntax (its strvals parser): `a.b=c`, `a\.b=c`,
/// `list={x,y}`, `a[0].b=c`, several assignments separated by commas.
public struct SetValues {
    /// Helm's limits.
    public static let maxIndex = 65536
    /// Deepest `a.b.c…` nesting Helm accepts.
    public static let maxNestedNameLevel = 30

    /// A `--set` error in Helm's words (Helm prefixes `failed parsing --set data: `).
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        /// Helm's message.
        public let message: String
        /// The message.
        public var description: String { message }
    }

    private var input: [Unicode.Scalar]
    private var position = 0
    private let stringsOnly: Bool

    private init(_ text: String, stringsOnly: Bool) {
        input = Array(text.unicodeScalars)
        self.stringsOnly = stringsOnly
    }

    /// Parses `text` into `into` (merging with what is already there). `stringsOnly` is `--set-string`.
    public static func parse(_ text: String, into: ValueMap, stringsOnly: Bool = false) throws {
        var parser = SetValues(text, stringsOnly: stringsOnly)
        while true {
            do {
                try parser.key(into, level: 0)
            } catch Stop.endOfInput {
                return
            }
        }
    }

    private enum Stop: Error { case endOfInput }

    // MARK: Reading

    private mutating func readScalar() -> Unicode.Scalar? {
        guard position < input.count else { return nil }
        defer { position += 1 }
        return input[position]
    }

    /// Reads until one of `stop`; backslash escapes the next character. Returns the text,
    /// the stop character, or nil at the end of input.
    private mutating func until(_ stop: Set<Unicode.Scalar>) -> (String, Unicode.Scalar?) {
        var out = String.UnicodeScalarView()
        while let c = readScalar() {
            if stop.contains(c) { return (String(out), c) }
            if c == "\\" {
                guard let next = readScalar() else { return (String(out), nil) }
                out.append(next)
                continue
            }
            out.append(c)
        }
        return (String(out), nil)
    }

    // MARK: Grammar

    private mutating func key(_ data: ValueMap, level: Int) throws {
        let (k, last) = until(["=", "[", ",", "."])
        guard let last else {
            if k.isEmpty { throw Stop.endOfInput }
            throw ParseError(message: "key \"\(k)\" has no value")
        }
        switch last {
        case "[":
            let index = try keyIndex()
            var list: [Value] = []
            if let existing = data[k] {
                guard case .list(let l) = existing else { throw ParseError(message: "unable to parse key: interface conversion: interface {} is \(GoFormat.typeName(existing)), not []interface {}") }
                list = l
            }
            let result = try listItem(list, index, level: level)
            if !k.isEmpty { data[k] = .list(result) }
        case "=":
            let value = try assignedValue()
            if !k.isEmpty { data[k] = value }
        case ",":
            if !k.isEmpty { data[k] = .string("") }
            throw ParseError(message: "key \"\(k)\" has no value (cannot end with ,)")
        default: // "."
            guard level + 1 <= Self.maxNestedNameLevel else {
                throw ParseError(message: "value name nested level is greater than maximum supported nested level of \(Self.maxNestedNameLevel)")
            }
            var inner = ValueMap()
            if let existing = data[k] {
                guard case .map(let m) = existing else {
                    throw ParseError(message: "unable to parse key: interface conversion: interface {} is \(GoFormat.typeName(existing)), not map[string]interface {}")
                }
                inner = m
            }
            do {
                try key(inner, level: level + 1)
            } catch Stop.endOfInput {
                if inner.count == 0 { throw ParseError(message: "key map \"\(k)\" has no value") }
                if !k.isEmpty { data[k] = .map(inner) }
                throw Stop.endOfInput
            }
            if inner.count == 0 { throw ParseError(message: "key map \"\(k)\" has no value") }
            if !k.isEmpty { data[k] = .map(inner) }
        }
    }

    /// After `=`: `{a,b}` list or a scalar up to the next comma.
    private mutating func assignedValue() throws -> Value {
        guard position < input.count else { return .string("") }
        if input[position] == "{" {
            position += 1
            var list: [Value] = []
            while true {
                let (text, last) = until([",", "}"])
                guard let last else { throw ParseError(message: "list must terminate with '}'") }
                list.append(typed(text))
                if last == "}" {
                    if position < input.count, input[position] == "," { position += 1 }
                    return .list(list)
                }
            }
        }
        let (text, _) = until([","])
        return typed(text)
    }

    private mutating func keyIndex() throws -> Int {
        let (text, last) = until(["]"])
        guard last != nil else { throw ParseError(message: "error parsing index: EOF") }
        guard let index = Int(text) else {
            throw ParseError(message: "error parsing index: strconv.Atoi: parsing \"\(text)\": invalid syntax")
        }
        return index
    }

    private mutating func listItem(_ list: [Value], _ index: Int, level: Int) throws -> [Value] {
        guard index >= 0 else { throw ParseError(message: "negative \(index) index not allowed") }
        let (k, last) = until(["[", ".", "="])
        if !k.isEmpty { throw ParseError(message: "unexpected data at end of array index: \"\(k)\"") }
        guard let last else { throw ParseError(message: "EOF") }
        switch last {
        case "=":
            return try setIndex(list, index, try assignedValue())
        case "[":
            let next = try keyIndex()
            var current: [Value] = []
            if index < list.count, case .list(let existing) = list[index] { current = existing }
            return try setIndex(list, index, .list(try listItem(current, next, level: level)))
        default: // "."
            var inner = ValueMap()
            if index < list.count, case .map(let existing) = list[index] { inner = existing }
            do {
                try key(inner, level: level)
            } catch Stop.endOfInput {
                return try setIndex(list, index, .map(inner))
            }
            return try setIndex(list, index, .map(inner))
        }
    }

    private func setIndex(_ list: [Value], _ index: Int, _ value: Value) throws -> [Value] {
        guard index >= 0 else { throw ParseError(message: "negative \(index) index not allowed") }
        guard index <= Self.maxIndex else {
            throw ParseError(message: "index of \(index) is greater than maximum supported index of \(Self.maxIndex)")
        }
        var result = list
        if result.count <= index { result += Array(repeating: .null, count: index + 1 - result.count) }
        result[index] = value
        return result
    }

    /// Helm's typedVal: true/false/null (any case), `0`, and decimal int64 without a leading zero.
    private func typed(_ text: String) -> Value {
        if stringsOnly { return .string(text) }
        let lower = text.lowercased()
        if lower == "true" { return .bool(true) }
        if lower == "false" { return .bool(false) }
        if lower == "null" { return .null }
        if text == "0" { return .int64(0) }
        if let first = text.first, first != "0", let value = Int64(text) { return .int64(value) }
        return .string(text)
    }
}
