import GoTemplate

/// Writes template values as TOML the way github.com/BurntSushi/toml's Encoder (v1.6) does,
/// which Helm's `toToml` uses: keys of plain values first, then tables, each group in byte
/// order; nested tables indented two spaces per level; arrays whose elements are all tables
/// written as `[[key]]` sections; other arrays and tables inside them written inline.
struct TOMLEncoder {
    /// A failure the Go encoder reports as an error value.
    struct EncodeError: Error, Equatable {
        let message: String
    }

    /// The TOML type the Go encoder assigns to a value (`tomlTypeOfGo`).
    enum Kind: Equatable {
        case integer, float, datetime, string, bool, array, hash, arrayHash
        /// Whether values of this type are written as (arrays of) tables.
        var isTable: Bool { self == .hash || self == .arrayHash }
    }

    static let arrayNilElement = EncodeError(message: "toml: cannot encode array with nil element")
    static let noKey = EncodeError(message: "toml: top-level values must be Go maps or structs")

    private var output = ""
    private var hasWritten = false
    private let indent = "  "

    /// The TOML text for `value`; `value` must not be nil (the caller reports that case).
    static func encode(_ value: Value) throws(EncodeError) -> String {
        var encoder = TOMLEncoder()
        try encoder.encode(key: [], value)
        return encoder.output
    }

    // MARK: Structure

    private mutating func encode(key: [String], _ value: Value) throws(EncodeError) {
        switch Self.normalized(value) {
        case .null, .function:
            return
        case .list(let items):
            if try Self.kind(of: .list(items)) == .arrayHash {
                try arrayOfTables(key: key, items)
            } else {
                try writeKeyValue(key: key, .list(items), inline: false)
            }
        case .map(let map):
            try table(key: key, map)
        case let other:
            try writeKeyValue(key: key, other, inline: false)
        }
    }

    private mutating func arrayOfTables(key: [String], _ items: [Value]) throws(EncodeError) {
        if key.isEmpty { throw Self.noKey }
        for item in items {
            guard case .map(let map) = Self.normalized(item) else { continue }
            newline()
            write(indentation(key) + "[[" + Self.keyPath(key) + "]]")
            newline()
            try mapBody(key: key, map, inline: false)
        }
    }

    private mutating func table(key: [String], _ map: ValueMap) throws(EncodeError) {
        // A blank line separates top-level tables (once anything has been written).
        if key.count == 1 { newline() }
        if !key.isEmpty {
            write(indentation(key) + "[" + Self.keyPath(key) + "]")
            newline()
        }
        try mapBody(key: key, map, inline: false)
    }

    /// The entries of a table: plain values first, then tables, each group sorted by bytes.
    private mutating func mapBody(key: [String], _ map: ValueMap, inline: Bool) throws(EncodeError) {
        var direct: [String] = []
        var tables: [String] = []
        for name in map.storage.keys {
            let value = map[name] ?? .null
            if let kind = try Self.kind(of: value), kind.isTable {
                tables.append(name)
            } else {
                direct.append(name)
            }
        }
        if inline { write("{") }
        try writeEntries(key: key, map, Self.byteSorted(direct), inline: inline, trailingComma: !tables.isEmpty)
        try writeEntries(key: key, map, Self.byteSorted(tables), inline: inline, trailingComma: false)
        if inline { write("}") }
    }

    private mutating func writeEntries(key: [String], _ map: ValueMap, _ names: [String], inline: Bool,
                                       trailingComma: Bool) throws(EncodeError) {
        for (index, name) in names.enumerated() {
            let value = Self.normalized(map[name] ?? .null)
            if case .null = value { continue }
            if inline {
                try writeKeyValue(key: [name], value, inline: true)
                // As in Go, a skipped nil last entry still leaves the separator behind.
                if trailingComma || index != names.count - 1 { write(", ") }
            } else {
                try encode(key: key + [name], value)
            }
        }
    }

    private mutating func writeKeyValue(key: [String], _ value: Value, inline: Bool) throws(EncodeError) {
        if key.isEmpty {
            try element(value)
            return
        }
        write(indentation(key) + Self.quotedKey(key[key.count - 1]) + " = ")
        try element(value)
        if !inline { newline() }
    }

    // MARK: Values

    /// One value in `key = value` position or inside an array.
    private mutating func element(_ value: Value) throws(EncodeError) {
        switch Self.normalized(value) {
        case .null, .function:
            // Unreachable after the nil checks the Go encoder also makes.
            return
        case .bool(let b): write(b ? "true" : "false")
        case .int(let n), .int64(let n): write(String(n))
        case .float(let d): write(Self.floatText(d))
        case .string(let s): write(Self.quoted(s))
        case .bytes(let bytes): try element(.list(bytes.map { .int(Int64($0)) }))
        case .list(let items):
            write("[")
            for (index, item) in items.enumerated() {
                try element(item)
                if index != items.count - 1 { write(", ") }
            }
            write("]")
        case .map(let map):
            try mapBody(key: [], map, inline: true)
        case .object(let object):
            if let time = object as? GoTimeObject {
                write(TOMLDates.text(time.time))
            } else {
                try element(object.jsonValue)
            }
        }
    }

    /// BurntSushi's float text: `nan`/`inf` spelled out, and always a decimal point or exponent.
    static func floatText(_ d: Double) -> String {
        let sign = d.sign == .minus ? "-" : ""
        if d.isNaN { return sign + "nan" }
        if d.isInfinite { return sign + "inf" }
        let text = ValueFormatting.formatFloat(d)
        if text.contains("e") || text.contains(".") { return text }
        return text + ".0"
    }

    // MARK: Types

    /// `tomlTypeOfGo`: nil for nil values; arrays are checked for nil elements on the way.
    static func kind(of value: Value) throws(EncodeError) -> Kind? {
        switch normalized(value) {
        case .null, .function: return nil
        case .bool: return .bool
        case .int, .int64: return .integer
        case .float: return .float
        case .string: return .string
        case .bytes: return .array
        case .map: return .hash
        case .list(let items):
            if items.isEmpty { return .array }
            var allTables = true
            for item in items {
                guard let kind = try kind(of: item) else { throw arrayNilElement }
                if kind != .hash { allTables = false }
            }
            return allTables ? .arrayHash : .array
        case .object(let object):
            if object is GoTimeObject { return .datetime }
            return try kind(of: object.jsonValue)
        }
    }

    /// Host objects other than times are encoded through their JSON form.
    private static func normalized(_ value: Value) -> Value {
        if case .object(let object) = value, !(object is GoTimeObject) { return object.jsonValue }
        return value
    }

    // MARK: Text

    private mutating func write(_ text: String) {
        output += text
        hasWritten = true
    }

    private mutating func newline() {
        if hasWritten { output += "\n" }
    }

    private func indentation(_ key: [String]) -> String {
        String(repeating: indent, count: max(0, key.count - 1))
    }

    /// Go's string order (bytes), not Swift's Unicode order.
    private static func byteSorted(_ names: [String]) -> [String] {
        names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// A dotted key path for a table header, quoting the parts that are not bare keys.
    static func keyPath(_ key: [String]) -> String {
        key.map(quotedKey).joined(separator: ".")
    }

    /// A key as written: bare when it only has ASCII letters, digits, `_` and `-`.
    static func quotedKey(_ name: String) -> String {
        if name.isEmpty { return "\"\"" }
        let bare = name.unicodeScalars.allSatisfy { c in
            (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || c == "_" || c == "-"
        }
        return bare ? name : quoted(name)
    }

    /// A basic string with BurntSushi's escapes: quote, backslash, and control characters.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\u{0C}": out += "\\f"
            case "\r": out += "\\r"
            default:
                if c.value < 0x20 || c.value == 0x7F {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}
