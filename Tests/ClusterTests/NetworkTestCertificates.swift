import COpenSSL
import Foundation

/// Certificates made with OpenSSL for the TLS tests: an ingress-nginx style fake certificate,
/// a small authority and a server certificate it signs.
enum TestCertificates {
    /// A certificate and its key, as PEM.
    struct Issued {
        var certificatePEM: String
        var keyPEM: String
    }

    /// What to put in a certificate.
    struct Spec {
        var subjectCommonName: String
        var subjectOrganization: String?
        var dnsNames: [String] = []
        var validFrom: TimeInterval = -3600         // seconds from now
        var validFor: TimeInterval = 90 * 86_400
        var isAuthority = false
    }

    /// Issues `spec`, self-signed unless `issuer` is given.
    static func issue(_ spec: Spec, issuer: Issued? = nil) throws -> Issued {
        let key = try makeKey()
        defer { EVP_PKEY_free(key) }
        guard let x509 = X509_new() else { throw TestServerError("X509_new") }
        defer { X509_free(x509) }
        X509_set_version(x509, 2)
        ASN1_INTEGER_set(X509_get_serialNumber(x509), Int(UInt16.random(in: 1...UInt16.max)))
        let subject = X509_NAME_new()
        defer { X509_NAME_free(subject) }
        if let org = spec.subjectOrganization { X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8, org, -1, -1, 0) }
        X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8, spec.subjectCommonName, -1, -1, 0)
        X509_set_subject_name(x509, subject)
        X509_gmtime_adj(X509_getm_notBefore(x509), Int(spec.validFrom))
        X509_gmtime_adj(X509_getm_notAfter(x509), Int(spec.validFrom + spec.validFor))
        X509_set_pubkey(x509, key)

        var issuerCert: OpaquePointer?
        var issuerKey: OpaquePointer?
        defer { if let issuerCert { X509_free(issuerCert) }; if let issuerKey { EVP_PKEY_free(issuerKey) } }
        if let issuer {
            issuerCert = try parseCertificate(issuer.certificatePEM)
            issuerKey = try parseKey(issuer.keyPEM)
        }
        X509_set_issuer_name(x509, issuerCert.map { X509_get_subject_name($0) } ?? subject)
        try addExtension(x509, NID_basic_constraints, spec.isAuthority ? "critical,CA:TRUE" : "CA:FALSE")
        if spec.isAuthority { try addExtension(x509, NID_key_usage, "critical,keyCertSign,cRLSign") }
        if !spec.dnsNames.isEmpty {
            try addExtension(x509, NID_subject_alt_name, spec.dnsNames.map { "DNS:\($0)" }.joined(separator: ","))
        }
        guard X509_sign(x509, issuerKey ?? key, EVP_sha256()) > 0 else { throw TestServerError("X509_sign") }
        return Issued(certificatePEM: try pem { PEM_write_bio_X509($0, x509) },
                      keyPEM: try pem { PEM_write_bio_PrivateKey($0, key, nil, nil, 0, nil, nil) })
    }

    /// What ingress-nginx serves before a real certificate exists.
    static func ingressNginxFake() throws -> Issued {
        try issue(Spec(subjectCommonName: "Kubernetes Ingress Controller Fake Certificate", subjectOrganization: "Acme Co",
                       dnsNames: ["ingress.local"], validFor: 365 * 86_400))
    }

    static func parseCertificate(_ pem: String) throws -> OpaquePointer {
        let cert: OpaquePointer? = withBIO(pem) { PEM_read_bio_X509($0, nil, nil, nil) }
        guard let cert else { throw TestServerError("cannot read certificate") }
        return cert
    }

    static func parseKey(_ pem: String) throws -> OpaquePointer {
        let key: OpaquePointer? = withBIO(pem) { PEM_read_bio_PrivateKey($0, nil, nil, nil) }
        guard let key else { throw TestServerError("cannot read key") }
        return key
    }

    private static func makeKey() throws -> OpaquePointer {
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_EC, nil) else { throw TestServerError("EVP_PKEY_CTX_new_id") }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1,
              EVP_PKEY_CTX_set_ec_paramgen_curve_nid(context, NID_X9_62_prime256v1) == 1,
              EVP_PKEY_keygen(context, &key) == 1, let key else { throw TestServerError("key generation") }
        return key
    }

    private static func addExtension(_ x509: OpaquePointer, _ nid: Int32, _ value: String) throws {
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, x509, x509, nil, nil, 0)
        guard let ext = X509V3_EXT_nconf_nid(nil, &context, nid, value) else { throw TestServerError("extension \(value)") }
        defer { X509_EXTENSION_free(ext) }
        X509_add_ext(x509, ext, -1)
    }

    private static func withBIO<T>(_ text: String, _ body: (OpaquePointer) -> T?) -> T? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { raw in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
            defer { BIO_free(bio) }
            return body(bio)
        }
    }

    private static func pem(_ write: (OpaquePointer) -> Int32) throws -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw TestServerError("BIO_new") }
        defer { BIO_free(bio) }
        guard write(bio) == 1 else { throw TestServerError("PEM write") }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { BIO_read(bio, $0.baseAddress, Int32($0.count)) }
            if n <= 0 { break }
            out += buffer[0..<Int(n)]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
