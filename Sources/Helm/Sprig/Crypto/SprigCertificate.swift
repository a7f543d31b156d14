import GoTemplate

/// Sprig's `certificate` struct: PEM text of a certificate and its private key (`.Cert`, `.Key`).
final class SprigCertificate: TemplateObject, Sendable {
    /// The certificate as PEM.
    let cert: String
    /// The private key as PEM.
    let key: String

    init(cert: String, key: String) {
        self.cert = cert
        self.key = key
    }

    /// Go's type name (a struct value, not a pointer).
    var goTypeName: String { "sprig.certificate" }

    /// The two exported fields.
    func field(_ name: String) -> Value? {
        switch name {
        case "Cert": return .string(cert)
        case "Key": return .string(key)
        default: return nil
        }
    }

    /// No methods.
    func callMethod(_ name: String, _ arguments: [Value]) throws -> Value? { nil }

    /// No methods.
    func hasMethod(_ name: String) -> Bool { false }

    /// `%v` of the struct: `{CERT KEY}`.
    var goFormatted: String { "{\(cert) \(key)}" }

    /// What `toJson` sees.
    var jsonValue: Value { .map(ValueMap(["Cert": .string(cert), "Key": .string(key)])) }
}
