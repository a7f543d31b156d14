#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A quick look at a rendered manifest that finds the text of a few top-level entries without
/// running libyaml over the whole document.
///
/// It accepts only a plain subset of YAML that it can check completely: a block mapping at
/// column 0 whose keys are simple words, nested block mappings and sequences, single-line
/// plain, quoted and flow scalars (keys may be quoted without escapes), and block scalars (`|`, `>`). No tags, anchors, aliases,
/// merge keys, tabs outside block scalars, multi-line plain or quoted scalars. Anything
/// outside that subset, valid or not, gives `nil` and the caller parses the whole document
/// as before, so a document it accepts is one libyaml accepts too, and decoding it cannot
/// fail; the entries it returns parse to the same values they have in the whole document.
enum BlockHeadScanner {
    /// The lines of the top-level entries whose keys are in `keys`, in document order, or nil
    /// when the document is outside the subset.
    static func headText(_ bytes: [UInt8], keys: Set<String>) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            guard scanner.run() else { return nil }
            var head: [UInt8] = []
            for entry in scanner.topEntries {
                let key = String(decoding: buffer[entry.keyStart..<entry.keyEnd], as: UTF8.self)
                guard keys.contains(key) else { continue }
                head.append(contentsOf: buffer[entry.start..<entry.end])
                if head.last != 0x0A { head.append(0x0A) }
            }
            return String(decoding: head, as: UTF8.self)
        }
    }

    /// One entry of the top-level mapping: its key and the byte range of its lines.
    struct TopEntry {
        var keyStart: Int
        var keyEnd: Int
        var start: Int
        var end: Int
    }

    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var topEntries: [TopEntry] = []
        /// Whether the document has a tab anywhere (lines are then checked one by one).
        var hasTab = false

        /// An open block collection: its column and whether it is a sequence (and one written
        /// at its mapping key's own column).
        struct Frame {
            var indent: Int
            var isSequence: Bool
            var indentless: Bool
        }

        /// What the line after an entry may be.
        enum Pending {
            /// Anything at the column of an open collection (the entry's value is complete).
            case done
            /// The entry's value is still to come: a collection indented more than `indent`,
            /// or (after a mapping key) a sequence at that column.
            case nested(indent: Int, sequenceAtSameColumn: Bool)
        }

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// Checks the whole document; true when it is inside the subset.
        mutating func run() -> Bool {
            guard charactersAllowed() else { return false }
            var stack: [Frame] = []
            var pending = Pending.done
            var lineStart = 0
            while lineStart < bytes.count {
                let lineEnd = endOfLine(lineStart)
                let next = lineEnd + 1
                var indent = 0
                while lineStart + indent < lineEnd, bytes[lineStart + indent] == 0x20 { indent += 1 }
                let first = lineStart + indent
                // Blank lines and comment lines may stand anywhere outside scalars.
                if first == lineEnd || bytes[first] == 0x23 {
                    lineStart = next
                    continue
                }
                if hasTab && contains(0x09, lineStart, lineEnd) { return false }
                // A document end marker or a directive: leave it to the full parser.
                if indent == 0 && (bytes[first] == 0x2E || bytes[first] == 0x25) && !isKey(first, lineEnd) { return false }

                let isDash = bytes[first] == 0x2D && (first + 1 == lineEnd || bytes[first + 1] == 0x20)
                if stack.isEmpty {
                    guard indent == 0, !isDash else { return false }
                    stack.append(Frame(indent: 0, isSequence: false, indentless: false))
                } else if case .nested(let parent, let sameColumn) = pending, indent > parent || (indent == parent && sameColumn && isDash)
                {
                    if !isDash && !isKey(first, lineEnd) {
                        // The value on a line of its own (`{}` below its key): a single-line scalar.
                        guard bytes[first] != 0x7C && bytes[first] != 0x3E,
                            let after = value(from: first, lineEnd: lineEnd, entryIndent: parent, next: next)
                        else { return false }
                        pending = .done
                        lineStart = after
                        continue
                    }
                    stack.append(Frame(indent: indent, isSequence: isDash, indentless: indent == parent))
                } else {
                    while let top = stack.last, top.indent > indent || (top.indent == indent && top.indentless && !isDash) {
                        stack.removeLast()
                    }
                    guard let top = stack.last, top.indent == indent else { return false }
                }
                let frame = stack[stack.count - 1]
                if frame.indent == 0 && !frame.isSequence, let last = topEntries.indices.last, topEntries[last].end < 0 {
                    topEntries[last].end = lineStart
                }
                var lineAfter = next
                if frame.isSequence {
                    guard isDash else { return false }
                    var column = first + 1
                    while column < lineEnd, bytes[column] == 0x20 { column += 1 }
                    if column == lineEnd || bytes[column] == 0x23 {
                        pending = .nested(indent: indent, sequenceAtSameColumn: false)
                    } else if bytes[column] == 0x2D && (column + 1 == lineEnd || bytes[column + 1] == 0x20) {
                        return false  // a sequence inside a sequence on one line
                    } else if let colon = keyColon(column, lineEnd) {
                        // A mapping that starts on the dash's line.
                        let keyIndent = column - lineStart
                        stack.append(Frame(indent: keyIndent, isSequence: false, indentless: false))
                        guard
                            let after = entryValue(from: colon + 1, lineEnd: lineEnd, entryIndent: keyIndent, next: next, pending: &pending)
                        else { return false }
                        lineAfter = after
                    } else {
                        guard let after = value(from: column, lineEnd: lineEnd, entryIndent: indent, next: next) else { return false }
                        pending = .done
                        lineAfter = after
                    }
                } else {
                    guard !isDash, let (keyStart, keyEnd, colon) = key(first, lineEnd) else { return false }
                    if frame.indent == 0 { topEntries.append(TopEntry(keyStart: keyStart, keyEnd: keyEnd, start: lineStart, end: -1)) }
                    guard let after = entryValue(from: colon + 1, lineEnd: lineEnd, entryIndent: indent, next: next, pending: &pending)
                    else { return false }
                    lineAfter = after
                }
                lineStart = lineAfter
            }
            guard !topEntries.isEmpty else { return false }
            if topEntries[topEntries.count - 1].end < 0 { topEntries[topEntries.count - 1].end = bytes.count }
            return true
        }

        /// The value after a mapping key's colon; returns where the next line starts.
        mutating func entryValue(from position: Int, lineEnd: Int, entryIndent: Int, next: Int, pending: inout Pending) -> Int? {
            var column = position
            while column < lineEnd, bytes[column] == 0x20 { column += 1 }
            if column == lineEnd || bytes[column] == 0x23 {
                pending = .nested(indent: entryIndent, sequenceAtSameColumn: true)
                return next
            }
            pending = .done
            return value(from: column, lineEnd: lineEnd, entryIndent: entryIndent, next: next)
        }

        /// A value that starts on its entry's line at `start` (not blank, not a comment).
        /// Returns where the next line to look at starts (after a block scalar's content).
        func value(from start: Int, lineEnd: Int, entryIndent: Int, next: Int) -> Int? {
            switch bytes[start] {
            case 0x7C, 0x3E:  // | >
                return blockScalar(header: start + 1, lineEnd: lineEnd, entryIndent: entryIndent, next: next)
            case 0x22:  // "
                guard let close = doubleQuoted(start, lineEnd), trailerOK(close, lineEnd) else { return nil }
                return next
            case 0x27:  // '
                guard let close = singleQuoted(start, lineEnd), trailerOK(close, lineEnd) else { return nil }
                return next
            case 0x5B, 0x7B:  // [ {
                guard let close = flow(start, lineEnd, depth: 0), trailerOK(close, lineEnd) else { return nil }
                return next
            default:
                return plainOK(start, lineEnd) ? next : nil
            }
        }

        /// A single-line plain scalar in block context: a safe first character, no `: ` and
        /// no `:` at its end before any comment.
        func plainOK(_ start: Int, _ lineEnd: Int) -> Bool {
            let c = bytes[start]
            if c == 0x2D {  // - only before a non-space, as in -1
                guard start + 1 < lineEnd, bytes[start + 1] != 0x20 else { return false }
            } else if !(isAlphanumeric(c) || c == 0x2E || c == 0x2F || c == 0x5F || c == 0x28 || c == 0x24
                || c == 0x3D || c == 0x2B || c == 0x7E || c == 0x3C || c == 0x3B || c >= 0x80)
            {
                return false
            }
            var i = start
            while i < lineEnd {
                let b = bytes[i]
                if b == 0x3A && (i + 1 == lineEnd || bytes[i + 1] == 0x20) { return false }
                if b == 0x20 && i + 1 < lineEnd && bytes[i + 1] == 0x23 { return true }
                i += 1
            }
            return true
        }

        /// After a quoted or flow scalar: only spaces, then the line's end or a comment.
        func trailerOK(_ position: Int, _ lineEnd: Int) -> Bool {
            var i = position
            while i < lineEnd, bytes[i] == 0x20 { i += 1 }
            return i == lineEnd || (bytes[i] == 0x23 && i > position)
        }

        /// A double-quoted scalar closed on its line; returns the position after the quote.
        func doubleQuoted(_ start: Int, _ lineEnd: Int) -> Int? {
            var i = start + 1
            while i < lineEnd {
                switch bytes[i] {
                case 0x22: return i + 1
                case 0x5C:
                    guard i + 1 < lineEnd else { return nil }
                    // Escapes libyaml knows, except the numeric ones (their code points are checked).
                    switch bytes[i + 1] {
                    case 0x30, 0x61, 0x62, 0x74, 0x6E, 0x76, 0x66, 0x72, 0x65, 0x20, 0x22, 0x2F, 0x5C, 0x4E, 0x5F, 0x4C, 0x50:
                        i += 2
                    default: return nil
                    }
                default: i += 1
                }
            }
            return nil
        }

        /// A single-quoted scalar closed on its line; returns the position after the quote.
        func singleQuoted(_ start: Int, _ lineEnd: Int) -> Int? {
            var i = start + 1
            while i < lineEnd {
                if bytes[i] == 0x27 {
                    if i + 1 < lineEnd && bytes[i + 1] == 0x27 {
                        i += 2
                        continue
                    }
                    return i + 1
                }
                i += 1
            }
            return nil
        }

        /// A flow collection closed on its line, with simple words, quoted scalars and nested
        /// collections inside; returns the position after its closing bracket.
        func flow(_ start: Int, _ lineEnd: Int, depth: Int) -> Int? {
            guard depth < 32 else { return nil }
            let isMapping = bytes[start] == 0x7B
            let close: UInt8 = isMapping ? 0x7D : 0x5D
            var i = skipSpaces(start + 1, lineEnd)
            guard i < lineEnd else { return nil }
            if bytes[i] == close { return i + 1 }
            while true {
                if isMapping {
                    guard let keyEnd = flowWord(i, lineEnd) ?? quotedEnd(i, lineEnd) else { return nil }
                    guard keyEnd + 1 < lineEnd, bytes[keyEnd] == 0x3A, bytes[keyEnd + 1] == 0x20 else { return nil }
                    i = skipSpaces(keyEnd + 1, lineEnd)
                    guard i < lineEnd else { return nil }
                }
                let itemEnd: Int?
                switch bytes[i] {
                case 0x5B, 0x7B: itemEnd = flow(i, lineEnd, depth: depth + 1)
                default: itemEnd = flowWord(i, lineEnd) ?? quotedEnd(i, lineEnd)
                }
                guard let end = itemEnd else { return nil }
                i = skipSpaces(end, lineEnd)
                guard i < lineEnd else { return nil }
                if bytes[i] == close { return i + 1 }
                guard bytes[i] == 0x2C else { return nil }
                i = skipSpaces(i + 1, lineEnd)
                guard i < lineEnd, bytes[i] != close else { return nil }
            }
        }

        /// A quoted scalar inside a flow collection; the position after it.
        func quotedEnd(_ i: Int, _ lineEnd: Int) -> Int? {
            switch bytes[i] {
            case 0x22: return doubleQuoted(i, lineEnd)
            case 0x27: return singleQuoted(i, lineEnd)
            default: return nil
            }
        }

        /// A plain word inside a flow collection: letters, digits and `._/-+~=`, starting with
        /// a letter, digit, `.`, `_` or `/`, or `-` before a letter or digit.
        func flowWord(_ start: Int, _ lineEnd: Int) -> Int? {
            let c = bytes[start]
            if c == 0x2D {
                guard start + 1 < lineEnd, isAlphanumeric(bytes[start + 1]) else { return nil }
            } else if !(isAlphanumeric(c) || c == 0x2E || c == 0x5F || c == 0x2F) {
                return nil
            }
            var i = start
            while i < lineEnd, isWordByte(bytes[i]) || bytes[i] == 0x2B || bytes[i] == 0x7E || bytes[i] == 0x3D { i += 1 }
            return i
        }

        /// A block scalar: its header after `|` or `>`, then every following line that belongs
        /// to it. Returns where the next structural line starts.
        func blockScalar(header: Int, lineEnd: Int, entryIndent: Int, next: Int) -> Int? {
            var i = header
            if i < lineEnd && (bytes[i] == 0x2B || bytes[i] == 0x2D) { i += 1 }
            guard trailerOK(i, lineEnd) || i == lineEnd else { return nil }
            if i < lineEnd && bytes[i] != 0x20 { return nil }  // an indentation digit or other text
            // Leading blank lines, then the first content line sets the indentation.
            var lineStart = next
            var widestBlank = 0
            var contentIndent = -1
            while lineStart < bytes.count {
                let end = endOfLine(lineStart)
                var spaces = 0
                while lineStart + spaces < end, bytes[lineStart + spaces] == 0x20 { spaces += 1 }
                if lineStart + spaces == end {
                    widestBlank = max(widestBlank, spaces)
                    lineStart = end + 1
                    continue
                }
                if bytes[lineStart + spaces] == 0x09 { return nil }
                contentIndent = spaces
                break
            }
            // No content, or less indented than the entry requires: leave it to the full parser.
            guard contentIndent > entryIndent, widestBlank <= contentIndent else { return nil }
            while lineStart < bytes.count {
                let end = endOfLine(lineStart)
                var spaces = 0
                while lineStart + spaces < end, bytes[lineStart + spaces] == 0x20 { spaces += 1 }
                if lineStart + spaces < end && spaces < contentIndent { return lineStart }
                lineStart = end + 1
            }
            return lineStart
        }

        // MARK: - Lines and characters

        func endOfLine(_ start: Int) -> Int {
            guard start < bytes.count, let base = bytes.baseAddress,
                let found = memchr(base + start, 0x0A, bytes.count - start)
            else { return bytes.count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        func skipSpaces(_ start: Int, _ end: Int) -> Int {
            var i = start
            while i < end, bytes[i] == 0x20 { i += 1 }
            return i
        }

        func contains(_ byte: UInt8, _ start: Int, _ end: Int) -> Bool {
            var i = start
            while i < end {
                if bytes[i] == byte { return true }
                i += 1
            }
            return false
        }

        /// A simple key at `start` followed by `:` and a space or the line's end: a word, or a
        /// quoted text without escapes. Returns the key's text range and the colon's position.
        func key(_ start: Int, _ lineEnd: Int) -> (start: Int, end: Int, colon: Int)? {
            let c = bytes[start]
            var textStart = start
            var textEnd: Int
            var i: Int
            if c == 0x22 || c == 0x27 {
                textStart = start + 1
                i = textStart
                while i < lineEnd, bytes[i] != c {
                    if bytes[i] == 0x5C && c == 0x22 { return nil }
                    i += 1
                }
                guard i < lineEnd, i + 1 < lineEnd, bytes[i + 1] != c else { return nil }
                textEnd = i
                i += 1
            } else {
                guard isAlphanumeric(c) || c == 0x5F || c == 0x2E || c == 0x2F else { return nil }
                i = start
                while i < lineEnd, isWordByte(bytes[i]) { i += 1 }
                textEnd = i
            }
            guard i - start <= 128, i < lineEnd, bytes[i] == 0x3A, i + 1 == lineEnd || bytes[i + 1] == 0x20 else { return nil }
            return (textStart, textEnd, i)
        }

        func keyColon(_ start: Int, _ lineEnd: Int) -> Int? { key(start, lineEnd)?.colon }

        func isKey(_ start: Int, _ lineEnd: Int) -> Bool { key(start, lineEnd) != nil }

        func isAlphanumeric(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
        }

        /// Letters, digits and `._/-`.
        func isWordByte(_ c: UInt8) -> Bool {
            isAlphanumeric(c) || c == 0x2E || c == 0x5F || c == 0x2F || c == 0x2D
        }

        /// Only characters libyaml reads without a question: printable ASCII, tab and line feed,
        /// and non-ASCII characters other than line and paragraph separators, NEL and the other
        /// C1 controls, byte order marks, U+FFFD and the non-characters U+FFFE and U+FFFF.
        mutating func charactersAllowed() -> Bool {
            // The text is valid UTF-8 (it comes from a String): only the encodings of the
            // characters to refuse need looking for.
            let count = bytes.count
            var i = 0
            while i < count {
                let b = bytes[i]
                if b >= 0x20 && b < 0x7F || b == 0x0A {
                    i += 1
                    continue
                }
                if b == 0x09 {
                    hasTab = true
                    i += 1
                    continue
                }
                if b < 0x80 { return false }  // other C0 controls and DEL
                let second: UInt8 = i + 1 < count ? bytes[i + 1] : 0
                let third: UInt8 = i + 2 < count ? bytes[i + 2] : 0
                if b == 0xC2 && second < 0xA0 { return false }  // U+0080...U+009F
                if b == 0xE2 && second == 0x80 && (third == 0xA8 || third == 0xA9) { return false }  // U+2028, U+2029
                if b == 0xEF && ((second == 0xBB && third == 0xBF) || (second == 0xBF && third >= 0xBD)) { return false }
                i += 1
            }
            return true
        }
    }
}
