/// The lines that changed between two texts (Myers' O((N+M)·D) algorithm), for transcripts
/// that record a repeated poll as what changed since the last one. Pure.
public enum LineDiff {
    /// One changed stretch: `removed` lines at `oldStart` replaced by `added` at `newStart` (0-based).
    public struct Hunk: Sendable, Hashable {
        /// Where the removed lines were in the old text.
        public var oldStart: Int
        /// Where the added lines are in the new text.
        public var newStart: Int
        /// The old lines that are gone.
        public var removed: [String]
        /// The new lines that replace them.
        public var added: [String]
    }

    /// The hunks turning `old` into `new`, or nil when more than `maxEdits` lines changed
    /// (recording the whole new text is then as short and cheaper to find).
    public static func hunks(from old: [String], to new: [String], maxEdits: Int) -> [Hunk]? {
        // Equal ends cost nothing; only the middle goes through the search.
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let a = Array(old[prefix..<(old.count - suffix)]), b = Array(new[prefix..<(new.count - suffix)])
        guard let script = editScript(a, b, maxEdits: maxEdits) else { return nil }
        var hunks: [Hunk] = []
        var i = 0, j = 0
        var current: Hunk?
        for step in script {
            switch step {
            case .keep:
                if let hunk = current { hunks.append(hunk); current = nil }
                i += 1
                j += 1
            case .remove:
                if current == nil { current = Hunk(oldStart: prefix + i, newStart: prefix + j, removed: [], added: []) }
                current?.removed.append(a[i])
                i += 1
            case .insert:
                if current == nil { current = Hunk(oldStart: prefix + i, newStart: prefix + j, removed: [], added: []) }
                current?.added.append(b[j])
                j += 1
            }
        }
        if let hunk = current { hunks.append(hunk) }
        return hunks
    }

    private enum Step { case keep, remove, insert }

    /// The shortest edit script from `a` to `b`, or nil past `maxEdits`.
    private static func editScript(_ a: [String], _ b: [String], maxEdits: Int) -> [Step]? {
        let n = a.count, m = b.count
        if n == 0 { return m <= maxEdits ? Array(repeating: .insert, count: m) : nil }
        if m == 0 { return n <= maxEdits ? Array(repeating: .remove, count: n) : nil }
        let limit = min(n + m, maxEdits)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        for d in 0...limit {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n, y >= m { return backtrack(trace, n: n, m: m, offset: offset, final: d) }
            }
        }
        return nil
    }

    private static func backtrack(_ trace: [[Int]], n: Int, m: Int, offset: Int, final: Int) -> [Step] {
        var steps: [Step] = []
        var x = n, y = m
        for d in stride(from: final, through: 1, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? k + 1 : k - 1
            let previousX = v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                steps.append(.keep)
                x -= 1
                y -= 1
            }
            steps.append(x == previousX ? .insert : .remove)
            x = previousX
            y = previousY
        }
        while x > 0, y > 0 {
            steps.append(.keep)
            x -= 1
            y -= 1
        }
        return steps.reversed()
    }
}
