/// What a cell's text means, so the driver can pick a colour (or, in monochrome, an attribute).
/// Meaning is never carried by colour alone: symbols and words say it too.
public enum ColorRole: String, Sendable, Hashable, CaseIterable {
    /// Ordinary text.
    case normal
    /// Headings, the title bar and highlighted choices.
    case accent
    /// Something went well (a ready pod, a passed check).
    case success
    /// Needs attention but is not broken.
    case warning
    /// Broken or rejected.
    case error
    /// Secondary text: hints, help, key names.
    case muted
}

/// The look of one cell: attributes plus a colour role.
public struct CellStyle: Sendable, Hashable {
    /// Bold text.
    public var bold: Bool
    /// Reverse video (selection, title bar).
    public var reverse: Bool
    /// Dim text.
    public var dim: Bool
    /// Underlined text (input fields).
    public var underline: Bool
    /// The colour role.
    public var role: ColorRole

    /// Creates a style.
    public init(bold: Bool = false, reverse: Bool = false, dim: Bool = false, underline: Bool = false, role: ColorRole = .normal) {
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
        self.role = role
    }

    /// No attributes, normal colour.
    public static let plain = CellStyle()
    /// Bold.
    public static let strong = CellStyle(bold: true)
    /// Reverse video.
    public static let selected = CellStyle(reverse: true)
    /// Secondary text.
    public static let muted = CellStyle(dim: true, role: .muted)
    /// Headings.
    public static let heading = CellStyle(bold: true, role: .accent)
    /// Errors.
    public static let error = CellStyle(bold: true, role: .error)
    /// Warnings.
    public static let warning = CellStyle(bold: true, role: .warning)
    /// Success.
    public static let success = CellStyle(role: .success)

    /// This style with another role.
    public func with(role: ColorRole) -> CellStyle {
        var copy = self
        copy.role = role
        return copy
    }
}
