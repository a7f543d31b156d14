/// bcrypt password hashes in the `$2a$` form golang.org/x/crypto/bcrypt produces.
enum BCrypt {
    /// bcrypt's own base64 alphabet (no padding).
    static let alphabet = Array("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
    /// The cost Sprig uses (`bcrypt.DefaultCost`).
    static let defaultCost = 10
    /// "OrpheanBeholderScryDoubt", the text bcrypt encrypts.
    private static let magic = Array("OrpheanBeholderScryDoubt".utf8)

    /// Errors with the texts of golang.org/x/crypto/bcrypt.
    enum Failure: Error, Equatable {
        case passwordTooLong
        var message: String { "bcrypt: password length exceeds 72 bytes" }
    }

    /// `$2a$CC$` + 22 salt characters + 31 hash characters for `password` with a fresh 16-byte salt.
    static func hash(_ password: [UInt8], cost: Int = defaultCost, random: any SprigRandomSource) throws -> String {
        guard password.count <= 72 else { throw Failure.passwordTooLong }
        return hash(password, cost: cost, salt: random.bytes(16))
    }

    /// The hash of `password` with a given 16-byte `salt`.
    static func hash(_ password: [UInt8], cost: Int, salt: [UInt8]) -> String {
        let encodedSalt = encode(salt)
        let digest = raw(password, cost: cost, salt: salt)
        let costText = cost < 10 ? "0\(cost)" : "\(cost)"
        return "$2a$\(costText)$\(encodedSalt)\(encode(Array(digest.prefix(23))))"
    }

    /// Whether `hashed` (`$2a$`, `$2b$` or `$2y$`) is the bcrypt hash of `password`.
    static func verify(_ password: [UInt8], against hashed: String) -> Bool {
        let bytes = Array(hashed.utf8)
        guard bytes.count == 60, bytes[0] == UInt8(ascii: "$"), bytes[1] == UInt8(ascii: "2"),
              bytes[3] == UInt8(ascii: "$"), bytes[6] == UInt8(ascii: "$"),
              let cost = Int(String(decoding: bytes[4..<6], as: UTF8.self)), (4...31).contains(cost),
              let salt = decode(Array(bytes[7..<29])), salt.count == 16 else { return false }
        let digest = raw(password, cost: cost, salt: salt)
        let expected = Array(encode(Array(digest.prefix(23))).utf8)
        // Constant-time comparison of the 31 hash characters.
        var difference: UInt8 = 0
        for (x, y) in zip(expected, bytes[29...]) { difference |= x ^ y }
        return difference == 0
    }

    /// The 24 encrypted bytes: eksblowfish setup, then "OrpheanBeholderScryDoubt" encrypted 64 times.
    static func raw(_ password: [UInt8], cost: Int, salt: [UInt8]) -> [UInt8] {
        // C implementations include the terminating NUL in the key; Go keeps that for compatibility.
        let key = password + [0]
        let cipher = EksBlowfish()
        cipher.expand(key: key, salt: salt)
        for _ in 0..<(1 << cost) {
            cipher.expand(key: key)
            cipher.expand(key: salt)
        }
        var words = stride(from: 0, to: 24, by: 4).map { i in
            magic[i..<(i + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        }
        for block in stride(from: 0, to: 6, by: 2) {
            var l = words[block], r = words[block + 1]
            for _ in 0..<64 { cipher.encrypt(&l, &r) }
            words[block] = l
            words[block + 1] = r
        }
        return words.flatMap { w in [UInt8(w >> 24), UInt8((w >> 16) & 0xFF), UInt8((w >> 8) & 0xFF), UInt8(w & 0xFF)] }
    }

    /// bcrypt-alphabet base64 without padding.
    static func encode(_ bytes: [UInt8]) -> String { GoBase64.encode(bytes, alphabet: alphabet, pad: false) }

    /// Decodes unpadded bcrypt base64; nil on a character outside the alphabet.
    static func decode(_ text: [UInt8]) -> [UInt8]? {
        var map = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { map[Int(c)] = UInt8(i) }
        var out: [UInt8] = []
        var buffer: UInt32 = 0, bits = 0
        for c in text {
            let v = map[Int(c)]
            if v == 0xFF { return nil }
            buffer = buffer << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return out
    }
}
