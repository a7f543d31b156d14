import COpenSSL
import GoTemplate
import Testing
@testable import Helm

/// A parsed certificate, read back with OpenSSL.
final class ParsedCertificate {
    let x509: OpaquePointer
    init(_ pem: String) throws {
        x509 = try CertificateBuilder.parseCertificate(pem: pem, context: "test")
    }
    deinit { X509_free(x509) }

    /// OpenSSL's human-readable dump (subject, extensions, SANs).
    var text: String {
        let bio = BIO_new(BIO_s_mem())
        defer { BIO_free(bio) }
        X509_print(bio, x509)
        var out = [UInt8](repeating: 0, count: Int(BIO_ctrl_pending(bio)))
        let n = BIO_read(bio, &out, Int32(out.count))
        return String(decoding: out.prefix(Int(max(n, 0))), as: UTF8.self)
    }

    var commonName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        let n = X509_NAME_get_text_by_NID(X509_get_subject_name(x509), NID_commonName, &buffer, 256)
        return n < 0 ? "" : String(decoding: buffer.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    var isCA: Bool { X509_check_ca(x509) == 1 }

    /// Whole days and leftover seconds between notBefore and notAfter.
    var validity: (days: Int32, seconds: Int32) {
        var days: Int32 = 0, seconds: Int32 = 0
        ASN1_TIME_diff(&days, &seconds, X509_get0_notBefore(x509), X509_get0_notAfter(x509))
        return (days, seconds)
    }

    var serialHex: String {
        let bn = ASN1_INTEGER_to_BN(X509_get_serialNumber(x509), nil)
        defer { BN_free(bn) }
        let hex = BN_bn2hex(bn)
        defer { CRYPTO_free(hex, #file, #line) }
        return String(cString: hex!)
    }
}

@Suite struct SprigCryptoCertificateTests {
    @Test func privateKeyBlocksAreGoFormats() throws {
        let ec = try renderCrypto(#"{{ genPrivateKey "ecdsa" }}"#)
        #expect(ec.hasPrefix("-----BEGIN EC PRIVATE KEY-----\n") && ec.hasSuffix("-----END EC PRIVATE KEY-----\n"))
        let ecDER = try #require(PEMBlock.first(in: ec)).bytes
        // SEC 1: SEQUENCE(119) { INTEGER 1, OCTET STRING(32), [0] prime256v1, [1] public point }.
        #expect(Array(ecDER.prefix(7)) == [0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20])
        #expect(try PrivateKey.parse(pem: ec).kind == .ecdsa)

        let ed = try renderCrypto(#"{{ genPrivateKey "ed25519" }}"#)
        #expect(ed.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        let edDER = try #require(PEMBlock.first(in: ed)).bytes
        #expect(Array(edDER.prefix(16)) == [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20])
        #expect(edDER.count == 48)

        let rsa = try renderCrypto(#"{{ genPrivateKey "" }}"#)
        #expect(rsa.hasPrefix("-----BEGIN RSA PRIVATE KEY-----\n"))
        let rsaKey = try PrivateKey.parse(pem: rsa)
        #expect(rsaKey.kind == .rsa && EVP_PKEY_get_bits(rsaKey.pkey) == 4096)
        #expect(rsa.split(separator: "\n").dropFirst().dropLast().allSatisfy { $0.count <= 64 })

        #expect(try renderCrypto(#"{{ genPrivateKey "bad" }}"#) == "Unknown type bad")
    }

    @Test func dsaKeyIsTraditionalBlock() throws {
        let dsa = try renderCrypto(#"{{ genPrivateKey "dsa" }}"#)
        #expect(dsa.hasPrefix("-----BEGIN DSA PRIVATE KEY-----\n"))
        let key = try PrivateKey.parse(pem: dsa)
        #expect(key.kind == .dsa && EVP_PKEY_get_bits(key.pkey) == 2048)
        // DSA keys cannot sign certificates in Go.
        #expect(renderCryptoError("{{ genCAWithKey \"x\" 1 (genPrivateKey \"dsa\") }}")
            .contains("error creating certificate: x509: certificate private key does not implement crypto.Signer"))
    }

    @Test func certificateAuthority() throws {
        let pem = try renderCrypto(#"{{ $ca := genCA "foo-ca" 365 }}{{ $ca.Cert }}"#, random: ScriptedRandom([0xAB]))
        #expect(pem.hasPrefix("-----BEGIN CERTIFICATE-----\n") && pem.hasSuffix("-----END CERTIFICATE-----\n"))
        let cert = try ParsedCertificate(pem)
        #expect(cert.commonName == "foo-ca")
        #expect(cert.isCA)
        #expect(cert.validity == (365, 0))
        #expect(cert.serialHex == String(repeating: "AB", count: 16))
        #expect(X509_get_version(cert.x509) == 2)
        #expect(X509_get_key_usage(cert.x509) == UInt32(KU_DIGITAL_SIGNATURE | KU_KEY_ENCIPHERMENT | KU_KEY_CERT_SIGN))
        #expect(X509_get_extended_key_usage(cert.x509) == UInt32(XKU_SSL_SERVER | XKU_SSL_CLIENT))
        #expect(X509_get0_subject_key_id(cert.x509) != nil)
        #expect(X509_verify(cert.x509, X509_get0_pubkey(cert.x509)) == 1)
        #expect(EVP_PKEY_get_bits(X509_get0_pubkey(cert.x509)) == 2048)
        let text = cert.text
        #expect(text.contains("CA:TRUE") && text.contains("sha256WithRSAEncryption"))
        #expect(!text.contains("Authority Key Identifier"))
        let key = try renderCrypto(#"{{ (genCA "foo-ca" 1).Key }}"#)
        #expect(key.hasPrefix("-----BEGIN RSA PRIVATE KEY-----\n"))
    }

    @Test func selfSignedCertificateHasSANs() throws {
        let template = #"{{ $c := genSelfSignedCert "foo.com" (list "10.0.0.1" "10.0.0.2" "::1") (list "bar.com" "bat.com") 30 }}{{ $c.Cert }}"#
        let cert = try ParsedCertificate(try renderCrypto(template))
        #expect(cert.commonName == "foo.com")
        #expect(!cert.isCA)
        #expect(cert.validity == (30, 0))
        #expect(X509_get_key_usage(cert.x509) == UInt32(KU_DIGITAL_SIGNATURE | KU_KEY_ENCIPHERMENT))
        let text = cert.text
        #expect(text.contains("DNS:bar.com, DNS:bat.com, IP Address:10.0.0.1, IP Address:10.0.0.2, IP Address:0:0:0:0:0:0:0:1"), "\(text)")
        #expect(text.contains("CA:FALSE"))
        #expect(X509_verify(cert.x509, X509_get0_pubkey(cert.x509)) == 1)
    }

    @Test func signedCertificateVerifiesAgainstCA() throws {
        for (caKey, certKey) in [("", ""), ("ecdsa", "ed25519"), ("ed25519", "ecdsa")] {
            let caExpr = caKey.isEmpty ? #"genCA "foo" 365"# : "genPrivateKey \"\(caKey)\" | genCAWithKey \"foo\" 365"
            let certExpr = certKey.isEmpty ? #"genSignedCert "foo.com" (list "10.0.0.1") (list "bar.com") 365 $ca"#
                : "genPrivateKey \"\(certKey)\" | genSignedCertWithKey \"foo.com\" (list \"10.0.0.1\") (list \"bar.com\") 365 $ca"
            let out = try renderCrypto("{{ $ca := \(caExpr) }}{{ $cert := \(certExpr) }}{{ $ca.Cert }}|{{ $cert.Cert }}|{{ $cert.Key }}")
            let parts = out.split(separator: "|").map(String.init)
            let ca = try ParsedCertificate(parts[0]), cert = try ParsedCertificate(parts[1])
            #expect(cert.commonName == "foo.com" && !cert.isCA)
            #expect(X509_verify(cert.x509, X509_get0_pubkey(ca.x509)) == 1, "\(caKey)/\(certKey)")
            #expect(X509_check_issued(ca.x509, cert.x509) == X509_V_OK)
            #expect(cert.text.contains("Authority Key Identifier"))
            #expect(try PrivateKey.parse(pem: parts[2]).kind == (certKey == "ecdsa" ? .ecdsa : certKey == "ed25519" ? .ed25519 : .rsa))
        }
    }

    @Test func buildCustomCertKeepsText() throws {
        let out = try renderCrypto(#"{{ $ca := genCA "x" 2 }}{{ $b := buildCustomCert ($ca.Cert | b64enc) ($ca.Key | b64enc) }}{{ eq $b.Cert $ca.Cert }} {{ eq $b.Key $ca.Key }}"#)
        #expect(out == "true true")
        #expect(renderCryptoError(#"{{ $ca := genCA "x" 2 }}{{ buildCustomCert ("fail" | b64enc) ($ca.Key | b64enc) }}"#)
            .contains("unable to decode certificate"))
        #expect(renderCryptoError(#"{{ buildCustomCert "!" "!" }}"#).contains("unable to decode base64 certificate"))
    }

    @Test func failuresUseSprigTexts() {
        #expect(renderCryptoError(#"{{ genSelfSignedCertWithKey "a" (list "300.1.1.1") nil 1 (genPrivateKey "ecdsa") }}"#)
            .contains("error parsing ip: 300.1.1.1"))
        #expect(renderCryptoError(#"{{ genSelfSignedCertWithKey "a" (list 1) nil 1 (genPrivateKey "ecdsa") }}"#)
            .contains("error parsing ip: 1 is not a string"))
        #expect(renderCryptoError(#"{{ genSelfSignedCertWithKey "a" nil (list "ü.com") 1 (genPrivateKey "ecdsa") }}"#)
            .contains(#"x509: "ü.com" cannot be encoded as an IA5String"#))
        #expect(renderCryptoError(#"{{ genCAWithKey "a" 1 "nope" }}"#).contains("parsing private key: no PEM data in input"))
        #expect(renderCryptoError(#"{{ genSignedCertWithKey "a" nil nil 1 "ca" (genPrivateKey "ecdsa") }}"#)
            .contains("wrong type for value; expected sprig.certificate; got string"))
    }

    @Test func ipParsingFollowsGo() {
        #expect(IPAddress.parse("10.0.0.1") == [10, 0, 0, 1])
        #expect(IPAddress.parse("::ffff:1.2.3.4") == [1, 2, 3, 4])
        #expect(IPAddress.parse("2001:db8::1")?.count == 16)
        #expect(IPAddress.parse("01.2.3.4") == nil)
        #expect(IPAddress.parse("1.2.3") == nil)
        #expect(IPAddress.parse("fe80::1%eth0") == nil)
    }
}
