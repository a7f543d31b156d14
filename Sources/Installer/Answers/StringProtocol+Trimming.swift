extension StringProtocol {
    /// The text without any of `characters` at either end (a plain-Swift trim, no Foundation).
    public func trimming(_ characters: String) -> String {
        var slice = self[...]
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
