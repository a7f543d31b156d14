/// Go's `encoding/base64` standard encoding, including the exact `CorruptInputError` offsets.
enum GoBase64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    static let decodeMap: [UInt8] = {
        var map = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { map[Int(c)] = UInt8(i) }
        return map
    }()

    /// Padded standard base64 of `bytes`.
    static func encode(_ bytes: [UInt8]) -> String { encode(bytes, alphabet: alphabet, pad: true) }

    /// Base64 of `bytes` with any 64-letter alphabet, padded with `=` or not.
    static func encode(_ bytes: [UInt8], alphabet: [UInt8], pad: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let remaining = bytes.count - i
            let b0 = UInt32(bytes[i])
            let b1 = remaining > 1 ? UInt32(bytes[i + 1]) : 0
            let b2 = remaining > 2 ? UInt32(bytes[i + 2]) : 0
            let v = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(v >> 18 & 63)])
            out.append(alphabet[Int(v >> 12 & 63)])
            if remaining > 1 { out.append(alphabet[Int(v >> 6 & 63)]) } else if pad { out.append(UInt8(ascii: "=")) }
            if remaining > 2 { out.append(alphabet[Int(v & 63)]) } else if pad { out.append(UInt8(ascii: "=")) }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes like `base64.StdEncoding.DecodeString`; the error carries Go's message.
    static func decode(_ text: String) -> Result<[UInt8], GoDecodeError> {
        let src = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(src.count / 4 * 3)
        var si = 0
        while si < src.count {
            switch quantum(src, from: si) {
            case .failure(let error): return .failure(error)
            case .success(let (next, bytes, trailing)):
                out.append(contentsOf: bytes)
                if let trailing { return .failure(trailing) }
                si = next
            }
        }
        return .success(out)
    }

    private static func corrupt(_ offset: Int) -> GoDecodeError {
        GoDecodeError("illegal base64 data at input byte \(offset)")
    }

    /// One 4-character quantum, skipping CR/LF, as Go's `decodeQuantum`.
    private static func quantum(_ src: [UInt8], from start: Int) -> Result<(Int, [UInt8], GoDecodeError?), GoDecodeError> {
        var si = start
        var digits = [UInt8](repeating: 0, count: 4)
        var length = 4
        var trailing: GoDecodeError?
        var j = 0
        while j < 4 {
            if si == src.count {
                if j == 0 { return .success((si, [], nil)) }
                return .failure(corrupt(si - j))
            }
            let c = src[si]
            si += 1
            let d = decodeMap[Int(c)]
            if d != 0xFF { digits[j] = d; j += 1; continue }
            if c == 0x0A || c == 0x0D { continue }
            if c != UInt8(ascii: "=") { return .failure(corrupt(si - 1)) }
            // Padding: only after two or three digits.
            if j < 2 { return .failure(corrupt(si - 1)) }
            if j == 2 {
                while si < src.count && (src[si] == 0x0A || src[si] == 0x0D) { si += 1 }
                if si == src.count { return .failure(corrupt(src.count)) }
                if src[si] != UInt8(ascii: "=") { return .failure(corrupt(si - 1)) }
                si += 1
            }
            while si < src.count && (src[si] == 0x0A || src[si] == 0x0D) { si += 1 }
            if si < src.count { trailing = corrupt(si) }
            length = j
            break
        }
        let v = UInt32(digits[0]) << 18 | UInt32(digits[1]) << 12 | UInt32(digits[2]) << 6 | UInt32(digits[3])
        let all = [UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
        return .success((si, Array(all.prefix(length - 1)), trailing))
    }
}

/// A decoding failure with Go's error text.
struct GoDecodeError: Error, Equatable {
    /// Go's `err.Error()`.
    let message: String
    init(_ message: String) { self.message = message }
}
