/// Malformed profile data: which file, which key, and what is wrong with it.
public struct ProfileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file, relative to `profiles/` (for example `chart-30/questions.yaml`).
    public let file: String
    /// The key path inside the file (`questions[3].kind`), empty for the whole file.
    public let key: String
    /// What is wrong, and what would be valid.
    public let message: String

    /// Creates an error.
    public init(file: String, key: String, message: String) {
        self.file = file
        self.key = key
        self.message = message
    }

    /// `profiles/<file>: <key>: <message>`.
    public var description: String {
        key.isEmpty ? "profiles/\(file): \(message)" : "profiles/\(file): \(key): \(message)"
    }
}
