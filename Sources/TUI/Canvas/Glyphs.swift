/// The symbols views draw with: a UTF-8 set and an ASCII set for terminals whose locale is
/// not UTF-8. Status symbols say what colour also says, so monochrome loses nothing.
public struct Glyphs: Sendable, Hashable {
    /// Done, ready, passed.
    public let ok: String
    /// Needs attention.
    public let warning: String
    /// Failed, crashed, rejected.
    public let failure: String
    /// Not started yet.
    public let pending: String
    /// In progress.
    public let running: String
    /// "becomes" (DNS name → address).
    public let arrow: String
    /// The selected row's marker.
    public let pointer: String
    /// List bullet.
    public let bullet: String
    /// A chosen radio option.
    public let radioOn: String
    /// An unchosen radio option.
    public let radioOff: String
    /// A ticked box.
    public let checkOn: String
    /// An empty box.
    public let checkOff: String
    /// A collapsed section.
    public let collapsed: String
    /// An expanded section.
    public let expanded: String
    /// Filled part of a progress bar.
    public let barFull: String
    /// Empty part of a progress bar.
    public let barEmpty: String
    /// Cut-off text.
    public let ellipsis: String
    /// One masked character of a password.
    public let mask: String
    /// Box edges and corners.
    public let horizontal: String, vertical: String
    /// Box corners.
    public let topLeft: String, topRight: String, bottomLeft: String, bottomRight: String

    /// Box-drawing characters and symbols (UTF-8 locales).
    public static let unicode = Glyphs(
        ok: "✓", warning: "!", failure: "✗", pending: "·", running: "…", arrow: "→", pointer: "›", bullet: "•",
        radioOn: "(•)", radioOff: "( )", checkOn: "[✓]", checkOff: "[ ]", collapsed: "▸", expanded: "▾",
        barFull: "█", barEmpty: "░", ellipsis: "…", mask: "•",
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")

    /// Plain ASCII (other locales, `LANG=C`).
    public static let ascii = Glyphs(
        ok: "[ok]", warning: "[!]", failure: "[x]", pending: "[ ]", running: "[..]", arrow: "->", pointer: ">", bullet: "*",
        radioOn: "(*)", radioOff: "( )", checkOn: "[x]", checkOff: "[ ]", collapsed: "+", expanded: "-",
        barFull: "#", barEmpty: ".", ellipsis: "...", mask: "*",
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")
}
