/// A line diff (longest common subsequence) of two short texts, printed `  same`, `- old`, `+ new`
/// with up to `context` unchanged lines around each change.
public enum TextLineDiff {
    /// The diff lines; empty when the texts are equal.
    public static func lines(old: [String], new: [String], context: Int = 3) -> [String] {
        let n = old.count, m = new.count
        // lcs[i][j]: length of the common subsequence of old[i...] and new[j...].
        var lcs = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = old[i] == new[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops: [(Character, String)] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] { ops.append((" ", old[i])); i += 1; j += 1 }
            else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] { ops.append(("-", old[i])); i += 1 }
            else { ops.append(("+", new[j])); j += 1 }
        }
        guard ops.contains(where: { $0.0 != " " }) else { return [] }
        var keep = Array(repeating: false, count: ops.count)
        for (index, op) in ops.enumerated() where op.0 != " " {
            for k in max(0, index - context)...min(ops.count - 1, index + context) { keep[k] = true }
        }
        var out: [String] = []
        var skipped = false
        for (index, op) in ops.enumerated() {
            if keep[index] {
                if skipped { out.append("  …"); skipped = false }
                out.append("\(op.0) \(op.1)")
            } else {
                skipped = true
            }
        }
        if skipped { out.append("  …") }
        return out
    }
}
