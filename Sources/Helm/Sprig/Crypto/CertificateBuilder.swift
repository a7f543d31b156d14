import COpenSSL
import GoTemplate

/// X.509 v3 certificates as Sprig builds them with Go's `x509.CreateCertificate`.
enum CertificateBuilder {
    /// What Sprig's `getBaseCertTemplate` fills in.
    struct Template {
        var commonName: String
        var ipAddresses: [[UInt8]]
        var dnsNames: [String]
        var daysValid: Int
        var serial: [UInt8]
        var isCA = false
    }

    /// Validates the lists like Sprig (`getNetIPs`, `getAlternateDNSStrs`) and draws a 128-bit serial.
    static func template(commonName: String, ips: Value, alternateDNS: Value, daysValid: Int,
                         random: any SprigRandomSource) throws -> Template {
        var addresses: [[UInt8]] = []
        for ip in try list(ips) {
            guard case .string(let text) = ip else { throw FunctionError("error parsing ip: \(GoFormat.string(ip)) is not a string") }
            guard let bytes = IPAddress.parse(text) else { throw FunctionError("error parsing ip: \(text)") }
            addresses.append(bytes)
        }
        var names: [String] = []
        for name in try list(alternateDNS) {
            guard case .string(let text) = name else {
                throw FunctionError("error processing alternate dns name: \(GoFormat.string(name)) is not a string")
            }
            names.append(text)
        }
        // crypto/rand.Int below 2^128 reads 16 bytes and keeps them all.
        return Template(commonName: commonName, ipAddresses: addresses, dnsNames: names, daysValid: daysValid,
                        serial: random.bytes(16))
    }

    /// A `[]interface{}` argument: a list, or nil for none.
    static func list(_ value: Value) throws -> [Value] {
        switch value {
        case .list(let items): return items
        case .null: return []
        default: throw FunctionError("wrong type for value; expected []interface {}; got \(GoFormat.typeName(value))")
        }
    }

    /// Go's asn1 PrintableString alphabet (without `*` and `&`, which force UTF8String).
    private static func isPrintable(_ text: String) -> Bool {
        text.utf8.allSatisfy { c in
            (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
                || " '()+,-./:=?".utf8.contains(c)
        }
    }

    /// Signs `template` for `subjectKey`; self-signed when `issuer` is nil.
    static func create(_ template: Template, subjectKey: PrivateKey,
                       issuer: (cert: OpaquePointer, key: PrivateKey)?) throws -> SprigCertificate {
        func fail(_ message: String) -> FunctionError { FunctionError("error creating certificate: \(message)") }
        let signingKey = issuer?.key ?? subjectKey
        if signingKey.kind == .dsa { throw fail("x509: certificate private key does not implement crypto.Signer") }
        if subjectKey.kind == .dsa { throw fail("x509: unsupported public key type: *dsa.PublicKey") }
        for name in template.dnsNames where !name.utf8.allSatisfy({ $0 < 0x80 }) {
            throw fail("x509: \(GoFormat.sprintf("%q", [.string(name)])) cannot be encoded as an IA5String")
        }
        if let issuer, X509_check_private_key(issuer.cert, issuer.key.pkey) != 1 {
            ERR_clear_error()
            throw fail("x509: provided PrivateKey doesn't match parent's PublicKey")
        }

        guard let x509 = X509_new() else { throw fail("out of memory") }
        defer { X509_free(x509) }
        var ok = X509_set_version(x509, 2) == 1

        let serial = template.serial.withUnsafeBufferPointer { BN_bin2bn($0.baseAddress, Int32($0.count), nil) }
        defer { BN_free(serial) }
        ok = ok && BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(x509)) != nil

        let subject = X509_NAME_new()
        defer { X509_NAME_free(subject) }
        if !template.commonName.isEmpty {
            let type = isPrintable(template.commonName) ? V_ASN1_PRINTABLESTRING : V_ASN1_UTF8STRING
            let bytes = Array(template.commonName.utf8)
            ok = ok && X509_NAME_add_entry_by_NID(subject, NID_commonName, type, bytes, Int32(bytes.count), -1, 0) == 1
        }
        ok = ok && X509_set_subject_name(x509, subject) == 1
        ok = ok && X509_set_issuer_name(x509, issuer.map { X509_get_subject_name($0.cert) } ?? subject) == 1

        let now = time_t(shim_unix_time())
        ok = ok && ASN1_TIME_set(X509_getm_notBefore(x509), now) != nil
        ok = ok && ASN1_TIME_set(X509_getm_notAfter(x509), now &+ time_t(clamping: template.daysValid).multipliedReportingOverflow(by: 86_400).partialValue) != nil
        ok = ok && X509_set_pubkey(x509, subjectKey.pkey) == 1
        guard ok else { throw fail(OpenSSLDER.lastError()) }

        try addExtensions(template, to: x509, subjectIsEmpty: template.commonName.isEmpty, issuer: issuer?.cert)

        let digest = signingKey.kind == .ed25519 ? nil : EVP_sha256()
        guard X509_sign(x509, signingKey.pkey, digest) > 0,
              let der = OpenSSLDER.encode({ i2d_X509(x509, $0) }) else { throw fail(OpenSSLDER.lastError()) }
        return SprigCertificate(cert: PEMBlock.encode(type: "CERTIFICATE", bytes: der), key: subjectKey.pem)
    }

    /// Go's extensions in Go's order: key usage, extended key usage, basic constraints,
    /// subject key id (CAs), authority key id (when the issuer has one), alternative names.
    private static func addExtensions(_ template: Template, to x509: OpaquePointer, subjectIsEmpty: Bool,
                                      issuer: OpaquePointer?) throws {
        func add(_ nid: Int32, _ value: String) throws {
            guard let ext = X509V3_EXT_nconf_nid(nil, nil, nid, value) else {
                throw FunctionError("error creating certificate: \(OpenSSLDER.lastError())")
            }
            defer { X509_EXTENSION_free(ext) }
            guard X509_add_ext(x509, ext, -1) == 1 else { throw FunctionError("error creating certificate: \(OpenSSLDER.lastError())") }
        }
        try add(NID_key_usage, template.isCA ? "critical,digitalSignature,keyEncipherment,keyCertSign"
                                             : "critical,digitalSignature,keyEncipherment")
        try add(NID_ext_key_usage, "serverAuth,clientAuth")
        try add(NID_basic_constraints, template.isCA ? "critical,CA:TRUE" : "critical,CA:FALSE")
        if template.isCA {
            var context = X509V3_CTX()
            X509V3_set_ctx(&context, x509, x509, nil, nil, 0)
            guard let ext = X509V3_EXT_nconf_nid(nil, &context, NID_subject_key_identifier, "hash") else {
                throw FunctionError("error creating certificate: \(OpenSSLDER.lastError())")
            }
            defer { X509_EXTENSION_free(ext) }
            X509_add_ext(x509, ext, -1)
        }
        if let issuer, let keyID = X509_get0_subject_key_id(issuer),
           X509_NAME_cmp(X509_get_subject_name(issuer), X509_get_subject_name(x509)) != 0 {
            let akid = shim_akid_with_keyid(keyID)
            defer { AUTHORITY_KEYID_free(akid) }
            X509_add1_ext_i2d(x509, NID_authority_key_identifier, UnsafeMutableRawPointer(akid), 0, 0)
        }
        if !template.dnsNames.isEmpty || !template.ipAddresses.isEmpty {
            let names = shim_general_names_new()
            defer { shim_general_names_free(names) }
            for name in template.dnsNames {
                let bytes = Array(name.utf8)
                shim_general_names_add(names, GEN_DNS, bytes, Int32(bytes.count))
            }
            for ip in template.ipAddresses { shim_general_names_add(names, GEN_IPADD, ip, Int32(ip.count)) }
            X509_add1_ext_i2d(x509, NID_subject_alt_name, UnsafeMutableRawPointer(names), subjectIsEmpty ? 1 : 0, 0)
        }
    }

    /// Parses the first PEM certificate in `text` (Sprig's signer certificate).
    static func parseCertificate(pem text: String, context: String) throws -> OpaquePointer {
        guard let block = PEMBlock.first(in: text) else { throw FunctionError("unable to decode certificate") }
        let cert = block.bytes.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_X509(nil, &cursor, buffer.count)
        }
        guard let cert else {
            throw FunctionError("error parsing certificate: \(context): x509: malformed certificate (\(OpenSSLDER.lastError()))")
        }
        return cert
    }
}
