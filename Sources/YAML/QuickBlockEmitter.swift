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
            guard let text = inline(value, column: 0) else { return nil }
            out.append(contentsOf: text.utf8)
            out.append(0x0A)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func writeMapping(_ mapping: YAMLMapping, indent: Int, firstInline: Bool, _ out: inout [UInt8]) -> Bool {
        for (index, (key, value)) in mapping.entries.enumerated() {
            if index > 0 || !firstInline { out.append(contentsOf: repeatElement(0x20, count: indent)) }
            guard key.utf8.count <= 100, let keyText = string(key, column: indent) else { return false }
            out.append(contentsOf: keyText.utf8)
            out.append(0x3A)
            switch value {
            case .mapping(let nested) where !nested.entries.isEmpty:
                out.append(0x0A)
                guard writeMapping(nested, indent: indent + 2, firstInline: false, &out) else { return false }
            case .sequence(let items) where !items.isEmpty:
                out.append(0x0A)
                guard writeSequence(items, indent: indent, firstInline: false, &out) else { return false }
            default:
                guard let text = inline(value, column: indent + keyText.utf8.count + 2) else { return false }
                out.append(0x20)
                out.append(contentsOf: text.utf8)
                out.append(0x0A)
            }
        }
        return true
    }

    private static func writeSequence(_ items: [YAMLValue], indent: Int, firstInline: Bool, _ out: inout [UInt8]) -> Bool {
        for (index, item) in items.enumerated() {
            if index > 0 || !firstInline { out.append(contentsOf: repeatElement(0x20, count: indent)) }
            out.append(contentsOf: [0x2D, 0x20])
            switch item {
            case .mapping(let nested) where !nested.entries.isEmpty:
                guard writeMapping(nested, indent: indent + 2, firstInline: true, &out) else { return false }
            case .sequence(let nested) where !nested.isEmpty:
                guard writeSequence(nested, indent: indent + 2, firstInline: true, &out) else { return false }
            default:
                guard let text = inline(item, column: indent + 2) else { return false }
                out.append(contentsOf: text.utf8)
                out.append(0x0A)
            }
        }
        return true
    }

    /// A scalar or empty collection as written after `key: ` or `- ` at `column`.
    private static func inline(_ value: YAMLValue, column: Int) -> String? {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let d): return YAMLEmitter.floatText(d)
        case .string(let s): return string(s, column: column)
        case .mapping(let m): return m.entries.isEmpty ? "{}" : nil
        case .sequence(let items): return items.isEmpty ? "[]" : nil
        }
    }

    /// A string libyaml would write plain (or double-quoted, when go-yaml asks for quotes)
    /// without escaping or folding it: letters, digits and `._/-:=+@,` with single spaces
    /// inside, starting with a letter, digit, `/` or `_`, no `: `, not ending in `:`, and
    /// short enough, when it has a space, to end before the folding width.
    private static func string(_ s: String, column: Int) -> String? {
        if s.isEmpty { return "\"\"" }
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
        return quoted ? "\"" + s + "\"" : s
    }
}
