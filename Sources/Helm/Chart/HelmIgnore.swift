/// The rules of a chart's `.helmignore` file, with Helm's matching semantics.
///
/// Rules are tried in order and the first match decides. A rule without `/` matches the
/// base name only; a rule with `/` matches the whole relative path; a leading `/` anchors
/// it; a trailing `/` matches directories only; `!` negates (and, as in Helm, a path that
/// does *not* match a negated rule is ignored). `**` is rejected, as Helm rejects it.
public struct HelmIgnore: Sendable {
    /// The file name Helm looks for at the top of a chart.
    public static let fileName = ".helmignore"

    private struct Rule: Sendable {
        let glob: GoGlob
        let negate: Bool
        let mustBeDirectory: Bool
        let matchBaseNameOnly: Bool
    }

    private var rules: [Rule] = []

    /// A bad rule, with its line number.
    public struct InvalidRule: Error, Equatable, CustomStringConvertible {
        /// 1-based line in `.helmignore`.
        public let line: Int
        /// The rule text.
        public let rule: String
        /// What is wrong.
        public let reason: String
        /// A message naming the file and line.
        public var description: String { ".helmignore:\(line): \(reason) in rule \"\(rule)\"" }
    }

    /// An empty rule set with Helm's default (dotfiles under `templates/` are ignored).
    public init() {
        addDefaults()
    }

    /// Parses the text of a `.helmignore` file and adds Helm's defaults after it.
    public init(parsing text: String) throws {
        var lineNumber = 0
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        for rawLine in body.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            try addRule(String(rawLine), line: lineNumber)
        }
        addDefaults()
    }

    private mutating func addDefaults() {
        // Mirrors Helm's AddDefaults: `templates/.?*`.
        if let glob = try? GoGlob("templates/.?*") {
            rules.append(Rule(glob: glob, negate: false, mustBeDirectory: false, matchBaseNameOnly: false))
        }
    }

    private mutating func addRule(_ raw: String, line: Int) throws {
        var rule = raw.trimmingWhitespace()
        if rule.isEmpty || rule.hasPrefix("#") { return }
        if rule.contains("**") {
            throw InvalidRule(line: line, rule: rule, reason: "double-star (**) syntax is not supported")
        }
        var negate = false
        if rule.hasPrefix("!") { negate = true; rule.removeFirst() }
        var mustBeDirectory = false
        if rule.hasSuffix("/") { mustBeDirectory = true; rule.removeLast() }
        var baseNameOnly = true
        if rule.hasPrefix("/") {
            rule.removeFirst()
            baseNameOnly = false
        } else if rule.contains("/") {
            baseNameOnly = false
        }
        let glob: GoGlob
        do { glob = try GoGlob(rule) } catch {
            throw InvalidRule(line: line, rule: raw.trimmingWhitespace(), reason: "syntax error in pattern")
        }
        rules.append(Rule(glob: glob, negate: negate, mustBeDirectory: mustBeDirectory, matchBaseNameOnly: baseNameOnly))
    }

    /// Whether the chart-relative `path` (with `/` separators) should be left out.
    public func ignores(_ path: String, isDirectory: Bool) -> Bool {
        if path.isEmpty || path == "." || path == "./" { return false }
        for rule in rules {
            let subject = rule.matchBaseNameOnly ? baseName(path) : path
            if rule.negate {
                if rule.mustBeDirectory && !isDirectory { return true }
                if !rule.glob.matches(subject) { return true }
                continue
            }
            if rule.mustBeDirectory && !isDirectory { continue }
            if rule.glob.matches(subject) { return true }
        }
        return false
    }

    /// The last path element, trailing slashes dropped (a lone "/" stays). Scanned as UTF-8
    /// bytes: this runs for every file of a chart directory and every rule.
    private func baseName(_ path: String) -> String {
        let bytes = path.utf8
        var end = bytes.endIndex
        while bytes.distance(from: bytes.startIndex, to: end) > 1, bytes[bytes.index(before: end)] == UInt8(ascii: "/") {
            end = bytes.index(before: end)
        }
        var start = end
        while start > bytes.startIndex, bytes[bytes.index(before: start)] != UInt8(ascii: "/") { start = bytes.index(before: start) }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs, CR and LF (Go's TrimSpace for ASCII).
    func trimmingWhitespace() -> String {
        String(Substring(self).trimmingWhitespaceSubstring())
    }
}
