/// One `%` directive's flags, width and precision.
struct FormatSpec {
    var minus = false
    var plus = false
    var sharp = false
    var space = false
    var zero = false
    var width: Int?
    var precision: Int?

    /// Pads `text` to the width: spaces on the left (or right with `-`), or zeros after the sign.
    func pad(_ text: String, numeric: Bool = true) -> String {
        guard let width else { return text }
        let count = text.unicodeScalars.count
        guard count < width else { return text }
        let fill = width - count
        if minus { return text + String(repeating: " ", count: fill) }
        if zero {
            if numeric, let first = text.first, first == "-" || first == "+" || first == " " {
                return String(first) + String(repeating: "0", count: fill) + text.dropFirst()
            }
            return String(repeating: "0", count: fill) + text
        }
        return String(repeating: " ", count: fill) + text
    }
}
