import COpenSSL

/// Where Sprig's random functions get their bytes; injectable so tests can be deterministic.
protocol SprigRandomSource: Sendable {
    /// `count` random bytes.
    func bytes(_ count: Int) -> [UInt8]
}

/// The operating system CSPRNG through OpenSSL's `RAND_bytes`, like Go's `crypto/rand`.
struct SystemRandomSource: SprigRandomSource {
    /// `count` bytes from `RAND_bytes`; OpenSSL only fails when it cannot seed, which is fatal.
    func bytes(_ count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        let ok = buffer.withUnsafeMutableBytes { RAND_bytes($0.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(count)) }
        precondition(ok == 1, "RAND_bytes failed: the system random generator is unavailable")
        return buffer
    }
}

extension SprigRandomSource {
    /// A uniform integer in `0..<bound` drawn exactly as Go's `crypto/rand.Int` draws it
    /// (big-endian bytes, top byte masked to the bit length of `bound - 1`, rejection).
    func goInt(below bound: UInt64) -> UInt64 {
        precondition(bound > 0)
        let top = bound - 1
        let bitLength = 64 - top.leadingZeroBitCount
        if bitLength == 0 { return 0 }
        let byteCount = (bitLength + 7) / 8
        var topBits = bitLength % 8
        if topBits == 0 { topBits = 8 }
        while true {
            var raw = bytes(byteCount)
            raw[0] &= UInt8((1 << topBits) - 1)
            let value = raw.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            if value < bound { return value }
        }
    }
}
