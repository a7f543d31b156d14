/// An argv split into positional words and flags, the way cobra (kubectl's and helm's flag
/// library) reads it: `--flag value`, `--flag=value`, `-f value`, `-fvalue`.
struct SimulatedArguments: Sendable {
    var positionals: [String] = []
    var values: [String: [String]] = [:]
    var switches: Set<String> = []
    /// A flag we do not know, in cobra's words, for the caller's error message.
    var unknownFlag: String?

    /// Splits `args`; `valueFlags` and `switchFlags` map every spelling to a canonical name.
    init(_ args: [String], valueFlags: [String: String], switchFlags: [String: String]) {
        var i = 0
        while i < args.count {
            let a = args[i]
            i += 1
            guard a.hasPrefix("-"), a != "-" else { positionals.append(a); continue }
            if a == "--" { positionals += args[i...]; break }
            var name = a, inline: String?
            if let eq = a.firstIndex(of: "=") { name = String(a[..<eq]); inline = String(a[a.index(after: eq)...]) }
            if let canonical = valueFlags[name] {
                if let inline { values[canonical, default: []].append(inline) }
                else if i < args.count { values[canonical, default: []].append(args[i]); i += 1 }
                else { unknownFlag = unknownFlag ?? "flag needs an argument: \(name)" }
            } else if let canonical = switchFlags[name] {
                if inline == nil || inline == "true" { switches.insert(canonical) }
                else if let inline { values[canonical, default: []].append(inline) }  // --cascade=orphan
            } else if !a.hasPrefix("--"), a.count > 2, let canonical = valueFlags[String(a.prefix(2))] {
                values[canonical, default: []].append(String(a.dropFirst(2)))  // -ojson, -nposthog
            } else {
                unknownFlag = unknownFlag ?? "unknown flag: \(name)"
            }
        }
    }

    /// The last value of a flag.
    func value(_ name: String) -> String? { values[name]?.last }

    /// Whether a switch is on.
    func has(_ name: String) -> Bool { switches.contains(name) }
}
