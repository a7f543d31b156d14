import Synchronization

/// Unicode classes for `\p{...}`: general categories (from the Swift runtime's Unicode data), Any, ASCII.
enum RegexUnicodeClass {
    /// One-letter and two-letter category names Go accepts, mapped to the categories they cover.
    private static let categories: [String: [Unicode.GeneralCategory]] = {
        let letters: [(String, Unicode.GeneralCategory)] = [
            ("Lu", .uppercaseLetter), ("Ll", .lowercaseLetter), ("Lt", .titlecaseLetter),
            ("Lm", .modifierLetter), ("Lo", .otherLetter),
            ("Mn", .nonspacingMark), ("Mc", .spacingMark), ("Me", .enclosingMark),
            ("Nd", .decimalNumber), ("Nl", .letterNumber), ("No", .otherNumber),
            ("Pc", .connectorPunctuation), ("Pd", .dashPunctuation), ("Ps", .openPunctuation),
            ("Pe", .closePunctuation), ("Pi", .initialPunctuation), ("Pf", .finalPunctuation),
            ("Po", .otherPunctuation),
            ("Sm", .mathSymbol), ("Sc", .currencySymbol), ("Sk", .modifierSymbol), ("So", .otherSymbol),
            ("Zs", .spaceSeparator), ("Zl", .lineSeparator), ("Zp", .paragraphSeparator),
            ("Cc", .control), ("Cf", .format), ("Cs", .surrogate), ("Co", .privateUse),
        ]
        var table: [String: [Unicode.GeneralCategory]] = [:]
        for (name, category) in letters {
            table[name, default: []].append(category)
            // Go's one-letter major classes; C leaves out unassigned code points, as Go's unicode.C does.
            table[String(name.prefix(1)), default: []].append(category)
        }
        table["Lc"] = [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter]
        return table
    }()

    private static let cache = Mutex<[String: [UInt32]]>([:])

    /// The ranges for a class name (after Go's canonicalisation), or nil when unknown.
    /// `negated` is true for names that Go defines by complement (Assigned).
    static func table(_ rawName: String) -> (ranges: [UInt32], negated: Bool)? {
        let name = canonicalName(rawName)
        switch name {
        case "Any": return ([0, RegexCharClass.maxRune], false)
        case "Ascii": return ([0, 0x7F], false)
        case "Assigned": return (ranges(for: "Cn", categories: [.unassigned]), true)
        default: break
        }
        guard let wanted = categories[name] else { return nil }
        return (ranges(for: name, categories: wanted), false)
    }

    /// Go's lookup key: first letter upper-cased, the rest lower-cased, without `_`, `-` and spaces.
    static func canonicalName(_ name: String) -> String {
        var out = ""
        var first = true
        for ch in name where ch != "_" && ch != "-" && ch != " " {
            if first { out += ch.uppercased(); first = false } else { out += ch.lowercased() }
        }
        return out
    }

    private static func ranges(for key: String, categories wanted: [Unicode.GeneralCategory]) -> [UInt32] {
        if let hit = cache.withLock({ $0[key] }) { return hit }
        var r: [UInt32] = []
        func scan(_ lo: UInt32, _ hi: UInt32) {
            for value in lo...hi {
                let category = Unicode.Scalar(value)?.properties.generalCategory ?? .surrogate
                if wanted.contains(category) { RegexCharClass.appendRange(&r, value, value) }
            }
        }
        func uniform(_ lo: UInt32, _ hi: UInt32, _ category: Unicode.GeneralCategory) {
            if wanted.contains(category) { RegexCharClass.appendRange(&r, lo, hi) }
        }
        // Planes 4-13 hold no assigned code points and planes 15-16 are private use apart from
        // their last two noncharacters, so only the other planes need a per-rune look-up.
        scan(0, 0x3FFFF)
        uniform(0x40000, 0xDFFFF, .unassigned)
        scan(0xE0000, 0xEFFFF)
        uniform(0xF0000, 0xFFFFD, .privateUse)
        uniform(0xFFFFE, 0xFFFFF, .unassigned)
        uniform(0x100000, 0x10FFFD, .privateUse)
        uniform(0x10FFFE, 0x10FFFF, .unassigned)
        cache.withLock { $0[key] = r }
        return r
    }
}
