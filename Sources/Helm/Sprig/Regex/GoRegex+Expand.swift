/// Go's `Expand` templates and `QuoteMeta`.
extension GoRegex {
    /// Expands `template` for one match: `$1`, `${1}`, `$name`, `${name}`, `$$`; names are as long as possible.
    public func expand(_ template: String, source: String, match: [Int]) -> String {
        var out: [UInt8] = []
        expand(&out, Array(template.utf8), Array(source.utf8), match)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the expansion of `template` for `match` (slots into `src`) to `out`.
    func expand(_ out: inout [UInt8], _ template: [UInt8], _ src: [UInt8], _ match: [Int]) {
        var i = 0
        while i < template.count {
            guard let dollar = template[i...].firstIndex(of: UInt8(ascii: "$")) else { break }
            out.append(contentsOf: template[i..<dollar])
            i = dollar + 1
            if i < template.count && template[i] == UInt8(ascii: "$") {
                out.append(UInt8(ascii: "$"))
                i += 1
                continue
            }
            guard let (name, num, rest) = Self.extractName(template, i) else {
                // Malformed: the $ stays as text.
                out.append(UInt8(ascii: "$"))
                continue
            }
            i = rest
            if num >= 0 {
                if 2 * num + 1 < match.count && match[2 * num] >= 0 {
                    out.append(contentsOf: src[match[2 * num]..<match[2 * num + 1]])
                }
            } else {
                // The first group of that name that took part in the match.
                for (index, groupName) in subexpNames.enumerated()
                where groupName == name && 2 * index + 1 < match.count && match[2 * index] >= 0 {
                    out.append(contentsOf: src[match[2 * index]..<match[2 * index + 1]])
                    break
                }
            }
        }
        out.append(contentsOf: template[min(i, template.count)...])
    }

    /// Reads `name` or `{name}` at `start`: the name, its number (-1 when not a plain number) and the end.
    static func extractName(_ s: [UInt8], _ start: Int) -> (String, Int, Int)? {
        var i = start
        guard i < s.count else { return nil }
        let brace = s[i] == UInt8(ascii: "{")
        if brace { i += 1 }
        let nameStart = i
        while i < s.count {
            let (r, width) = RegexMachine.step(s, i)
            guard let scalar = Unicode.Scalar(UInt32(r)), isNameRune(scalar) else { break }
            i += width
        }
        if i == nameStart { return nil }
        let nameBytes = s[nameStart..<i]
        let name = String(decoding: nameBytes, as: UTF8.self)
        if brace {
            guard i < s.count, s[i] == UInt8(ascii: "}") else { return nil }
            i += 1
        }
        var num = 0
        for b in nameBytes {
            if b < 0x30 || b > 0x39 || num >= 100_000_000 { num = -1; break }
            num = num * 10 + Int(b - 0x30)
        }
        // Leading zeros make it a name, not a number.
        if nameBytes.first == 0x30 && nameBytes.count > 1 { num = -1 }
        return (name, num, i)
    }

    /// Go's `unicode.IsLetter || unicode.IsDigit || '_'`.
    static func isNameRune(_ c: Unicode.Scalar) -> Bool {
        if c == "_" { return true }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }

    /// Escapes every metacharacter (`\.+*?()|[]{}^$`) so the result matches `s` literally.
    public static func quoteMeta(_ s: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for c in s.unicodeScalars {
            if "\\.+*?()|[]{}^$".unicodeScalars.contains(c) { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(c)
        }
        return out
    }
}
