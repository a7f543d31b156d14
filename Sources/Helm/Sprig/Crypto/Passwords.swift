import COpenSSL

/// Sprig's `bcrypt`, `htpasswd` and `derivePassword` (Master Password) functions.
enum Passwords {
    /// `bcrypt`: the hash, or Sprig's failure text when bcrypt refuses the password.
    static func bcrypt(_ password: String, random: any SprigRandomSource) -> String {
        do {
            return try BCrypt.hash(Array(password.utf8), random: random)
        } catch {
            return "failed to encrypt string with bcrypt: \(BCrypt.Failure.passwordTooLong.message)"
        }
    }

    /// Sprig v3.3.0's `htpasswd user password`: `user:` and a bcrypt hash of the password.
    static func htpasswd(user: String, password: String, random: any SprigRandomSource) -> String {
        if user.utf8.contains(UInt8(ascii: ":")) { return "invalid username: \(user)" }
        return "\(user):\(bcrypt(password, random: random))"
    }

    /// Master Password templates per password type.
    static let templates: [String: [String]] = [
        "maximum": ["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        "long": ["CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv",
                 "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc",
                 "CvcvCvcvnoCvcc", "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno",
                 "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc",
                 "CvccCvcvCvccno"],
        "medium": ["CvcnoCvc", "CvcCvcno"],
        "short": ["Cvcn"],
        "basic": ["aaanaaan", "aannaaan", "aaannaaa"],
        "pin": ["nnnn"],
    ]

    /// The characters each template letter stands for.
    static let classes: [UInt8: [UInt8]] = [
        UInt8(ascii: "V"): Array("AEIOU".utf8),
        UInt8(ascii: "C"): Array("BCDFGHJKLMNPQRSTVWXYZ".utf8),
        UInt8(ascii: "v"): Array("aeiou".utf8),
        UInt8(ascii: "c"): Array("bcdfghjklmnpqrstvwxyz".utf8),
        UInt8(ascii: "A"): Array("AEIOUBCDFGHJKLMNPQRSTVWXYZ".utf8),
        UInt8(ascii: "a"): Array("AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz".utf8),
        UInt8(ascii: "n"): Array("0123456789".utf8),
        UInt8(ascii: "o"): Array("@&%?,=[]_:-+*$#!'^~;()/.".utf8),
        UInt8(ascii: "x"): Array("AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()".utf8),
    ]

    private static let seed = Array("com.lyndir.masterpassword".utf8)

    private static func bigEndian(_ n: UInt32) -> [UInt8] {
        [UInt8(n >> 24), UInt8((n >> 16) & 0xFF), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)]
    }

    /// `derivePassword counter type password user site`: scrypt(N=32768, r=8, p=2) master key,
    /// HMAC-SHA256 site seed, then one character per template letter.
    static func derive(counter: UInt32, type: String, password: String, user: String, site: String) -> String {
        guard let candidates = templates[type] else { return "cannot find password template \(type)" }
        let userBytes = Array(user.utf8), siteBytes = Array(site.utf8)
        let salt = seed + bigEndian(UInt32(truncatingIfNeeded: userBytes.count)) + userBytes
        guard let key = scrypt(Array(password.utf8), salt: salt, n: 32768, r: 8, p: 2, length: 64) else {
            return "failed to derive password: scrypt failed"
        }
        let message = seed + bigEndian(UInt32(truncatingIfNeeded: siteBytes.count)) + siteBytes + bigEndian(counter)
        let siteSeed = Digests.hmacSHA256(key: key, data: message)
        let template = Array(candidates[Int(siteSeed[0]) % candidates.count].utf8)
        var out: [UInt8] = []
        for (i, letter) in template.enumerated() {
            guard let chars = classes[letter] else { continue }  // templates only use known classes
            out.append(chars[Int(siteSeed[i + 1]) % chars.count])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// scrypt through OpenSSL; nil when OpenSSL refuses the parameters.
    static func scrypt(_ password: [UInt8], salt: [UInt8], n: UInt64, r: UInt64, p: UInt64, length: Int) -> [UInt8]? {
        var key = [UInt8](repeating: 0, count: length)
        // N=32768, r=8 needs 32 MiB; OpenSSL's default ceiling is exactly that, so allow more.
        let maxMemory: UInt64 = 256 * 1024 * 1024
        let ok = password.withUnsafeBufferPointer { pw in
            salt.withUnsafeBufferPointer { s in
                key.withUnsafeMutableBufferPointer { k in
                    pw.withMemoryRebound(to: CChar.self) { pwc in
                        EVP_PBE_scrypt(pwc.baseAddress, pw.count, s.baseAddress, s.count, n, r, p, maxMemory, k.baseAddress, length)
                    }
                }
            }
        }
        return ok == 1 ? key : nil
    }
}
