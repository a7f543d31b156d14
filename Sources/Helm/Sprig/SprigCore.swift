#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GoTemplate

/// The Sprig functions Helm charts use most (strings, defaults, lists, dicts, types).
enum SprigCore {
    static func make(_ name: String, _ body: @escaping (SprigArguments) throws -> Value) -> (String, TemplateFunction) {
        (name, TemplateFunction(name) { _, values in try body(SprigArguments(name: name, values: values)) })
    }

    static let functions: [String: TemplateFunction] = Dictionary(uniqueKeysWithValues: [
        make("indent") { a in
            try a.count(2)
            let pad = String(repeating: " ", count: max(0, try a.size(0)))
            return .string(pad + (try a.string(1)).replacingAll("\n", with: "\n" + pad))
        },
        make("nindent") { a in
            try a.count(2)
            let pad = String(repeating: " ", count: max(0, try a.size(0)))
            return .string("\n" + pad + (try a.string(1)).replacingAll("\n", with: "\n" + pad))
        },
        make("quote") { a in
            // One argument (`x | quote`) is by far the most common call.
            if a.values.count == 1 {
                if case .null = a.values[0] { return .string("") }
                return .string(GoFormat.quote(sprigString(a.values[0])))
            }
            return .string(
                a.values.compactMap { v -> String? in
                    if case .null = v { return nil }
                    return GoFormat.quote(sprigString(v))
                }.joined(separator: " "))
        },
        make("squote") { a in
            .string(
                a.values.compactMap { v -> String? in
                    if case .null = v { return nil }
                    return "'" + sprigString(v) + "'"
                }.joined(separator: " "))
        },
        make("default") { a in
            guard let defaultValue = a.values.first else {
                throw FunctionError.arguments("wrong number of args for default: want at least 1 got 0")
            }
            guard a.values.count > 1, !sprigEmpty(a.values[1]) else { return defaultValue }
            return a.values[1]
        },
        make("empty") { a in
            try a.count(1)
            return .bool(sprigEmpty(a.values[0]))
        },
        make("coalesce") { a in a.values.first { !sprigEmpty($0) } ?? .null },
        make("ternary") { a in
            try a.count(3)
            guard case .bool(let condition) = a.values[2] else {
                throw FunctionError.argumentType(index: 2, goType: "bool", got: a.values[2])
            }
            return condition ? a.values[0] : a.values[1]
        },
        make("list") { a in .list(a.values) },
        make("hello") { a in
            try a.count(0)
            return .string("Hello!")
        },
        make("dict") { a in
            let map = ValueMap()
            var i = 0
            while i < a.values.count {
                map[sprigString(a.values[i])] = i + 1 < a.values.count ? a.values[i + 1] : .string("")
                i += 2
            }
            return .map(map)
        },
        make("trimSuffix") { a in
            try a.count(2)
            let suffix = try a.string(0)
            let s = try a.string(1)
            return .string(!suffix.isEmpty && s.hasSuffix(suffix) ? String(s.dropLast(suffix.count)) : s)
        },
        make("trimPrefix") { a in
            try a.count(2)
            let prefix = try a.string(0)
            let s = try a.string(1)
            return .string(!prefix.isEmpty && s.hasPrefix(prefix) ? String(s.dropFirst(prefix.count)) : s)
        },
        make("trim") { a in
            try a.count(1)
            return .string(goTrimSpace(try a.string(0)))
        },
        make("trunc") { a in
            try a.count(2)
            let c = try a.int(0)
            let bytes = Array((try a.string(1)).utf8)
            if c < 0 && bytes.count + c > 0 { return .string(String(decoding: bytes[(bytes.count + c)...], as: UTF8.self)) }
            if c >= 0 && bytes.count > c { return .string(String(decoding: bytes[..<c], as: UTF8.self)) }
            return .string(String(decoding: bytes, as: UTF8.self))
        },
        make("upper") { a in
            try a.count(1)
            return .string((try a.string(0)).uppercased())
        },
        make("lower") { a in
            try a.count(1)
            return .string((try a.string(0)).lowercased())
        },
        make("contains") { a in
            try a.count(2)
            let needle = try a.string(0)
            let s = try a.string(1)
            return .bool(needle.isEmpty || s.replacingAll(needle, with: "") != s)
        },
        make("hasPrefix") { a in
            try a.count(2)
            return .bool((try a.string(1)).hasPrefix(try a.string(0)))
        },
        make("hasSuffix") { a in
            try a.count(2)
            return .bool((try a.string(1)).hasSuffix(try a.string(0)))
        },
        make("replace") { a in
            try a.count(3)
            return .string((try a.string(2)).replacingAll(try a.string(0), with: try a.string(1)))
        },
        make("toString") { a in
            try a.count(1)
            return .string(sprigString(a.values[0]))
        },
        make("join") { a in
            try a.count(2)
            let separator = try a.string(0)
            switch a.values[1] {
            case .list(let items):
                // Sprig drops nil entries before joining.
                return .string(
                    items.compactMap { v -> String? in
                        if case .null = v { return nil }
                        return sprigString(v)
                    }.joined(separator: separator))
            case .null: return .string("")
            default: return .string(sprigString(a.values[1]))
            }
        },
        make("typeOf") { a in
            try a.count(1)
            return .string(GoFormat.typeName(a.values[0]))
        },
        make("typeIs") { a in
            try a.count(2)
            return .bool(try a.string(0) == GoFormat.typeName(a.values[1]))
        },
        make("kindOf") { a in
            try a.count(1)
            return .string(kind(a.values[0]))
        },
        make("kindIs") { a in
            try a.count(2)
            return .bool(try a.string(0) == kind(a.values[1]))
        },
    ])

    /// Go's reflect kind names.
    static func kind(_ value: Value) -> String {
        switch value {
        case .null: return "invalid"
        case .bool: return "bool"
        case .int: return "int"
        case .int64: return "int64"
        case .float: return "float64"
        case .string: return "string"
        case .bytes, .list: return "slice"
        case .map: return "map"
        case .object: return "ptr"
        case .function: return "func"
        }
    }

    static func goTrimSpace(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}

extension String {
    /// Every occurrence of `target` replaced (Go's strings.ReplaceAll; an empty target inserts between characters).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else {
            return replacement + self.map { String($0) + replacement }.joined()
        }
        var text = self
        // Work on the contiguous UTF-8 bytes; copy only when something is replaced, and then
        // span by span (`nindent` runs this on every line of every included block).
        return text.withUTF8 { haystack -> String in
            guard let base = haystack.baseAddress else { return self }
            let needle = Array(target.utf8)
            let first = Int32(needle[0])
            let count = haystack.count
            let width = needle.count
            // memchr finds each candidate first byte (most texts hold no match at all).
            func match(from start: Int) -> Int? {
                var i = start
                while i + width <= count, let found = memchr(base + i, first, count - i) {
                    i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    guard i + width <= count else { return nil }
                    var k = 1
                    while k < width, base[i + k] == needle[k] { k += 1 }
                    if k == width { return i }
                    i += 1
                }
                return nil
            }
            guard let firstMatch = match(from: 0) else { return self }
            var matches = 1
            var probe = firstMatch + width
            while let next = match(from: probe) {
                matches += 1
                probe = next + width
            }
            let insert = Array(replacement.utf8)
            var out: [UInt8] = []
            out.reserveCapacity(count + matches * insert.count - matches * width)
            var copied = 0
            var found: Int? = firstMatch
            while let i = found {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: haystack[copied..<i]))
                out.append(contentsOf: insert)
                copied = i + width
                found = match(from: copied)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: haystack[copied..<count]))
            // Matches of valid UTF-8 in valid UTF-8 start and end on scalar boundaries.
            return String(decoding: out, as: UTF8.self)
        }
    }
}
