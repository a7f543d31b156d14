import GoTemplate
import Testing
@testable import Helm

/// A byte stream that replays `script` (cycling), so random functions give exact outputs.
final class ScriptedRandom: SprigRandomSource, @unchecked Sendable {
    private let script: [UInt8]
    private var index = 0
    init(_ script: [UInt8]) { self.script = script }
    func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in defer { index += 1 }; return script[index % script.count] }
    }
}

/// Renders `source` with the crypto functions (and Sprig core) over `random`.
func renderCrypto(_ source: String, random: any SprigRandomSource = SystemRandomSource(), data: Value = .null) throws -> String {
    let functions = SprigCore.functions.merging(SprigCrypto.functions(random: random)) { _, new in new }
    let set = TemplateSet(functions: functions)
    try set.parse(name: "t", source: source)
    return try set.execute("t", data: data)
}

/// The error text a failing render reports.
func renderCryptoError(_ source: String, random: any SprigRandomSource = SystemRandomSource()) -> String {
    do {
        _ = try renderCrypto(source, random: random)
        return "<no error>"
    } catch {
        return String(describing: error)
    }
}

@Suite struct SprigCryptoDigestTests {
    @Test func digestsOfAbcAsSprigTests() throws {
        #expect(try renderCrypto(#"{{ "abc" | sha1sum }}"#) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(try renderCrypto(#"{{ "abc" | sha256sum }}"#) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try renderCrypto(#"{{ "abc" | sha512sum }}"#) == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        #expect(try renderCrypto(#"{{ "abc" | adler32sum }}"#) == "38600999")
        #expect(try renderCrypto(#"{{ "" | sha256sum }}"#) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(try renderCrypto(#"{{ "" | adler32sum }}"#) == "1")
    }

    @Test func adler32OverLongInputReduces() {
        // 0xFF bytes push both sums past the modulus many times.
        let data = [UInt8](repeating: 0xFF, count: 100_000)
        var a: UInt64 = 1, b: UInt64 = 0
        for x in data { a = (a + UInt64(x)) % 65521; b = (b + a) % 65521 }
        #expect(Digests.adler32(data) == UInt32(b << 16 | a))
    }

    @Test func digestsRejectNonStrings() {
        // Go checks a constant argument as it reads it, and names the argument.
        #expect(renderCryptoError("{{ sha256sum 1 }}") == "template: t:1:13: executing \"t\" at <1>: expected string; found 1")
        #expect(renderCryptoError("{{ sha256sum (list 1) }}").contains("at <1>: wrong type for value; expected string; got []interface {}"))
    }
}

@Suite struct SprigCryptoEncodingTests {
    @Test func base64RoundTrips() throws {
        #expect(try renderCrypto(#"{{ "hello" | b64enc }}"#) == "aGVsbG8=")
        #expect(try renderCrypto(#"{{ "hi" | b64enc }}"#) == "aGk=")
        #expect(try renderCrypto(#"{{ "" | b64enc }}"#) == "")
        #expect(try renderCrypto(#"{{ "aGVsbG8=" | b64dec }}"#) == "hello")
        #expect(try renderCrypto(#"{{ "aGVs\nbG8=" | b64dec }}"#) == "hello")
        #expect(try renderCrypto(#"{{ "héllo wörld ✓" | b64enc | b64dec }}"#) == "héllo wörld ✓")
    }

    @Test func base64ErrorsAreGoTexts() throws {
        #expect(try renderCrypto(#"{{ "a" | b64dec }}"#) == "illegal base64 data at input byte 0")
        #expect(try renderCrypto(#"{{ "aGVsbG8" | b64dec }}"#) == "illegal base64 data at input byte 4")
        #expect(try renderCrypto(#"{{ "aGVs!" | b64dec }}"#) == "illegal base64 data at input byte 4")
        #expect(try renderCrypto(#"{{ "aGVsbG8=x" | b64dec }}"#) == "illegal base64 data at input byte 8")
        #expect(try renderCrypto(#"{{ "QQ=" | b64dec }}"#) == "illegal base64 data at input byte 3")
        #expect(try renderCrypto(#"{{ "QQ=x" | b64dec }}"#) == "illegal base64 data at input byte 2")
        #expect(try renderCrypto(#"{{ "=QQQ" | b64dec }}"#) == "illegal base64 data at input byte 0")
    }

    @Test func base32RoundTrips() throws {
        #expect(try renderCrypto(#"{{ "hello" | b32enc }}"#) == "NBSWY3DP")
        #expect(try renderCrypto(#"{{ "a" | b32enc }}"#) == "ME======")
        #expect(try renderCrypto(#"{{ "foobar" | b32enc }}"#) == "MZXW6YTBOI======")
        #expect(try renderCrypto(#"{{ "NBSWY3DP" | b32dec }}"#) == "hello")
        #expect(try renderCrypto(#"{{ "MZXW6YTBOI======" | b32dec }}"#) == "foobar")
        #expect(try renderCrypto(#"{{ "some text" | b32enc | b32dec }}"#) == "some text")
    }

    @Test func base32ErrorsAreGoTexts() throws {
        #expect(try renderCrypto(#"{{ "ME" | b32dec }}"#) == "illegal base32 data at input byte 0")
        #expect(try renderCrypto(#"{{ "M1======" | b32dec }}"#) == "illegal base32 data at input byte 1")
        #expect(try renderCrypto(#"{{ "MEE=====" | b32dec }}"#) == "illegal base32 data at input byte 3")
        #expect(try renderCrypto(#"{{ "ME=" | b32dec }}"#) == "illegal base32 data at input byte 3")
    }
}

@Suite struct SprigCryptoRandomTests {
    @Test func stringsHaveLengthAndAlphabet() throws {
        let cases: [(String, (UInt8) -> Bool)] = [
            ("randAlphaNum", { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }),
            ("randAlpha", { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }),
            ("randNumeric", { $0 >= 48 && $0 <= 57 }),
            ("randAscii", { $0 >= 32 && $0 <= 126 }),
        ]
        for (name, allowed) in cases {
            let out = try renderCrypto("{{ \(name) 200 }}")
            #expect(out.utf8.count == 200, "\(name)")
            #expect(out.utf8.allSatisfy(allowed), "\(name): \(out)")
            #expect(try renderCrypto("{{ \(name) 0 }}") == "")
            #expect(try renderCrypto("{{ \(name) -3 }}") == "")
        }
        #expect(try renderCrypto("{{ randAlphaNum 16 }}") != (try renderCrypto("{{ randAlphaNum 16 }}")))
    }

    @Test func stringsFollowGoutilsDrawing() throws {
        // Draws: 16 -> '0', 0 -> ' ' (rejected), 17 -> '1', 25 -> '9'; goutils fills from the end.
        #expect(try renderCrypto("{{ randNumeric 3 }}", random: ScriptedRandom([16, 0, 17, 25])) == "910")
        // 0x7F masks to 127 >= 91 and is redrawn; 33 -> 'A'; 65 -> 'a'.
        #expect(try renderCrypto("{{ randAlpha 2 }}", random: ScriptedRandom([0xFF, 33, 65])) == "aA")
        // randAscii draws below 95: 0 -> ' ', 94 -> '~'.
        #expect(try renderCrypto("{{ randAscii 2 }}", random: ScriptedRandom([0, 94])) == "~ ")
    }

    @Test func uuidSetsVersionAndVariant() throws {
        #expect(try renderCrypto("{{ uuidv4 }}", random: ScriptedRandom(Array(0...15))) == "00010203-0405-4607-8809-0a0b0c0d0e0f")
        let real = try renderCrypto("{{ uuidv4 }}")
        let chars = Array(real)
        #expect(chars.count == 36 && chars[14] == "4" && "89ab".contains(chars[19]))
    }

    @Test func randBytesIsBase64OfTheDraw() throws {
        #expect(try renderCrypto("{{ randBytes 3 }}", random: ScriptedRandom([1, 2, 3])) == "AQID")
        #expect(try renderCrypto("{{ randBytes 0 }}") == "")
        let out = try renderCrypto("{{ randBytes 12 }}")
        #expect(out.count == 16)
        #expect(renderCryptoError("{{ randBytes -1 }}").contains("runtime error: makeslice: len out of range"))
    }

    @Test func randIntIsInRange() throws {
        // Span 5 masks to 3 bits: 0xFF -> 7 is rejected, 3 -> 5 + 3.
        #expect(try renderCrypto("{{ randInt 5 10 }}", random: ScriptedRandom([0xFF, 3])) == "8")
        for _ in 0..<50 {
            let n = Int(try renderCrypto("{{ randInt -3 4 }}"))!
            #expect(n >= -3 && n < 4)
        }
        #expect(renderCryptoError("{{ randInt 4 4 }}").contains("invalid argument to Intn"))
    }
}

@Suite struct SprigCryptoPasswordTests {
    /// Vectors from the Openwall crypt_blowfish suite (also used by OpenBSD and Go).
    static let openwall: [(String, String)] = [
        ("U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"),
        ("U*U*", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK"),
        ("U*U*U", "$2a$05$XXXXXXXXXXXXXXXXXXXXXOAcXxm9kjPGEMsLznoKqmqw7tc8WCx4a"),
        ("", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy"),
        ("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789chars after 72 are ignored",
         "$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui"),
    ]

    @Test func verifiesOpenwallVectors() {
        for (password, hash) in Self.openwall {
            #expect(BCrypt.verify(Array(password.utf8), against: hash), "\(password)")
            // Bytes after the 72nd do not count, so change the first one.
            #expect(!BCrypt.verify(Array(("x" + password).utf8), against: hash), "x\(password)")
        }
    }

    @Test func hashesGoVectorWithFixedSalt() {
        // golang.org/x/crypto/bcrypt's TestBcryptingIsCorrect.
        let salt: [UInt8] = [101, 201, 101, 75, 19, 227, 199, 20, 239, 236, 133, 32, 30, 109, 243, 30]
        #expect(BCrypt.hash(Array("allmine".utf8), cost: 10, salt: salt)
            == "$2a$10$XajjQvNhvvRt5GSeFk1xFeyqRrsxkhBkUiQeg0dt.wU1qD4aFDcga")
        #expect(BCrypt.hash(Array("012345678901234567890123456789012345678901234567890123456".utf8), cost: 4, salt: salt)
            .hasPrefix("$2a$04$XajjQvNhvvRt5GSeFk1xFe"))
    }

    @Test func bcryptAndHtpasswdVerify() throws {
        let hash = try renderCrypto(#"{{ bcrypt "abc" }}"#)
        #expect(hash.hasPrefix("$2a$10$") && hash.utf8.count == 60)
        #expect(BCrypt.verify(Array("abc".utf8), against: hash))
        // Sprig v3.3.0's htpasswd takes a user and a password, and always uses bcrypt.
        let line = try renderCrypto(#"{{ htpasswd "myUser" "myPassword" }}"#)
        #expect(line.hasPrefix("myUser:$2a$10$"))
        #expect(BCrypt.verify(Array("myPassword".utf8), against: String(line.dropFirst("myUser:".count))))
        #expect(try renderCrypto(#"{{ htpasswd "wrongus:er" "x" }}"#) == "invalid username: wrongus:er")
        #expect(throws: (any Error).self) { try renderCrypto(#"{{ htpasswd "u" "abc" "sha" }}"#) }
        let long = String(repeating: "a", count: 73)
        #expect(try renderCrypto("{{ bcrypt \"\(long)\" }}")
            == "failed to encrypt string with bcrypt: bcrypt: password length exceeds 72 bytes")
    }

    @Test func derivePasswordMatchesSprigTests() throws {
        let expectations = [
            #"{{derivePassword 1 "long" "password" "user" "example.com"}}"#: "ZedaFaxcZaso9*",
            #"{{derivePassword 2 "long" "password" "user" "example.com"}}"#: "Fovi2@JifpTupx",
            #"{{derivePassword 1 "maximum" "password" "user" "example.com"}}"#: "pf4zS1LjCg&LjhsZ7T2~",
            #"{{derivePassword 1 "medium" "password" "user" "example.com"}}"#: "ZedJuz8$",
            #"{{derivePassword 1 "basic" "password" "user" "example.com"}}"#: "pIS54PLs",
            #"{{derivePassword 1 "short" "password" "user" "example.com"}}"#: "Zed5",
            #"{{derivePassword 1 "pin" "password" "user" "example.com"}}"#: "6685",
            #"{{derivePassword 1 "nope" "password" "user" "example.com"}}"#: "cannot find password template nope",
        ]
        for (template, expected) in expectations {
            #expect(try renderCrypto(template) == expected, "\(template)")
        }
    }

    @Test func aesRoundTripsAndFormat() throws {
        #expect(try renderCrypto(#"{{ "plaintext" | encryptAES "secretkey" | decryptAES "secretkey" }}"#) == "plaintext")
        #expect(try renderCrypto(#"{{ "" | encryptAES "k" }}"#) == "")
        #expect(try renderCrypto(#"{{ "" | decryptAES "k" }}"#) == "")
        // A key longer than 32 bytes is cut; a 16-byte message gains a whole padding block.
        let long = String(repeating: "k", count: 40)
        #expect(try renderCrypto("{{ \"0123456789abcdef\" | encryptAES \"\(long)\" | decryptAES \"\(String(repeating: "k", count: 32))\" }}")
            == "0123456789abcdef")
        let sealed = try renderCrypto(#"{{ "0123456789abcdef" | encryptAES "k" }}"#, random: ScriptedRandom([7]))
        let raw = try #require(try? GoBase64.decode(sealed).get())
        #expect(raw.count == 48 && raw.prefix(16).allSatisfy { $0 == 7 })
        // Checked against AES-256-CBC done directly with the zero-padded key.
        let key = Array("k".utf8) + [UInt8](repeating: 0, count: 31)
        let plain = AESFunctions.cbc(Array(raw[16...]), key: key, iv: Array(raw[..<16]), encrypt: false)
        #expect(plain == Array("0123456789abcdef".utf8) + [UInt8](repeating: 16, count: 16))
    }

    @Test func decryptFailuresAreGoErrors() {
        #expect(renderCryptoError(#"{{ "!!!!" | decryptAES "k" }}"#).contains("illegal base64 data at input byte 0"))
        #expect(renderCryptoError(#"{{ "AAAA" | decryptAES "k" }}"#).contains("slice bounds out of range [:16] with capacity 3"))
        #expect(renderCryptoError(#"{{ "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" | decryptAES "k" }}"#)
            .contains("crypto/cipher: input not full blocks"))
        #expect(renderCryptoError(#"{{ "AAAAAAAAAAAAAAAAAAAAAA==" | decryptAES "k" }}"#).contains("index out of range [-1]"))
    }
}
