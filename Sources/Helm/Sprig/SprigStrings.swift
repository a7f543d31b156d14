import GoTemplate

/// Sprig's remaining string functions: abbreviation, casing, substrings, wrapping, splitting
/// and joining, with Go's byte-oriented slicing and panics.
enum SprigStrings {
    static let functions: [String: TemplateFunction] = Dictionary(uniqueKeysWithValues: shaping + casing + splitting)

    /// Randomness for `shuffle` (Go uses the auto-seeded `math/rand`; any permutation is valid).
    static let random: any SprigRandomSource = SystemRandomSource()

    static let shaping: [(String, TemplateFunction)] = [
        sprigFunction("abbrev") { a in try a.count(2); let width = try a.int(0), s = try a.string(1)
            return .string(width < 4 ? s : GoWordUtils.abbreviate(s, offset: 0, maxWidth: width) ?? "") },
        sprigFunction("abbrevboth") { a in try a.count(3); let left = try a.int(0), right = try a.int(1), s = try a.string(2)
            if right < 4 || (left > 0 && right < 7) { return .string(s) }
            return .string(GoWordUtils.abbreviate(s, offset: left, maxWidth: right) ?? "") },
        sprigFunction("substr") { a in try a.count(3)
            return .string(try substring(try a.int(0), try a.int(1), try a.string(2))) },
        sprigFunction("repeat") { a in try a.count(2); let n = try a.int(0), s = try a.string(1)
            guard n >= 0 else { throw FunctionError("strings: negative Repeat count") }
            guard n.multipliedReportingOverflow(by: max(1, s.utf8.count)).partialValue <= SprigArguments.sizeLimit,
                  !n.multipliedReportingOverflow(by: max(1, s.utf8.count)).overflow else {
                throw FunctionError("repeat: the result would be larger than \(SprigArguments.sizeLimit) bytes")
            }
            return .string(String(repeating: s, count: n)) },
        sprigFunction("trimall") { a in try a.count(2); return .string(trim(try a.string(1), cutset: try a.string(0))) },
        sprigFunction("trimAll") { a in try a.count(2); return .string(trim(try a.string(1), cutset: try a.string(0))) },
        sprigFunction("nospace") { a in try a.count(1); return .string(GoWordUtils.deleteWhiteSpace(try a.string(0))) },
        sprigFunction("initials") { a in try a.count(1); return .string(GoWordUtils.initials(try a.string(0))) },
        sprigFunction("shuffle") { a in try a.count(1); return .string(shuffle(try a.string(0))) },
        sprigFunction("wrap") { a in try a.count(2)
            return .string(GoWordUtils.wrap(try a.string(1), try a.int(0), newLine: "", wrapLongWords: false)) },
        sprigFunction("wrapWith") { a in try a.count(3)
            return .string(GoWordUtils.wrap(try a.string(2), try a.int(0), newLine: try a.string(1), wrapLongWords: true)) },
        sprigFunction("cat") { a in
            .string(a.values.filter { if case .null = $0 { return false }; return true }.map(GoFormat.string).joined(separator: " ")) },
        sprigFunction("plural") { a in try a.count(3); let one = try a.string(0), many = try a.string(1)
            return .string(try a.int(2) == 1 ? one : many) },
    ]

    static let casing: [(String, TemplateFunction)] = [
        sprigFunction("title") { a in try a.count(1); return .string(title(try a.string(0))) },
        sprigFunction("untitle") { a in try a.count(1); return .string(GoWordUtils.uncapitalize(try a.string(0))) },
        sprigFunction("swapcase") { a in try a.count(1); return .string(GoWordUtils.swapCase(try a.string(0))) },
        sprigFunction("snakecase") { a in try a.count(1); return .string(GoCaseWords.lowerCaseWords(try a.string(0), connector: "_")) },
        sprigFunction("kebabcase") { a in try a.count(1); return .string(GoCaseWords.lowerCaseWords(try a.string(0), connector: "-")) },
        sprigFunction("camelcase") { a in try a.count(1); return .string(GoCaseWords.pascalCase(try a.string(0))) },
    ]

    static let splitting: [(String, TemplateFunction)] = [
        sprigFunction("split") { a in try a.count(2)
            return indexed(split(try a.string(1), separator: try a.string(0), limit: -1)) },
        sprigFunction("splitList") { a in try a.count(2)
            return .list(split(try a.string(1), separator: try a.string(0), limit: -1).map { .string($0) }) },
        sprigFunction("splitn") { a in try a.count(3)
            let separator = try a.string(0), n = try a.int(1)
            return indexed(split(try a.string(2), separator: separator, limit: n)) },
        sprigFunction("toStrings") { a in try a.count(1); return .list(stringSlice(a.values[0]).map { .string($0) }) },
    ]

    /// Sprig's `split`/`splitn` result: `map[string]string` keyed `_0`, `_1`, ...
    static func indexed(_ parts: [String]) -> Value {
        let map = ValueMap()
        for (i, p) in parts.enumerated() { map["_\(i)"] = .string(p) }
        return .map(map)
    }

    /// Sprig's `strslice`: list elements (nil dropped) through strval; nil is empty; any
    /// other value is a one-element list.
    static func stringSlice(_ value: Value) -> [String] {
        switch value {
        case .list(let items): return items.compactMap { if case .null = $0 { return nil }; return sprigString($0) }
        case .bytes(let b): return b.map { String($0) }
        case .null: return []
        default: return [sprigString(value)]
        }
    }

    /// Sprig's `substring` with Go's byte slicing and its bounds panics.
    static func substring(_ start: Int, _ end: Int, _ s: String) throws -> String {
        let b = Array(s.utf8)
        func bounds(_ text: String) -> FunctionError { FunctionError("runtime error: slice bounds out of range \(text)") }
        if start < 0 {
            if end < 0 { throw bounds("[:\(end)]") }
            if end > b.count { throw bounds("[:\(end)] with length \(b.count)") }
            return GoWordUtils.bytes(b[..<end])
        }
        if end < 0 || end > b.count {
            if start > b.count { throw bounds("[\(start):\(b.count)]") }
            return GoWordUtils.bytes(b[start...])
        }
        if start > end { throw bounds("[\(start):\(end)]") }
        return GoWordUtils.bytes(b[start..<end])
    }

    /// `strings.Trim`: drops leading and trailing runes found in `cutset`.
    static func trim(_ s: String, cutset: String) -> String {
        guard !s.isEmpty, !cutset.isEmpty else { return s }
        let set = Set(cutset.unicodeScalars)
        let runes = GoUnicode.runes(s)
        guard let first = runes.firstIndex(where: { !set.contains($0) }) else { return "" }
        let last = runes.lastIndex(where: { !set.contains($0) })!
        return GoUnicode.string(Array(runes[first...last]))
    }

    /// `strings.Title`: upper-cases (title-cases) the first rune of each word.
    static func title(_ s: String) -> String {
        var prev: Unicode.Scalar = " "
        return GoUnicode.string(GoUnicode.runes(s).map { r in
            defer { prev = r }
            return isSeparator(prev) ? GoUnicode.toTitle(r) : r
        })
    }

    /// `strings.Title`'s word boundary test.
    static func isSeparator(_ r: Unicode.Scalar) -> Bool {
        if r.value <= 0x7F {
            switch r {
            case "0"..."9", "a"..."z", "A"..."Z", "_": return false
            default: return true
            }
        }
        if GoUnicode.isLetter(r) || GoUnicode.isDigit(r) { return false }
        return GoUnicode.isSpace(r)
    }

    /// `strings.SplitN` (a negative limit splits everywhere; an empty separator splits runes).
    static func split(_ s: String, separator: String, limit: Int) -> [String] {
        if limit == 0 { return [] }
        if separator.isEmpty {
            var runes = GoUnicode.runes(s).map { String($0) }
            if limit > 0 && runes.count > limit {
                let tail = runes[(limit - 1)...].joined()
                runes = Array(runes[..<(limit - 1)]) + [tail]
            }
            return runes
        }
        let hay = Array(s.utf8), needle = Array(separator.utf8)
        var parts: [String] = []
        var start = 0, i = 0
        while i + needle.count <= hay.count {
            if limit > 0 && parts.count == limit - 1 { break }
            if hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle {
                parts.append(GoWordUtils.bytes(hay[start..<i]))
                i += needle.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(GoWordUtils.bytes(hay[start...]))
        return parts
    }

    /// xstrings `Shuffle`: a Fisher-Yates permutation of the runes.
    static func shuffle(_ s: String) -> String {
        var runes = GoUnicode.runes(s)
        guard runes.count > 1 else { return s }
        for i in stride(from: runes.count - 1, to: 0, by: -1) {
            let j = Int(random.goInt(below: UInt64(i + 1)))
            runes.swapAt(i, j)
        }
        return GoUnicode.string(runes)
    }
}
