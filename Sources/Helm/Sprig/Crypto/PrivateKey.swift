import COpenSSL
import GoTemplate

/// A private key (RSA, DSA, ECDSA P-256 or Ed25519) held as an OpenSSL `EVP_PKEY`.
final class PrivateKey {
    /// The key algorithms Sprig knows.
    enum Kind { case rsa, dsa, ecdsa, ed25519 }

    let pkey: OpaquePointer
    let kind: Kind

    private init(pkey: OpaquePointer, kind: Kind) {
        self.pkey = pkey
        self.kind = kind
    }

    deinit { EVP_PKEY_free(pkey) }

    /// Wraps `pkey`, taking ownership; nil (and freed) for key types Sprig does not handle.
    static func adopt(_ pkey: OpaquePointer) -> PrivateKey? {
        let kind: Kind
        switch EVP_PKEY_get_base_id(pkey) {
        case EVP_PKEY_RSA: kind = .rsa
        case EVP_PKEY_DSA: kind = .dsa
        case EVP_PKEY_EC: kind = .ecdsa
        case EVP_PKEY_ED25519: kind = .ed25519
        default: EVP_PKEY_free(pkey); return nil
        }
        return PrivateKey(pkey: pkey, kind: kind)
    }

    /// A fresh key; RSA with `rsaBits`, DSA with L=2048/N=256 parameters, ECDSA on P-256.
    static func generate(_ kind: Kind, rsaBits: Int32 = 4096) throws -> PrivateKey {
        var params: OpaquePointer?
        defer { EVP_PKEY_free(params) }
        let context: OpaquePointer?
        switch kind {
        case .dsa:
            let paramContext = EVP_PKEY_CTX_new_id(EVP_PKEY_DSA, nil)
            defer { EVP_PKEY_CTX_free(paramContext) }
            guard EVP_PKEY_paramgen_init(paramContext) == 1,
                  EVP_PKEY_CTX_set_dsa_paramgen_bits(paramContext, 2048) == 1,
                  EVP_PKEY_CTX_set_dsa_paramgen_q_bits(paramContext, 256) == 1,
                  EVP_PKEY_paramgen(paramContext, &params) == 1 else {
                throw FunctionError("failed to generate dsa params: \(OpenSSLDER.lastError())")
            }
            context = EVP_PKEY_CTX_new(params, nil)
        case .rsa: context = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, nil)
        case .ecdsa: context = EVP_PKEY_CTX_new_id(EVP_PKEY_EC, nil)
        case .ed25519: context = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nil)
        }
        defer { EVP_PKEY_CTX_free(context) }
        var ok = EVP_PKEY_keygen_init(context) == 1
        if ok && kind == .rsa { ok = EVP_PKEY_CTX_set_rsa_keygen_bits(context, rsaBits) == 1 }
        if ok && kind == .ecdsa { ok = EVP_PKEY_CTX_set_ec_paramgen_curve_nid(context, NID_X9_62_prime256v1) == 1 }
        var key: OpaquePointer?
        guard ok, EVP_PKEY_keygen(context, &key) == 1, let key, let wrapped = adopt(key) else {
            throw FunctionError("failed to generate private key: \(OpenSSLDER.lastError())")
        }
        return wrapped
    }

    /// PEM in the block Go's Sprig writes: PKCS#1 `RSA PRIVATE KEY`, `DSA PRIVATE KEY`
    /// (version, p, q, g, y, x), SEC 1 `EC PRIVATE KEY`, and PKCS#8 `PRIVATE KEY` for Ed25519.
    var pem: String {
        let der: [UInt8]?
        let type: String
        switch kind {
        case .rsa, .dsa, .ecdsa:
            // The legacy "type-specific" encodings are exactly Go's for these three.
            der = OpenSSLDER.encode { i2d_PrivateKey(pkey, $0) }
            type = kind == .rsa ? "RSA PRIVATE KEY" : kind == .dsa ? "DSA PRIVATE KEY" : "EC PRIVATE KEY"
        case .ed25519:
            let info = EVP_PKEY2PKCS8(pkey)
            defer { PKCS8_PRIV_KEY_INFO_free(info) }
            der = OpenSSLDER.encode { i2d_PKCS8_PRIV_KEY_INFO(info, $0) }
            type = "PRIVATE KEY"
        }
        return PEMBlock.encode(type: type, bytes: der ?? [])
    }

    /// Parses a PEM private key like Sprig's `parsePrivateKeyPEM`, with its error texts.
    static func parse(pem text: String) throws -> PrivateKey {
        guard let block = PEMBlock.first(in: text) else { throw FunctionError("no PEM data in input") }
        let der = block.bytes
        func decode(_ id: Int32) -> OpaquePointer? {
            der.withUnsafeBufferPointer { buffer in
                var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
                return d2i_PrivateKey(id, nil, &cursor, buffer.count)
            }
        }
        if block.type == "PRIVATE KEY" {
            let info = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
                var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
                return d2i_PKCS8_PRIV_KEY_INFO(nil, &cursor, buffer.count)
            }
            defer { PKCS8_PRIV_KEY_INFO_free(info) }
            guard let info, let pkey = EVP_PKCS82PKEY(info) else {
                throw FunctionError("decoding PEM as PKCS#8: x509: failed to parse private key: \(OpenSSLDER.lastError())")
            }
            guard let key = adopt(pkey) else {
                throw FunctionError("decoding PEM as PKCS#8: x509: PKCS#8 wrapping contained private key with unknown algorithm")
            }
            return key
        }
        guard block.type.hasSuffix(" PRIVATE KEY") else {
            throw FunctionError("no private key data in PEM block of type \(block.type)")
        }
        let (id, label): (Int32, String)
        switch block.type.dropLast(12) {
        case "RSA": (id, label) = (EVP_PKEY_RSA, "RSA")
        case "EC": (id, label) = (EVP_PKEY_EC, "EC")
        case "DSA": (id, label) = (EVP_PKEY_DSA, "DSA")
        default: throw FunctionError("invalid private key type \(block.type)")
        }
        guard let pkey = decode(id), let key = adopt(pkey) else {
            throw FunctionError("parsing \(label) private key from PEM: \(OpenSSLDER.lastError())")
        }
        return key
    }
}
