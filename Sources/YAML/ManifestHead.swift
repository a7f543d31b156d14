/// The fields Helm's manifest sorter reads from a rendered document (its SimpleHead), read
/// straight from the text when the document is plain block YAML (`BlockHeadScanner`) and
/// each field is a simple string: `kind`, `apiVersion`, `metadata.name` and every
/// `metadata.annotations` value. Anything else (a number where a string goes, a nested or
/// multi-line value, escapes) gives `nil`, and the caller reads the document with
/// `YAML.parse(_:file:options:keepingOnly:)`, which reports what Helm reports.
public struct ManifestHead: Equatable, Sendable {
    /// `kind` ("" when absent or null).
    public var kind = ""
    /// `apiVersion` ("" when absent or null).
    public var apiVersion = ""
    /// `metadata.name` ("" when absent or null).
    public var name = ""
    /// `metadata.annotations`, in document order; nil when absent or null.
    public var annotations: [(key: String, value: String)]?

    public static func == (a: ManifestHead, b: ManifestHead) -> Bool {
        a.kind == b.kind && a.apiVersion == b.apiVersion && a.name == b.name
            && a.annotations?.map(\.key) == b.annotations?.map(\.key) && a.annotations?.map(\.value) == b.annotations?.map(\.value)
    }

    /// Reads the head of `text`, or nil when the quick reading cannot vouch for it.
    public static func read(_ text: String) -> ManifestHead? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> ManifestHead? in
            var scanner = BlockHeadScanner.Scanner(bytes: buffer)
            guard scanner.run() else { return nil }
            var head = ManifestHead()
            for entry in scanner.topEntries {
                let key = buffer[entry.keyStart..<entry.keyEnd]
                if key.elementsEqual("kind".utf8) || key.elementsEqual("apiVersion".utf8) {
                    guard let value = scanner.entryString(entry.start, entry.end) else { return nil }
                    if key.first == UInt8(ascii: "k") { head.kind = value ?? "" } else { head.apiVersion = value ?? "" }
                } else if key.elementsEqual("metadata".utf8) {
                    // A later metadata entry replaces an earlier one whole.
                    head.name = ""
                    head.annotations = nil
                    guard scanner.readMetadata(entry.start, entry.end, into: &head) else { return nil }
                }
            }
            return head
        }
    }
}

extension BlockHeadScanner.Scanner {
    /// The single-line value of the mapping entry whose key line starts at `start`, when it is
    /// a simple string or null: `.some(nil)` for null, nil when it is anything else.
    func entryString(_ start: Int, _ end: Int) -> String?? {
        let lineEnd = endOfLine(start)
        var i = skipSpaces(start, lineEnd)
        guard let (_, _, colon) = key(i, lineEnd) else { return nil }
        i = skipSpaces(colon + 1, lineEnd)
        // Nothing more in the entry than comments and blank lines below it.
        guard onlyCommentsOrBlank(from: lineEnd + 1, to: end) else { return nil }
        if i == lineEnd || bytes[i] == 0x23 { return .some(nil) }
        return scalarString(i, lineEnd)
    }

    /// A single-line scalar at `start` read as a string: plain text that resolves to a string,
    /// or quoted text without escapes. `.some(nil)` for a plain null.
    func scalarString(_ start: Int, _ lineEnd: Int) -> String?? {
        switch bytes[start] {
        case 0x22, 0x27:
            let quote = bytes[start]
            var i = start + 1
            while i < lineEnd, bytes[i] != quote {
                if bytes[i] == 0x5C && quote == 0x22 { return nil }
                i += 1
            }
            guard i < lineEnd, trailerOK(i + 1, lineEnd) else { return nil }
            return .some(String(decoding: bytes[(start + 1)..<i], as: UTF8.self))
        case 0x7C, 0x3E, 0x5B, 0x7B, 0x26, 0x2A, 0x21:
            return nil
        default:
            var end = start
            while end < lineEnd, !(bytes[end] == 0x20 && end + 1 < lineEnd && bytes[end + 1] == 0x23) { end += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            switch ScalarResolver.resolve(text) {
            case .string, .timestamp, .merge: return .some(text)
            case .null: return .some(nil)
            default: return nil
            }
        }
    }

    func onlyCommentsOrBlank(from start: Int, to end: Int) -> Bool {
        var lineStart = start
        while lineStart < end {
            let lineEnd = min(endOfLine(lineStart), end)
            let first = skipSpaces(lineStart, lineEnd)
            if first < lineEnd && bytes[first] != 0x23 { return false }
            lineStart = lineEnd + 1
        }
        return true
    }

    /// `metadata`'s name and annotations from the entry spanning `start..<end`.
    func readMetadata(_ start: Int, _ end: Int, into head: inout ManifestHead) -> Bool {
        guard let inline = entryString(start, end) else {
            // Not a single-line value: a block mapping on the following lines, or something else.
            return readMetadataBlock(endOfLine(start) + 1, end, into: &head)
        }
        return inline == nil  // `metadata:` with nothing: null
    }

    private func readMetadataBlock(_ start: Int, _ end: Int, into head: inout ManifestHead) -> Bool {
        // The key line itself must end after the colon (a nested block follows).
        let keyLineEnd = start - 1
        var keyLineStart = keyLineEnd
        while keyLineStart > 0, bytes[keyLineStart - 1] != 0x0A { keyLineStart -= 1 }
        guard let (_, _, colon) = key(keyLineStart, keyLineEnd) else { return false }
        let afterColon = skipSpaces(colon + 1, keyLineEnd)
        guard afterColon == keyLineEnd || bytes[afterColon] == 0x23 else { return false }

        var lineStart = start
        var indent = -1
        while lineStart < end {
            let lineEnd = min(endOfLine(lineStart), end)
            let first = skipSpaces(lineStart, lineEnd)
            if first == lineEnd || bytes[first] == 0x23 {
                lineStart = lineEnd + 1
                continue
            }
            let column = first - lineStart
            if indent < 0 { indent = column }
            guard column == indent, bytes[first] != 0x2D, let (keyStart, keyEnd, _) = key(first, lineEnd) else { return false }
            // The entry runs to the next line at this column.
            var entryEnd = lineEnd + 1
            while entryEnd < end {
                let nextEnd = min(endOfLine(entryEnd), end)
                let nextFirst = skipSpaces(entryEnd, nextEnd)
                if nextFirst < nextEnd && bytes[nextFirst] != 0x23 && nextFirst - entryEnd <= indent { break }
                entryEnd = nextEnd + 1
            }
            entryEnd = min(entryEnd, end)
            let name = bytes[keyStart..<keyEnd]
            if name.elementsEqual("name".utf8) {
                guard let value = entryString(lineStart, entryEnd) else { return false }
                head.name = value ?? ""
            } else if name.elementsEqual("annotations".utf8) {
                guard let annotations = readAnnotations(lineStart, entryEnd) else { return false }
                head.annotations = annotations
            }
            lineStart = entryEnd
        }
        return true
    }

    /// The annotations entry: null, `{}`, or one `key: string` line per annotation.
    private func readAnnotations(_ start: Int, _ end: Int) -> [(key: String, value: String)]?? {
        let keyLineEnd = endOfLine(start)
        if let inline = entryString(start, end) { return inline == nil ? .some(nil) : nil }
        guard let (_, _, colon) = key(skipSpaces(start, keyLineEnd), keyLineEnd) else { return nil }
        let afterColon = skipSpaces(colon + 1, keyLineEnd)
        if afterColon < keyLineEnd && bytes[afterColon] != 0x23 {
            // `annotations: {}` and nothing below it.
            guard bytes[afterColon] == 0x7B, afterColon + 1 < keyLineEnd, bytes[afterColon + 1] == 0x7D,
                trailerOK(afterColon + 2, keyLineEnd), onlyCommentsOrBlank(from: keyLineEnd + 1, to: end)
            else { return nil }
            return .some([])
        }
        var pairs: [(key: String, value: String)] = []
        var lineStart = keyLineEnd + 1
        var indent = -1
        while lineStart < end {
            let lineEnd = min(endOfLine(lineStart), end)
            let first = skipSpaces(lineStart, lineEnd)
            if first == lineEnd || bytes[first] == 0x23 {
                lineStart = lineEnd + 1
                continue
            }
            if indent < 0 { indent = first - lineStart }
            guard first - lineStart == indent, bytes[first] != 0x2D, let (keyStart, keyEnd, colon) = key(first, lineEnd) else { return nil }
            let valueStart = skipSpaces(colon + 1, lineEnd)
            guard valueStart < lineEnd, bytes[valueStart] != 0x23,
                let value = scalarString(valueStart, lineEnd), let text = value
            else { return nil }
            let key = String(decoding: bytes[keyStart..<keyEnd], as: UTF8.self)
            pairs.removeAll { $0.key == key }  // a repeated key: the last one wins, in its place
            pairs.append((key, text))
            lineStart = lineEnd + 1
        }
        return .some(pairs)
    }
}
