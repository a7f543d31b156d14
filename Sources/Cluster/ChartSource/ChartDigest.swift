import COpenSSL

/// SHA-256 of chart archives, as index.yaml's `digest` field states it (lowercase hex).
public enum ChartDigest {
    /// The lowercase hex SHA-256 of `bytes`.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBytes { input in
            out.withUnsafeMutableBufferPointer { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress, &length, EVP_sha256(), nil)
            }
        }
        // EVP_Digest only fails on allocation failure; an empty string then never matches a digest.
        guard ok == 1 else { return "" }
        let digits = Array("0123456789abcdef")
        var hex = ""
        hex.reserveCapacity(64)
        for b in out.prefix(Int(length)) {
            hex.append(digits[Int(b >> 4)]); hex.append(digits[Int(b & 0x0f)])
        }
        return hex
    }
}
