import GoTemplate

/// Sprig's crypto, encoding and random functions: digests, base64/32, random strings,
/// bcrypt/htpasswd, derivePassword, AES, private keys and certificates.
enum SprigCrypto {
    /// The functions with the system CSPRNG.
    static let functions: [String: TemplateFunction] = functions(random: SystemRandomSource())

    /// The functions drawing randomness from `random` (tests pass a fixed stream).
    static func functions(random: any SprigRandomSource) -> [String: TemplateFunction] {
        var table: [String: TemplateFunction] = [:]
        func add(_ name: String, _ body: @escaping (SprigArguments) throws -> Value) {
            table[name] = TemplateFunction(name) { _, values in try body(SprigArguments(name: name, values: values)) }
        }
        func bytes(_ a: SprigArguments, _ i: Int) throws -> [UInt8] { Array(try a.string(i).utf8) }

        add("sha1sum") { a in try a.count(1); return .string(Digests.hex(Digests.sha1(try bytes(a, 0)))) }
        add("sha256sum") { a in try a.count(1); return .string(Digests.hex(Digests.sha256(try bytes(a, 0)))) }
        add("sha512sum") { a in try a.count(1); return .string(Digests.hex(Digests.sha512(try bytes(a, 0)))) }
        add("adler32sum") { a in try a.count(1); return .string(String(Digests.adler32(try bytes(a, 0)))) }

        // The decoders return Go's error text as the result instead of failing, as Sprig does.
        add("b64enc") { a in try a.count(1); return .string(GoBase64.encode(try bytes(a, 0))) }
        add("b64dec") { a in try a.count(1)
            switch GoBase64.decode(try a.string(0)) {
            case .success(let data): return .string(String(decoding: data, as: UTF8.self))
            case .failure(let error): return .string(error.message)
            } }
        add("b32enc") { a in try a.count(1); return .string(GoBase32.encode(try bytes(a, 0))) }
        add("b32dec") { a in try a.count(1)
            switch GoBase32.decode(try a.string(0)) {
            case .success(let data): return .string(String(decoding: data, as: UTF8.self))
            case .failure(let error): return .string(error.message)
            } }

        add("randAlphaNum") { a in try a.count(1); return .string(RandomStrings.string(.alphaNumeric, count: try a.size(0), random: random)) }
        add("randAlpha") { a in try a.count(1); return .string(RandomStrings.string(.alpha, count: try a.size(0), random: random)) }
        add("randNumeric") { a in try a.count(1); return .string(RandomStrings.string(.numeric, count: try a.size(0), random: random)) }
        add("randAscii") { a in try a.count(1); return .string(RandomStrings.string(.ascii, count: try a.size(0), random: random)) }
        add("randBytes") { a in try a.count(1); let n = try a.size(0)
            guard n >= 0 else { throw GoPanics.makeslice }
            return .string(GoBase64.encode(random.bytes(n))) }
        add("uuidv4") { a in try a.count(0); return .string(RandomStrings.uuidv4(random: random)) }
        add("randInt") { a in try a.count(2)
            return .int(Int64(try RandomStrings.int(min: try a.int(0), max: try a.int(1), random: random))) }

        add("bcrypt") { a in try a.count(1); return .string(Passwords.bcrypt(try a.string(0), random: random)) }
        // Sprig v3.3.0's htpasswd takes a user and a password and always uses bcrypt.
        add("htpasswd") { a in try a.count(2)
            return .string(Passwords.htpasswd(user: try a.string(0), password: try a.string(1), random: random)) }
        add("derivePassword") { a in try a.count(5)
            return .string(Passwords.derive(counter: UInt32(truncatingIfNeeded: try a.int(0)), type: try a.string(1),
                                            password: try a.string(2), user: try a.string(3), site: try a.string(4))) }
        add("encryptAES") { a in try a.count(2)
            return .string(AESFunctions.encrypt(password: try a.string(0), plaintext: try a.string(1), random: random)) }
        add("decryptAES") { a in try a.count(2)
            return .string(try AESFunctions.decrypt(password: try a.string(0), ciphertext: try a.string(1))) }
        CertificateFunctions.register(into: &table, random: random)
        return table
    }
}
