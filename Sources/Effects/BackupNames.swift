/// Names of timestamped backups, `values.yaml.2026-11-24T21-40-03.bak` (a second backup in the
/// same second gets `.2.bak`), and which old ones to delete.
public enum BackupNames {
    /// A fresh backup name for `fileName` at `stamp` that is not in `existing`.
    /// It sorts after every backup of the same second, even when older ones were pruned, so the
    /// newest backup is always the last in `toPrune`'s order.
    public static func name(for fileName: String, stamp: String, existing: Set<String>) -> String {
        let taken = existing.compactMap { parse($0, for: fileName) }.filter { $0.stamp == stamp }.map(\.sequence).max()
        guard let taken else { return "\(fileName).\(stamp).bak" }
        return "\(fileName).\(stamp).\(taken + 1).bak"
    }

    /// The stamp and sequence of a backup of `fileName`, or nil if `candidate` is not one.
    public static func parse(_ candidate: String, for fileName: String) -> (stamp: String, sequence: Int)? {
        let prefix = fileName + "."
        guard candidate.hasPrefix(prefix), candidate.hasSuffix(".bak") else { return nil }
        let middle = candidate.dropFirst(prefix.count).dropLast(4)
        let parts = middle.split(separator: ".", omittingEmptySubsequences: false)
        guard let stampPart = parts.first, isStamp(stampPart) else { return nil }
        switch parts.count {
        case 1: return (String(stampPart), 1)
        case 2:
            guard let sequence = Int(parts[1]), sequence >= 2 else { return nil }
            return (String(stampPart), sequence)
        default: return nil
        }
    }

    /// The backups of `fileName` among `names` beyond the newest `keep`, oldest first.
    public static func toPrune(_ names: [String], for fileName: String, keep: Int) -> [String] {
        let backups = names.compactMap { name in parse(name, for: fileName).map { (name, $0.stamp, $0.sequence) } }
            .sorted { ($0.1, $0.2) < ($1.1, $1.2) }
        guard backups.count > keep else { return [] }
        return backups.prefix(backups.count - keep).map(\.0)
    }

    // "2026-11-24T21-40-03"
    private static func isStamp(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 19 else { return false }
        for (index, byte) in bytes.enumerated() {
            switch index {
            case 4, 7, 13, 16: if byte != UInt8(ascii: "-") { return false }
            case 10: if byte != UInt8(ascii: "T") { return false }
            default: if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { return false }
            }
        }
        return true
    }
}
