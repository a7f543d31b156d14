/// A line-by-line diff (longest common subsequence), for showing how values.yaml changes.
public enum LineDiff {
    /// One line of a diff.
    public enum Change: Sendable, Hashable {
        /// In both files.
        case same(String)
        /// Only in the new file.
        case added(String)
        /// Only in the old file.
        case removed(String)
    }

    /// The changes that turn `old` into `new`.
    public static func diff(_ old: [String], _ new: [String]) -> [Change] {
        // Common prefix and suffix first: values files usually differ in a few places.
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let a = Array(old[prefix..<(old.count - suffix)]), b = Array(new[prefix..<(new.count - suffix)])
        // lengths[i][j]: LCS length of a[i...] and b[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var changes = old[..<prefix].map(Change.same)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                changes.append(.same(a[i])); i += 1; j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                changes.append(.removed(a[i])); i += 1
            } else {
                changes.append(.added(b[j])); j += 1
            }
        }
        changes += old[(old.count - suffix)...].map(Change.same)
        return changes
    }

    /// The diff as display lines: changed lines with `context` unchanged lines around them,
    /// `+`/`-` marks, and a `@@ line N @@` heading for each group. Empty when nothing changed.
    public static func lines(old: String, new: String, context: Int = 3) -> [StyledLine] {
        let changes = diff(splitLines(old), splitLines(new))
        let changed = changes.indices.filter { if case .same = changes[$0] { return false } else { return true } }
        guard !changed.isEmpty else { return [] }
        var keep = Set<Int>()
        for index in changed {
            for k in max(0, index - context)...min(changes.count - 1, index + context) { keep.insert(k) }
        }
        var result: [StyledLine] = []
        var newLine = 1
        var previous = -2
        for (index, change) in changes.enumerated() {
            if keep.contains(index) {
                if index != previous + 1 { result.append(StyledLine("@@ line \(newLine) @@", style: .muted)) }
                switch change {
                case .same(let text): result.append(StyledLine("  " + text))
                case .added(let text): result.append(StyledLine("+ " + text, style: CellStyle(bold: true, role: .success)))
                case .removed(let text): result.append(StyledLine("- " + text, style: CellStyle(role: .error)))
                }
                previous = index
            }
            if case .removed = change {} else { newLine += 1 }
        }
        return result
    }

    /// Lines of a text; a final line break does not add an empty line.
    public static func splitLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
