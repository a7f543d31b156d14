import COpenSSL
import GoTemplate

/// Sprig's `genPrivateKey`, `buildCustomCert` and the `genCA`/`genSelfSignedCert`/`genSignedCert` families.
enum CertificateFunctions {
    /// Adds the functions to `table`, with `random` for serial numbers.
    static func register(into table: inout [String: TemplateFunction], random: any SprigRandomSource) {
        func add(_ name: String, _ body: @escaping (SprigArguments) throws -> Value) {
            table[name] = TemplateFunction(name) { _, values in try body(SprigArguments(name: name, values: values)) }
        }
        add("genPrivateKey") { a in try a.count(1); return .string(generatePrivateKey(try a.string(0))) }
        add("buildCustomCert") { a in try a.count(2)
            return .object(try buildCustom(base64Cert: try a.string(0), base64Key: try a.string(1))) }
        add("genCA") { a in try a.count(2)
            let key = try rsaKey()
            return .object(try certificateAuthority(cn: try a.string(0), days: try a.int(1), key: key, random: random)) }
        add("genCAWithKey") { a in try a.count(3)
            let key = try parseKey(try a.string(2), prefix: "parsing private key: ")
            return .object(try certificateAuthority(cn: try a.string(0), days: try a.int(1), key: key, random: random)) }
        add("genSelfSignedCert") { a in try a.count(4)
            let key = try rsaKey()
            return .object(try selfSigned(a, key: key, random: random)) }
        add("genSelfSignedCertWithKey") { a in try a.count(5)
            let key = try parseKey(try a.string(4), prefix: "parsing private key: ")
            return .object(try selfSigned(a, key: key, random: random)) }
        add("genSignedCert") { a in try a.count(5)
            let key = try rsaKey()
            return .object(try signed(a, key: key, random: random)) }
        add("genSignedCertWithKey") { a in try a.count(6)
            let key = try parseKey(try a.string(5), prefix: "parsing private key: ")
            return .object(try signed(a, key: key, random: random)) }
    }

    /// `genPrivateKey`: PEM text, or Sprig's message as the result on failure.
    static func generatePrivateKey(_ type: String) -> String {
        let kind: PrivateKey.Kind
        switch type {
        case "", "rsa": kind = .rsa
        case "dsa": kind = .dsa
        case "ecdsa": kind = .ecdsa
        case "ed25519": kind = .ed25519
        default: return "Unknown type " + type
        }
        do {
            return try PrivateKey.generate(kind).pem
        } catch let error as FunctionError {
            return error.message
        } catch {
            return "failed to generate private key: \(error)"
        }
    }

    /// The 2048-bit RSA key Sprig makes for certificates.
    private static func rsaKey() throws -> PrivateKey {
        do {
            return try PrivateKey.generate(.rsa, rsaBits: 2048)
        } catch let error as FunctionError {
            throw FunctionError("error generating rsa key: \(error.message)")
        }
    }

    private static func parseKey(_ pem: String, prefix: String) throws -> PrivateKey {
        do {
            return try PrivateKey.parse(pem: pem)
        } catch let error as FunctionError {
            throw FunctionError(prefix + error.message)
        }
    }

    /// The `ca` argument: a certificate object from `genCA` or `buildCustomCert`.
    private static func certificate(_ a: SprigArguments, _ i: Int) throws -> SprigCertificate {
        if case .object(let object) = a.values[i], let certificate = object as? SprigCertificate { return certificate }
        if case .null = a.values[i] { throw FunctionError("invalid value; expected sprig.certificate") }
        throw FunctionError("wrong type for value; expected sprig.certificate; got \(GoFormat.typeName(a.values[i]))")
    }

    private static func certificateAuthority(cn: String, days: Int, key: PrivateKey,
                                             random: any SprigRandomSource) throws -> SprigCertificate {
        var template = try CertificateBuilder.template(commonName: cn, ips: .null, alternateDNS: .null, daysValid: days, random: random)
        template.isCA = true
        return try CertificateBuilder.create(template, subjectKey: key, issuer: nil)
    }

    private static func selfSigned(_ a: SprigArguments, key: PrivateKey, random: any SprigRandomSource) throws -> SprigCertificate {
        let template = try CertificateBuilder.template(commonName: try a.string(0), ips: a.values[1], alternateDNS: a.values[2],
                                                       daysValid: try a.int(3), random: random)
        return try CertificateBuilder.create(template, subjectKey: key, issuer: nil)
    }

    private static func signed(_ a: SprigArguments, key: PrivateKey, random: any SprigRandomSource) throws -> SprigCertificate {
        let ca = try certificate(a, 4)
        let signerCert = try CertificateBuilder.parseCertificate(pem: ca.cert, context: "decodedSignerCert.Bytes")
        defer { X509_free(signerCert) }
        let signerKey = try parseKey(ca.key, prefix: "error parsing private key: ")
        let template = try CertificateBuilder.template(commonName: try a.string(0), ips: a.values[1], alternateDNS: a.values[2],
                                                       daysValid: try a.int(3), random: random)
        return try CertificateBuilder.create(template, subjectKey: key, issuer: (signerCert, signerKey))
    }

    /// `buildCustomCert`: checks that both base64 arguments hold a PEM certificate and key, and keeps their text.
    static func buildCustom(base64Cert: String, base64Key: String) throws -> SprigCertificate {
        guard case .success(let certBytes) = GoBase64.decode(base64Cert) else {
            throw FunctionError("unable to decode base64 certificate")
        }
        guard case .success(let keyBytes) = GoBase64.decode(base64Key) else {
            throw FunctionError("unable to decode base64 private key")
        }
        let certText = String(decoding: certBytes, as: UTF8.self), keyText = String(decoding: keyBytes, as: UTF8.self)
        let cert = try CertificateBuilder.parseCertificate(pem: certText, context: "decodedCert.Bytes")
        X509_free(cert)
        _ = try parseKey(keyText, prefix: "error parsing private key: ")
        return SprigCertificate(cert: certText, key: keyText)
    }
}
