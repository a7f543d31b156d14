/// "Did you mean …?" for a mistyped command name, as ArgumentParser already does for flags.
/// Without this, `posthog-install instal` reaches the wizard (the default command) as an
/// unexpected argument, which says nothing about the typo.
enum SubcommandSuggestion {
    /// The command names a person can type.
    static var names: [String] {
        PosthogInstall.configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName } + ["help"]
    }

    /// The first argument when it looks like a command name but is none (nil for flags, for
    /// a real command, and for no arguments).
    static func unknownCommand(in arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !names.contains(first) else { return nil }
        return first
    }

    /// The closest command names to `word` (edit distance at most 2, or a prefix of one), best first.
    static func suggestions(for word: String) -> [String] {
        let lowered = word.lowercased()
        let scored = names.compactMap { name -> (String, Int)? in
            if name.hasPrefix(lowered), lowered.count >= 2 { return (name, 0) }
            let distance = editDistance(lowered, name)
            return distance <= 2 ? (name, distance) : nil
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
    }

    /// The message for an unknown command word.
    static func message(for word: String) -> String {
        var text = "Error: '\(word)' is not a posthog-install command."
        if let best = suggestions(for: word).first {
            text += " Did you mean '\(best)'?"
        }
        text += "\nCommands: \(names.filter { $0 != "help" }.joined(separator: ", ")). "
            + "See 'posthog-install --help' or 'posthog-install help <command>'."
        return text
    }

    /// Levenshtein distance between two short strings.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
