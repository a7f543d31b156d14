/// Go's `encoding/base32` standard encoding (RFC 4648, padded), with Go's error offsets.
enum GoBase32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
    static let decodeMap: [UInt8] = {
        var map = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { map[Int(c)] = UInt8(i) }
        return map
    }()

    /// Padded base32 of `bytes`.
    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let chunk = Array(bytes[i..<min(i + 5, bytes.count)])
            let block = chunk + [UInt8](repeating: 0, count: 5 - chunk.count)
            let v = block.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            // Characters carrying data for 1...5 input bytes: 2, 4, 5, 7, 8.
            let used = [0, 2, 4, 5, 7, 8][chunk.count]
            for k in 0..<8 {
                out.append(k < used ? alphabet[Int(v >> UInt64(35 - 5 * k) & 31)] : UInt8(ascii: "="))
            }
            i += 5
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes like `base32.StdEncoding.DecodeString` (CR and LF are removed first).
    static func decode(_ text: String) -> Result<[UInt8], GoDecodeError> {
        let src = Array(text.utf8).filter { $0 != 0x0A && $0 != 0x0D }
        let total = src.count
        var pos = 0
        var out: [UInt8] = []
        var ended = false
        func corrupt(_ offset: Int) -> Result<[UInt8], GoDecodeError> {
            .failure(GoDecodeError("illegal base32 data at input byte \(offset)"))
        }
        while pos < total && !ended {
            var digits = [UInt8](repeating: 0, count: 8)
            var length = 8
            var j = 0
            while j < 8 {
                if pos == total { return corrupt(total - j) }
                let c = src[pos]
                pos += 1
                let left = total - pos
                if c == UInt8(ascii: "=") && j >= 2 && left < 8 {
                    if left + j < 7 { return corrupt(total) }
                    for k in 0..<(7 - j) where left > k && src[pos + k] != UInt8(ascii: "=") {
                        return corrupt(pos + k - 1)
                    }
                    length = j
                    ended = true
                    if length == 1 || length == 3 || length == 6 { return corrupt(pos - 1) }
                    break
                }
                digits[j] = decodeMap[Int(c)]
                if digits[j] == 0xFF { return corrupt(pos - 1) }
                j += 1
            }
            let d = digits
            let bytes: [UInt8] = [
                d[0] << 3 | d[1] >> 2,
                d[1] << 6 | d[2] << 1 | d[3] >> 4,
                d[3] << 4 | d[4] >> 1,
                d[4] << 7 | d[5] << 2 | d[6] >> 3,
                d[6] << 5 | d[7],
            ]
            let produced = [0, 0, 1, 0, 2, 3, 0, 4, 5][length]
            out.append(contentsOf: bytes.prefix(produced))
        }
        return .success(out)
    }
}
