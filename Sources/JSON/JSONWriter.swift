import GoStrconv

/// Writes JSON text token by token: the one place that decides separators, indentation and
/// escaping. `JSONValue.text(_:)` drives it for documents; the template engine drives it
/// directly over its own values for `toJson`.
public struct JSONWriter {
    /// How the text is laid out.
    public struct Style: Sendable, Hashable {
        /// The indent of one level, or nil for everything on one line.
        public var indent: String?
        /// Escape `<`, `>` and `&` (Go's json.Marshal does by default).
        public var escapeHTML: Bool
        /// Write object members in Go's order (keys sorted by bytes) rather than their own.
        public var sortKeys: Bool

        /// A style.
        public init(indent: String? = nil, escapeHTML: Bool = true, sortKeys: Bool = true) {
            self.indent = indent
            self.escapeHTML = escapeHTML
            self.sortKeys = sortKeys
        }

        /// json.Marshal: one line, sorted keys, HTML escaped (helm's `-o json`, Helm's `toJson`).
        public static let compact = Style()
        /// kubectl's `-o json`: json.MarshalIndent with four spaces.
        public static let kubectl = Style(indent: "    ")
    }

    /// The text so far.
    public private(set) var text = ""
    /// The style.
    public let style: Style
    /// Members or elements written so far in each open container.
    private var counts: [Int] = []
    /// True just after a key, when the value follows the separator directly.
    private var afterKey = false

    /// An empty writer.
    public init(style: Style) { self.style = style }

    /// Opens an array.
    public mutating func beginArray() {
        beginValue()
        text += "["
        counts.append(0)
    }

    /// Closes the innermost array.
    public mutating func endArray() { end("]") }

    /// Opens an object.
    public mutating func beginObject() {
        beginValue()
        text += "{"
        counts.append(0)
    }

    /// Closes the innermost object.
    public mutating func endObject() { end("}") }

    /// Writes an object member's key; its value comes next.
    public mutating func key(_ key: String) {
        beginValue()
        GoJSONText.appendString(key, to: &text, escapeHTML: style.escapeHTML)
        text += style.indent == nil ? ":" : ": "
        afterKey = true
    }

    /// Writes `null`.
    public mutating func null() {
        beginValue()
        text += "null"
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        beginValue()
        text += value ? "true" : "false"
    }

    /// Writes a string, escaped as Go escapes it.
    public mutating func string(_ value: String) {
        beginValue()
        GoJSONText.appendString(value, to: &text, escapeHTML: style.escapeHTML)
    }

    /// Writes a number's text.
    public mutating func number(_ value: JSONNumber) {
        beginValue()
        text += value.text
    }

    /// Writes an integer.
    public mutating func number(_ value: Int64) {
        beginValue()
        text += String(value)
    }

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard let count = counts.last else { return }
        if count > 0 { text += "," }
        counts[counts.count - 1] = count + 1
        newline(level: counts.count)
    }

    private mutating func end(_ bracket: String) {
        let count = counts.removeLast()
        if count > 0 { newline(level: counts.count) }
        text += bracket
    }

    private mutating func newline(level: Int) {
        guard let indent = style.indent else { return }
        text += "\n"
        for _ in 0..<level { text += indent }
    }
}

extension JSONValue {
    /// The document as text in `style` (no final newline).
    public func text(_ style: JSONWriter.Style = .compact) -> String {
        var writer = JSONWriter(style: style)
        write(to: &writer)
        return writer.text
    }

    /// Writes the document to `writer`; iterative, so depth costs heap, not stack.
    public func write(to writer: inout JSONWriter) {
        enum Pending {
            case value(JSONValue)
            case member(String, JSONValue)
            case endArray
            case endObject
        }
        var pending: [Pending] = [.value(self)]
        while let next = pending.popLast() {
            let value: JSONValue
            switch next {
            case .endArray:
                writer.endArray()
                continue
            case .endObject:
                writer.endObject()
                continue
            case .member(let key, let v):
                writer.key(key)
                value = v
            case .value(let v): value = v
            }
            switch value {
            case .null: writer.null()
            case .bool(let b): writer.bool(b)
            case .number(let n): writer.number(n)
            case .string(let s): writer.string(s)
            case .array(let items):
                writer.beginArray()
                pending.append(.endArray)
                for item in items.reversed() { pending.append(.value(item)) }
            case .object(let members):
                writer.beginObject()
                pending.append(.endObject)
                let entries = writer.style.sortKeys ? members.sortedEntries : members.entries
                for (key, v) in entries.reversed() { pending.append(.member(key, v)) }
            }
        }
    }
}
