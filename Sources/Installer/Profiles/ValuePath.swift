/// Dotted value paths as profiles write them: `a.b.c`, with `\.` for a dot inside a key
/// (`service\.beta\.kubernetes\.io/x`) and `\\` for a backslash.
public enum ValuePath {
    /// The keys of `path`, unescaped.
    public static func split(_ path: String) -> [String] {
        var keys: [String] = []
        var current = ""
        var escaped = false
        for character in path {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "." {
                keys.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        keys.append(current)
        return keys
    }

    /// `keys` written as one path, escaping dots and backslashes inside keys.
    public static func join(_ keys: [String]) -> String {
        keys.map { key in
            var out = ""
            for character in key {
                if character == "\\" || character == "." { out.append("\\") }
                out.append(character)
            }
            return out
        }.joined(separator: ".")
    }
}
