/// Writes the common shape of `toYaml` output directly: block mappings and sequences of
/// numbers, booleans, nulls and short strings of safe characters, laid out exactly as
/// libyaml lays them out with go-yaml v2's settings (2-space indent, sequences in mappings
/// not indented, `{}`/`[]` for empty collections). Anything else (multi-line or long strings,
/// strings libyaml might quote or fold, long keys) gives `nil` and libyaml writes the value.
/// Setting up a libyaml emitter for every `toYaml` call cost more than the writing itself.
enum QuickBlockEmitter {
    /// The widest line libyaml writes before folding at a space.
    static let width = 80

    static func emit(_ value: YAMLValue) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        switch value {
        case .mapping(let mapping) where !mapping.entries.isEmpty:
            guard writeMapping(mapping, indent: 0, firstInline: false, &out) else { return nil }
        case .sequence(let items) where !items.isEmpty:
            guard writeSequence(items, indent: 0, firstInline: false, &out) else { return nil }
        default:
            guard writeInline(value, column: 0, &out) else { return nil }
            out.append(0x0A)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func writeMapping(_ mapping: YAMLMapping, indent: Int, firstInline: Bool, _ out: inout [UInt8]) -> Bool {
        for (index, (key, value)) in mapping.entries.enumerated() {
            if index > 0 || !firstInline { out.append(contentsOf: repeatElement(0x20, count: indent)) }
            let keyStart = out.count
            guard key.utf8.count <= 100, writeString(key, column: indent, &out) else { return false }
            let keyWidth = out.count - keyStart
            out.append(0x3A)
            switch value {
            case .mapping(let nested) where !nested.entries.isEmpty:
                out.append(0x0A)
                guard writeMapping(nested, indent: indent + 2, firstInline: false, &out) else { return false }
            case .sequence(let items) where !items.isEmpty:
                out.append(0x0A)
                guard writeSequence(items, indent: indent, firstInline: false, &out) else { return false }
            default:
                out.append(0x20)
                guard writeInline(value, column: indent + keyWidth + 2, &out) else { return false }
                out.append(0x0A)
            }
        }
        return true
    }

    private static func writeSequence(_ items: [YAMLValue], indent: Int, firstInline: Bool, _ out: inout [UInt8]) -> Bool {
        for (index, item) in items.enumerated() {
            if index > 0 || !firstInline { out.append(contentsOf: repeatElement(0x20, count: indent)) }
            out.append(0x2D)
            out.append(0x20)
            switch item {
            case .mapping(let nested) where !nested.entries.isEmpty:
                guard writeMapping(nested, indent: indent + 2, firstInline: true, &out) else { return false }
            case .sequence(let nested) where !nested.isEmpty:
                guard writeSequence(nested, indent: indent + 2, firstInline: true, &out) else { return false }
            default:
                guard writeInline(item, column: indent + 2, &out) else { return false }
                out.append(0x0A)
            }
        }
        return true
    }

    /// Writes a scalar or empty collection as it goes after `key: ` or `- ` at `column`;
    /// false (with `out` partly written) when libyaml has to write the value.
    private static func writeInline(_ value: YAMLValue, column: Int, _ out: inout [UInt8]) -> Bool {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): writeInteger(i, &out)
        case .float(let d): out.append(contentsOf: YAMLEmitter.floatText(d).utf8)
        case .string(let s): return writeString(s, column: column, &out)
        case .mapping(let m):
            guard m.entries.isEmpty else { return false }
            out.append(contentsOf: "{}".utf8)
        case .sequence(let items):
            guard items.isEmpty else { return false }
            out.append(contentsOf: "[]".utf8)
        }
        return true
    }

    /// An integer's decimal digits, written without building a String.
    private static func writeInteger(_ value: Int64, _ out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }
        var magnitude = value.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(magnitude % 10) + 0x30
                magnitude /= 10
                count += 1
            } while magnitude > 0
            out.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// Writes `s` as `string` would return it; false when libyaml has to write it.
    private static func writeString(_ s: String, column: Int, _ out: inout [UInt8]) -> Bool {
        if s.isEmpty {
            out.append(contentsOf: "\"\"".utf8)
            return true
        }
        guard let quoted = plainOrQuoted(s, column: column) else { return false }
        if quoted { out.append(0x22) }
        out.append(contentsOf: s.utf8)
        if quoted { out.append(0x22) }
        return true
    }

    /// A string libyaml would write plain (or double-quoted, when go-yaml asks for quotes)
    /// without escaping or folding it: letters, digits and `._/-:=+@,` with single spaces
    /// inside, starting with a letter, digit, `/` or `_`, no `: `, not ending in `:`, and
    /// short enough, when it has a space, to end before the folding width.
    /// nil when libyaml has to write it, else whether it goes in double quotes (a non-empty `s`).
    private static func plainOrQuoted(_ s: String, column: Int) -> Bool? {
        var hasSpace = false
        var previous: UInt8 = 0
        var count = 0
        for c in s.utf8 {
            count += 1
            let safe =
                (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
                || c == 0x2E || c == 0x5F || c == 0x2F || c == 0x2D || c == 0x3A || c == 0x3D || c == 0x2B
                || c == 0x40 || c == 0x2C || c == 0x20
            guard safe else { return nil }
            if count == 1 {
                guard (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2F || c == 0x5F else {
                    return nil
                }
            }
            if c == 0x20 {
                guard previous != 0x20, previous != 0x3A else { return nil }
                hasSpace = true
            }
            previous = c
        }
        guard previous != 0x20, previous != 0x3A else { return nil }
        // A word of six or more characters starting with a letter reads back as a string in
        // go-yaml v2 (its booleans and nulls are shorter; numbers and times start otherwise).
        let first = s.utf8.first!
        let isLetter = (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A)
        let quoted = isLetter && count >= 6 ? false : ScalarResolver.needsQuoting(s)
        if hasSpace && column + count + (quoted ? 2 : 0) > width { return nil }
        return quoted
    }
}
