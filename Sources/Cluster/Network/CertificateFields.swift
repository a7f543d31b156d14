import COpenSSL
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import Installer

/// The fields of an X.509 certificate that the TLS check looks at.
public struct CertificateFields: Hashable, Sendable {
    /// The subject's common name.
    public var subjectCommonName: String?
    /// The DNS names of the subject alternative name extension, in order.
    public var subjectAltNames: [String]
    /// The issuer's common name.
    public var issuerCommonName: String?
    /// The issuer's organization.
    public var issuerOrganization: String?
    /// Start of validity.
    public var notBefore: Date?
    /// End of validity.
    public var notAfter: Date?

    /// Fields given directly.
    public init(subjectCommonName: String? = nil, subjectAltNames: [String] = [], issuerCommonName: String? = nil,
                issuerOrganization: String? = nil, notBefore: Date? = nil, notAfter: Date? = nil) {
        self.subjectCommonName = subjectCommonName; self.subjectAltNames = subjectAltNames
        self.issuerCommonName = issuerCommonName; self.issuerOrganization = issuerOrganization
        self.notBefore = notBefore; self.notAfter = notAfter
    }

    /// Reads the first certificate of a PEM text; nil when there is none or it does not parse.
    public init?(pem: String) {
        let bytes = Array(pem.utf8)
        let x509: OpaquePointer? = bytes.withUnsafeBytes { raw in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_X509(bio, nil, nil, nil)
        }
        guard let x509 else { ERR_clear_error(); return nil }
        defer { X509_free(x509) }
        self.init(x509: x509)
    }

    /// Reads the fields of an OpenSSL `X509*`.
    init(x509: OpaquePointer) {
        let subject = X509_get_subject_name(x509)
        let issuer = X509_get_issuer_name(x509)
        self.init(subjectCommonName: Self.entry(subject, NID_commonName),
                  subjectAltNames: Self.dnsNames(x509),
                  issuerCommonName: Self.entry(issuer, NID_commonName),
                  issuerOrganization: Self.entry(issuer, NID_organizationName),
                  notBefore: Self.date(X509_get0_notBefore(x509)),
                  notAfter: Self.date(X509_get0_notAfter(x509)))
    }

    /// Copies the fields into a handshake result.
    public func apply(to result: inout TLSHandshakeResult) {
        result.subjectCommonName = subjectCommonName
        result.subjectAltNames = subjectAltNames
        result.issuerCommonName = issuerCommonName
        result.issuerOrganization = issuerOrganization
        result.notBefore = notBefore
        result.notAfter = notAfter
    }

    /// The last entry of `nid` in a name, as UTF-8.
    private static func entry(_ name: OpaquePointer?, _ nid: Int32) -> String? {
        guard let name else { return nil }
        var index: Int32 = -1, last: Int32 = -1
        while true {
            index = X509_NAME_get_index_by_NID(name, nid, index)
            if index < 0 { break }
            last = index
        }
        guard last >= 0, let entry = X509_NAME_get_entry(name, last), let data = X509_NAME_ENTRY_get_data(entry) else { return nil }
        return string(data)
    }

    private static func string(_ value: UnsafePointer<ASN1_STRING>) -> String? {
        var out: UnsafeMutablePointer<UInt8>?
        let length = ASN1_STRING_to_UTF8(&out, value)
        guard length >= 0, let out else { return nil }
        defer { CRYPTO_free(out, #fileID, #line) }
        return String(decoding: UnsafeBufferPointer(start: out, count: Int(length)), as: UTF8.self)
    }

    private static func dnsNames(_ x509: OpaquePointer) -> [String] {
        guard let raw = X509_get_ext_d2i(x509, NID_subject_alt_name, nil, nil) else { return [] }
        let stack = OpaquePointer(raw)
        defer { GENERAL_NAMES_free(stack) }
        var names: [String] = []
        for i in 0..<OPENSSL_sk_num(stack) {
            guard let element = OPENSSL_sk_value(stack, i) else { continue }
            var type: Int32 = 0
            guard let value = GENERAL_NAME_get0_value(element.assumingMemoryBound(to: GENERAL_NAME.self), &type),
                  type == GEN_DNS else { continue }
            let asn1 = value.assumingMemoryBound(to: ASN1_STRING.self)
            guard let data = ASN1_STRING_get0_data(asn1) else { continue }
            names.append(String(decoding: UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(asn1))), as: UTF8.self))
        }
        return names
    }

    private static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date? {
        guard let time else { return nil }
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
