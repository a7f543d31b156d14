import Installer

/// Deterministic "generated" passwords for tests: `test0secret…`, `test1secret…`, padded.
final class CountingSecrets: SecretSource, @unchecked Sendable {
    private var next = 0
    private(set) var handedOut: [String] = []

    func secret(length: Int) -> String {
        let base = "test\(next)secret"
        next += 1
        let value = String((base + String(repeating: "x", count: max(0, length - base.count))).prefix(length))
        handedOut.append(value)
        return value
    }
}
