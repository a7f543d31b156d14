/// Where generated passwords come from. The real one draws from the system's CSPRNG.
public protocol SecretSource: Sendable {
    /// A new secret of `length` characters from [A-Za-z0-9].
    func secret(length: Int) -> String
}

/// Passwords from the operating system's cryptographically secure generator (getrandom on Linux).
public struct SystemSecretSource: SecretSource {
    /// Creates the source.
    public init() {}

    /// A new secret of `length` characters from [A-Za-z0-9], uniformly chosen.
    public func secret(length: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return SecretAlphabet.string(length: length) { Int.random(in: 0..<SecretAlphabet.characters.count, using: &generator) }
    }
}

/// The characters generated secrets use: safe in URLs, shells and YAML without quoting.
public enum SecretAlphabet {
    /// A–Z, a–z, 0–9.
    public static let characters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// `length` characters picked by `index` (0..<62 each call).
    public static func string(length: Int, index: () -> Int) -> String {
        String((0..<length).map { _ in characters[index()] })
    }
}
