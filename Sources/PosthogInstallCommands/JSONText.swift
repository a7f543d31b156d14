import JSON

/// The JSON the `-o json` outputs print: keys sorted, two-space indent, one document, written by
/// the shared JSON writer (Go's MarshalIndent layout; `<`, `>` and `&` left as they are).
enum JSONText {
    /// The layout.
    static let style = JSONWriter.Style(indent: "  ", escapeHTML: false, sortKeys: true)

    /// `value` as JSON text (without a final newline).
    static func encode(_ value: some Encodable) -> String {
        (try? JSONValueEncoder().text(value, style: style)) ?? "{}"
    }
}
