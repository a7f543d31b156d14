import Helm

/// A small deterministic random source (SplitMix64), so a fuzz run is repeatable from its seed.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A source starting at `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Inputs for the template engine and the YAML reader: calls of every function with odd argument
/// lists, templates mutated at the token level, and YAML mutated at the byte and token level.
public enum FuzzInputs {
    /// Every function the engine offers a chart.
    public static let functionNames: [String] = {
        let names = Set(SprigLibrary.functions.keys).union(HelmFunctions.functions.keys)
            .union(["include", "tpl", "required", "fail", "lookup", "toYaml", "fromYaml", "fromYamlArray"])
            .subtracting(["env", "expandenv", "getHostByName"])
        return names.sorted()
    }()

    static let arguments = [
        "nil", "0", "1", "-3", "1.5", "1e308", "\"\"", "\"a\"", "\"{}\"", "\"[1]\"", "\"1h\"", "\"x: [\"", "true",
        "(list)", "(list 1 \"a\")", "(dict)", "(dict \"k\" 1)", ".", ".Values", ".Values.missing", ".Values.list",
        ".Release.Name", "$", "(list nil)", "9223372036854775807", "\"2026-12-06\"", "\"\\u0000\"",
    ]

    static let templateTokens = [
        "{{", "}}", "{{-", "-}}", "(", ")", "|", " ", "$x := 1", "$x", "range .Values.list", "if .", "else", "end",
        "define \"t\"", "template \"t\" .", "with .Values", "block \"b\" .", "\"s\"", "1", ".Values", "nil", "break",
        "continue", "/* c */", "\n", "`raw`", "'c'", "0x1F", "and", "or", "not", "eq", "index", "len", "printf \"%d\"",
    ]

    /// A template calling one function with 0-3 arguments, directly or through a pipeline.
    public static func functionCall(_ random: inout SeededRandom) -> String {
        let name = functionNames[Int(random.next() % UInt64(functionNames.count))]
        let count = Int(random.next() % 4)
        let args = (0..<count).map { _ in arguments[Int(random.next() % UInt64(arguments.count))] }
        if count > 0, random.next() % 3 == 0 {
            return "{{ \(args[0]) | \(name) \(args.dropFirst().joined(separator: " ")) }}"
        }
        return "{{ \(name) \(args.joined(separator: " ")) }}"
    }

    /// A template made of random tokens (mostly unbalanced: parse errors are the point).
    public static func tokenSoup(_ random: inout SeededRandom) -> String {
        let length = 1 + Int(random.next() % 24)
        return (0..<length).map { _ in templateTokens[Int(random.next() % UInt64(templateTokens.count))] }.joined()
    }

    static let yamlTokens = [
        ":", " ", "\n", "- ", "  ", "\t", "{", "}", "[", "]", ",", "&a", "*a", "!!str", "!!binary", "'", "\"", "#",
        "? ", "|", ">", "---", "...", "%YAML 1.2", "<<: *a", "~", "null", "0x10", "1e3", ".inf", "\\", "\u{FEFF}", "é",
    ]

    /// `seed` with 1-8 random edits (insert a token, delete or duplicate a slice).
    public static func mutate(_ seed: String, _ random: inout SeededRandom) -> String {
        var scalars = Array(seed.unicodeScalars)
        for _ in 0..<(1 + Int(random.next() % 8)) {
            let at = scalars.isEmpty ? 0 : Int(random.next() % UInt64(scalars.count + 1))
            switch random.next() % 3 {
            case 0:
                let token = yamlTokens[Int(random.next() % UInt64(yamlTokens.count))]
                scalars.insert(contentsOf: token.unicodeScalars, at: at)
            case 1 where !scalars.isEmpty:
                let end = min(scalars.count, at + 1 + Int(random.next() % 6))
                if at < end { scalars.removeSubrange(at..<end) }
            default:
                let end = min(scalars.count, at + Int(random.next() % 12))
                if at < end { scalars.insert(contentsOf: scalars[at..<end], at: at) }
            }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    /// The YAML documents mutated from.
    public static let yamlSeeds = [
        "a: 1\nb:\n  - x\n  - y: [1, 2, {c: d}]\n",
        "anchors:\n  base: &b {x: 1}\n  more:\n    <<: *b\n    y: 2\n",
        "text: |\n  line one\n  line two\nfolded: >\n  a\n  b\nquoted: \"tab\\there\"\n",
        "ingress:\n  hostname: posthog.example.com\npostgresql:\n  postgresqlPassword: s3cret\n",
        "- 1\n- - nested\n  - list\n- {}\n",
    ]
}
