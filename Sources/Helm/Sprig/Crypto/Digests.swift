import COpenSSL

/// Message digests through OpenSSL's EVP interface, plus Adler-32 and hex encoding.
enum Digests {
    /// The digest of `data` with `algorithm` (an `EVP_sha*()` value).
    static func digest(_ data: [UInt8], _ algorithm: OpaquePointer?) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = data.withUnsafeBytes { input in
            out.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, algorithm, nil)
            }
        }
        precondition(ok == 1, "EVP_Digest failed")
        return Array(out.prefix(Int(length)))
    }

    /// SHA-1 of `data`.
    static func sha1(_ data: [UInt8]) -> [UInt8] { digest(data, EVP_sha1()) }
    /// SHA-256 of `data`.
    static func sha256(_ data: [UInt8]) -> [UInt8] { digest(data, EVP_sha256()) }
    /// SHA-512 of `data`.
    static func sha512(_ data: [UInt8]) -> [UInt8] { digest(data, EVP_sha512()) }

    /// HMAC-SHA256 of `data` under `key`.
    static func hmacSHA256(key: [UInt8], data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = key.withUnsafeBytes { k in
            data.withUnsafeBytes { d in
                out.withUnsafeMutableBufferPointer { o in
                    HMAC(EVP_sha256(), k.baseAddress, Int32(k.count), d.baseAddress?.assumingMemoryBound(to: UInt8.self), d.count, o.baseAddress, &length)
                }
            }
        }
        precondition(result != nil, "HMAC failed")
        return Array(out.prefix(Int(length)))
    }

    /// Adler-32 (RFC 1950), as Go's `hash/adler32.Checksum`.
    static func adler32(_ data: [UInt8]) -> UInt32 {
        let mod: UInt32 = 65521
        var a: UInt32 = 1, b: UInt32 = 0
        var i = 0
        while i < data.count {
            // 5552 bytes is the longest run that cannot overflow before reducing.
            let end = min(i + 5552, data.count)
            while i < end { a += UInt32(data[i]); b += a; i += 1 }
            a %= mod
            b %= mod
        }
        return b << 16 | a
    }

    /// Lowercase hex, as Go's `hex.EncodeToString`.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
