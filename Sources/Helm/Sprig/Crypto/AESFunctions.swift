import COpenSSL
import GoTemplate

/// Sprig's `encryptAES`/`decryptAES`: AES-256-CBC under the password bytes zero-padded
/// (or cut) to 32, PKCS#7 padding, a random IV prepended, standard base64.
enum AESFunctions {
    private static func key(_ password: String) -> [UInt8] {
        let bytes = Array(password.utf8.prefix(32))
        return bytes + [UInt8](repeating: 0, count: 32 - bytes.count)
    }

    /// Raw AES-256-CBC over whole blocks, without OpenSSL's padding.
    static func cbc(_ input: [UInt8], key: [UInt8], iv: [UInt8], encrypt: Bool) -> [UInt8] {
        guard !input.isEmpty else { return [] }
        let context = EVP_CIPHER_CTX_new()
        defer { EVP_CIPHER_CTX_free(context) }
        var out = [UInt8](repeating: 0, count: input.count + 16)
        var written: Int32 = 0
        let ok = EVP_CipherInit_ex(context, EVP_aes_256_cbc(), nil, key, iv, encrypt ? 1 : 0) == 1
            && EVP_CIPHER_CTX_set_padding(context, 0) == 1
            && EVP_CipherUpdate(context, &out, &written, input, Int32(input.count)) == 1
        precondition(ok, "AES-256-CBC failed")
        return Array(out.prefix(Int(written)))
    }

    /// `encryptAES password plaintext`; "" stays "".
    static func encrypt(password: String, plaintext: String, random: any SprigRandomSource) -> String {
        guard !plaintext.isEmpty else { return "" }
        var content = Array(plaintext.utf8)
        let padding = 16 - content.count % 16
        content += [UInt8](repeating: UInt8(padding), count: padding)
        let iv = random.bytes(16)
        return GoBase64.encode(iv + cbc(content, key: key(password), iv: iv, encrypt: true))
    }

    /// `decryptAES password ciphertext`; failures are Go's errors and runtime panics.
    static func decrypt(password: String, ciphertext: String) throws -> String {
        guard !ciphertext.isEmpty else { return "" }
        let data: [UInt8]
        switch GoBase64.decode(ciphertext) {
        case .success(let decoded): data = decoded
        case .failure(let error): throw FunctionError(error.message)
        }
        if data.count < 16 {
            // Go slices a buffer whose capacity is the decoded-length estimate.
            let capacity = ciphertext.utf8.count / 4 * 3
            throw FunctionError("runtime error: slice bounds out of range [:16] with capacity \(capacity)")
        }
        let body = Array(data[16...])
        guard body.count % 16 == 0 else { throw FunctionError("crypto/cipher: input not full blocks") }
        let plain = cbc(body, key: key(password), iv: Array(data[..<16]), encrypt: false)
        guard let last = plain.last else { throw FunctionError("runtime error: index out of range [-1]") }
        // Sprig strips as many bytes as the last one says, without checking the padding.
        let keep = plain.count - Int(last)
        guard keep >= 0 else { throw FunctionError("runtime error: slice bounds out of range [:\(keep)]") }
        return String(decoding: plain[..<keep], as: UTF8.self)
    }
}
