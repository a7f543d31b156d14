import GoTemplate
import YAML

/// Writes template values in go-yaml v3's style with a 2-space indent, as Helm's `toYamlPretty`
/// prints them: sequences inside mappings are indented, lines are never folded, strings that
/// would read back as another type (or as a YAML 1.1 boolean) are double-quoted, others are
/// plain when the emitter allows it and single-quoted otherwise, multi-line strings literal.
///
/// It follows the v3 emitter's block rules (indentation, `? ` keys, block scalar hints) for the
/// node shapes template values produce: block mappings and sequences, `{}` and `[]` when empty.
struct YAMLPrettyEmitter {
    /// What the parent pushed before emitting a node; only a sequence item changes indentation.
    private enum Context { case document, sequenceItem, mapping }

    private enum Style { case plain, singleQuoted, doubleQuoted, literal }

    private var output: [UInt8] = []
    private var column = 0
    private var indent = -1
    private var indents: [Int] = []
    private var whitespace = true
    private var indention = true
    private let bestIndent = 2

    /// The document for `value`, ending with a newline.
    static func emit(_ value: Value) -> String {
        var emitter = YAMLPrettyEmitter()
        emitter.node(value, context: .document, simpleKey: false)
        emitter.writeIndent()
        return String(decoding: emitter.output, as: UTF8.self)
    }

    // MARK: Nodes

    private mutating func node(_ value: Value, context: Context, simpleKey: Bool) {
        switch value {
        case .null, .function: scalar("null", requested: .plain, context: context, simpleKey: simpleKey)
        case .bool(let b): scalar(b ? "true" : "false", requested: .plain, context: context, simpleKey: simpleKey)
        case .int(let n), .int64(let n): scalar(String(n), requested: .plain, context: context, simpleKey: simpleKey)
        case .float(let d): scalar(Self.floatText(d), requested: .plain, context: context, simpleKey: simpleKey)
        case .string(let s): scalar(s, requested: Self.requestedStyle(s), context: context, simpleKey: simpleKey)
        case .bytes(let bytes): sequence(bytes.map { .int(Int64($0)) }, context: context)
        case .list(let items): sequence(items, context: context)
        case .map(let map): mapping(map, context: context)
        case .object(let object):
            if let time = object as? GoTimeObject {
                let text = time.time.format("2006-01-02T15:04:05.999999999Z07:00")
                scalar(text, requested: .plain, context: context, simpleKey: simpleKey)
            } else if let duration = object as? GoDurationObject {
                let text = duration.duration.description
                scalar(text, requested: Self.requestedStyle(text), context: context, simpleKey: simpleKey)
            } else {
                node(object.jsonValue, context: context, simpleKey: simpleKey)
            }
        }
    }

    private mutating func sequence(_ items: [Value], context: Context) {
        if items.isEmpty {
            writeIndicator("[", needWhitespace: true, isWhitespace: true, isIndention: false)
            writeIndicator("]", needWhitespace: false, isWhitespace: false, isIndention: false)
            return
        }
        increaseIndent(flow: false, context: context)
        for item in items {
            writeIndent()
            writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
            node(item, context: .sequenceItem, simpleKey: false)
        }
        indent = indents.removeLast()
    }

    private mutating func mapping(_ map: ValueMap, context: Context) {
        if map.count == 0 {
            writeIndicator("{", needWhitespace: true, isWhitespace: true, isIndention: false)
            writeIndicator("}", needWhitespace: false, isWhitespace: false, isIndention: false)
            return
        }
        increaseIndent(flow: false, context: context)
        let keys = map.storage.keys.sorted(by: GoYAMLKeyOrder.less)
        for key in keys {
            writeIndent()
            let analysis = ScalarAnalysis(Array(key.utf8))
            // A key is simple (`key: value`) when it is one line of at most 128 bytes.
            let simple = !analysis.multiline && analysis.value.count <= 128
            if simple {
                node(.string(key), context: .mapping, simpleKey: true)
                writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
            } else {
                writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
                node(.string(key), context: .mapping, simpleKey: false)
                writeIndent()
                writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
            }
            node(map[key] ?? .null, context: .mapping, simpleKey: false)
        }
        indent = indents.removeLast()
    }

    private mutating func increaseIndent(flow: Bool, context: Context) {
        indents.append(indent)
        if indent < 0 {
            indent = flow ? bestIndent : 0
        } else if context == .sequenceItem {
            // The first indent inside a sequence item just skips the "- " indicator.
            indent += 2
        } else {
            indent = bestIndent * ((indent + bestIndent) / bestIndent)
        }
    }

    // MARK: Scalars

    /// go-yaml v3's choice for a string before the emitter's own checks.
    private static func requestedStyle(_ s: String) -> Style {
        if s.utf8.contains(UInt8(ascii: "\n")) { return .literal }
        if ScalarResolver.needsQuoting(s) { return .doubleQuoted }
        return .plain
    }

    /// strconv 'g' shortest with YAML's spellings of infinities and NaN.
    private static func floatText(_ d: Double) -> String {
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d < 0 ? "-.inf" : ".inf" }
        return ValueFormatting.formatFloat(d)
    }

    private mutating func scalar(_ text: String, requested: Style, context: Context, simpleKey: Bool) {
        let analysis = ScalarAnalysis(Array(text.utf8))
        var style = requested
        if simpleKey && analysis.multiline { style = .doubleQuoted }
        if style == .plain {
            if !analysis.blockPlainAllowed { style = .singleQuoted }
            if analysis.value.isEmpty && simpleKey { style = .singleQuoted }
        }
        if style == .singleQuoted && !analysis.singleQuotedAllowed { style = .doubleQuoted }
        if style == .literal && (!analysis.blockAllowed || simpleKey) { style = .doubleQuoted }

        increaseIndent(flow: true, context: context)
        let value = analysis.value
        switch style {
        case .plain: writePlain(value)
        case .singleQuoted: writeSingleQuoted(value)
        case .doubleQuoted: writeDoubleQuoted(value)
        case .literal: writeLiteral(value)
        }
        indent = indents.removeLast()
    }

    private mutating func writePlain(_ value: [UInt8]) {
        if !value.isEmpty && !whitespace { put(UInt8(ascii: " ")) }
        var i = 0
        var breaks = false
        while i < value.count {
            if YAMLBytes.isBreak(value, i) {
                if !breaks && value[i] == UInt8(ascii: "\n") { putBreak() }
                writeBreak(value, &i)
                breaks = true
            } else {
                if breaks { writeIndent() }
                write(value, &i)
                indention = false
                breaks = false
            }
        }
        if !value.isEmpty { whitespace = false }
        indention = false
    }

    private mutating func writeSingleQuoted(_ value: [UInt8]) {
        writeIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false)
        var i = 0
        var breaks = false
        while i < value.count {
            if YAMLBytes.isBreak(value, i) {
                if !breaks && value[i] == UInt8(ascii: "\n") { putBreak() }
                writeBreak(value, &i)
                breaks = true
            } else {
                if breaks { writeIndent() }
                if value[i] == UInt8(ascii: "'") { put(UInt8(ascii: "'")) }
                write(value, &i)
                indention = false
                breaks = false
            }
        }
        writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private mutating func writeDoubleQuoted(_ value: [UInt8]) {
        writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
        // As in go-yaml, a leading byte order mark makes every character escaped.
        let startsWithBOM = value.count >= 3 && value[0] == 0xEF && value[1] == 0xBB && value[2] == 0xBF
        var i = 0
        while i < value.count {
            let byte = value[i]
            if !YAMLBytes.isPrintable(value, i) || startsWithBOM || YAMLBytes.isBreak(value, i)
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                let (scalar, width) = YAMLBytes.decode(value, i)
                i += width
                putEscape(scalar)
            } else {
                write(value, &i)
            }
        }
        writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private mutating func putEscape(_ v: UInt32) {
        put(UInt8(ascii: "\\"))
        let short: [UInt32: Character] = [0x00: "0", 0x07: "a", 0x08: "b", 0x09: "t", 0x0A: "n", 0x0B: "v",
                                          0x0C: "f", 0x0D: "r", 0x1B: "e", 0x22: "\"", 0x5C: "\\", 0x85: "N",
                                          0xA0: "_", 0x2028: "L", 0x2029: "P"]
        if let letter = short[v] {
            put(letter.asciiValue!)
            return
        }
        let (prefix, digits): (UInt8, Int) = v <= 0xFF ? (UInt8(ascii: "x"), 2) : v <= 0xFFFF ? (UInt8(ascii: "u"), 4) : (UInt8(ascii: "U"), 8)
        put(prefix)
        for k in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            let digit = UInt8((v >> UInt32(k)) & 0x0F)
            put(digit < 10 ? digit + 48 : digit + 55)
        }
    }

    private mutating func writeLiteral(_ value: [UInt8]) {
        writeIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false)
        writeBlockHints(value)
        whitespace = true
        var breaks = true
        var i = 0
        while i < value.count {
            if YAMLBytes.isBreak(value, i) {
                writeBreak(value, &i)
                breaks = true
            } else {
                if breaks { writeIndent() }
                write(value, &i)
                indention = false
                breaks = false
            }
        }
    }

    /// The indentation hint for content starting with a space or break, and the chomping
    /// indicator: `-` without a final break, `+` with more than one.
    private mutating func writeBlockHints(_ value: [UInt8]) {
        if let first = value.first, first == UInt8(ascii: " ") || YAMLBytes.isBreak(value, 0) {
            writeIndicator(String(bestIndent), needWhitespace: false, isWhitespace: false, isIndention: false)
        }
        var chomp: String?
        if value.isEmpty {
            chomp = "-"
        } else {
            var i = value.count - 1
            while value[i] & 0xC0 == 0x80 { i -= 1 }
            if !YAMLBytes.isBreak(value, i) {
                chomp = "-"
            } else if i == 0 {
                chomp = "+"
            } else {
                i -= 1
                while value[i] & 0xC0 == 0x80 { i -= 1 }
                if YAMLBytes.isBreak(value, i) { chomp = "+" }
            }
        }
        if let chomp { writeIndicator(chomp, needWhitespace: false, isWhitespace: false, isIndention: false) }
    }

    // MARK: Output

    private mutating func put(_ byte: UInt8) {
        output.append(byte)
        column += 1
    }

    private mutating func putBreak() {
        output.append(UInt8(ascii: "\n"))
        column = 0
        indention = true
    }

    /// Copies one character.
    private mutating func write(_ value: [UInt8], _ i: inout Int) {
        let width = YAMLBytes.width(value[i])
        output.append(contentsOf: value[i..<min(i + width, value.count)])
        column += 1
        i += width
    }

    private mutating func writeBreak(_ value: [UInt8], _ i: inout Int) {
        if value[i] == UInt8(ascii: "\n") {
            putBreak()
            i += 1
        } else {
            write(value, &i)
            column = 0
            indention = true
        }
    }

    private mutating func writeIndent() {
        let target = max(indent, 0)
        if !indention || column > target || (column == target && !whitespace) { putBreak() }
        while column < target { put(UInt8(ascii: " ")) }
        whitespace = true
    }

    private mutating func writeIndicator(_ indicator: String, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needWhitespace && !whitespace { put(UInt8(ascii: " ")) }
        for byte in indicator.utf8 { put(byte) }
        whitespace = isWhitespace
        indention = indention && isIndention
    }
}
