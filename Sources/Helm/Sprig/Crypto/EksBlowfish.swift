/// Blowfish with bcrypt's expensive key schedule ("eksblowfish", Provos and Mazières 1999).
///
/// The 18 P-array words and the four S-boxes live in one buffer (P at 0..<18, S-box k at
/// 18 + 256k) so the key schedule can refill them with a single pass of encryptions.
final class EksBlowfish {
    private static let words = 18 + 4 * 256
    private let state: UnsafeMutablePointer<UInt32>

    /// A cipher holding Blowfish's initial (pi) subkeys.
    init() {
        state = .allocate(capacity: Self.words)
        BlowfishConstants.p.withUnsafeBufferPointer { state.update(from: $0.baseAddress!, count: 18) }
        BlowfishConstants.s.withUnsafeBufferPointer { (state + 18).update(from: $0.baseAddress!, count: 1024) }
    }

    deinit { state.deallocate() }

    @inline(__always) private func f(_ x: UInt32) -> UInt32 {
        let s = state + 18
        let a = s[Int(x >> 24)], b = s[256 + Int((x >> 16) & 0xFF)]
        let c = s[512 + Int((x >> 8) & 0xFF)], d = s[768 + Int(x & 0xFF)]
        return ((a &+ b) ^ c) &+ d
    }

    /// Encrypts one 64-bit block given as two big-endian halves.
    @inline(__always) func encrypt(_ left: inout UInt32, _ right: inout UInt32) {
        let p = state
        var l = left ^ p[0], r = right
        var i = 1
        while i < 17 {
            r ^= f(l) ^ p[i]
            l ^= f(r) ^ p[i + 1]
            i += 2
        }
        left = r ^ p[17]
        right = l
    }

    /// The next big-endian 32-bit word of `data`, wrapping around at the end.
    @inline(__always) private static func nextWord(_ data: UnsafeBufferPointer<UInt8>, _ j: inout Int) -> UInt32 {
        var word: UInt32 = 0
        for _ in 0..<4 {
            word = word << 8 | UInt32(data[j])
            j += 1
            if j == data.count { j = 0 }
        }
        return word
    }

    /// Mixes `key` into the P-array, then re-derives every subkey by chained encryption,
    /// folding in `salt` words first when a salt is given (the salted first round).
    func expand(key: [UInt8], salt: [UInt8]? = nil) {
        key.withUnsafeBufferPointer { k in
            var j = 0
            for i in 0..<18 { state[i] ^= Self.nextWord(k, &j) }
        }
        var l: UInt32 = 0, r: UInt32 = 0
        if let salt {
            salt.withUnsafeBufferPointer { s in
                var j = 0
                var i = 0
                while i < Self.words {
                    l ^= Self.nextWord(s, &j)
                    r ^= Self.nextWord(s, &j)
                    encrypt(&l, &r)
                    state[i] = l
                    state[i + 1] = r
                    i += 2
                }
            }
        } else {
            var i = 0
            while i < Self.words {
                encrypt(&l, &r)
                state[i] = l
                state[i + 1] = r
                i += 2
            }
        }
    }
}
