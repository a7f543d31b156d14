import COpenSSL

/// One PEM block, found and decoded the way Go's `encoding/pem.Decode` does for well-formed input.
struct PEMBlock {
    /// The text after `BEGIN ` (`CERTIFICATE`, `RSA PRIVATE KEY`, ...).
    let type: String
    /// The DER bytes.
    let bytes: [UInt8]

    /// The first well-formed block in `text`, or nil.
    static func first(in text: String) -> PEMBlock? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        var i = 0
        while i < lines.count {
            let line = lines[i].drop { $0 == " " || $0 == "\t" }
            i += 1
            guard line.hasPrefix("-----BEGIN "), line.hasSuffix("-----"), line.count > 16 else { continue }
            let type = String(line.dropFirst(11).dropLast(5))
            var body = ""
            var j = i
            var found = false
            while j < lines.count {
                let current = lines[j].trimmingSpacesAndTabs
                if current == "-----END \(type)-----" { found = true; break }
                // RFC 1421 headers ("Proc-Type: ...") come before the base64 body.
                if !current.contains(":") { body += current }
                j += 1
            }
            guard found, case .success(let bytes) = GoBase64.decode(body) else { continue }
            return PEMBlock(type: type, bytes: bytes)
        }
        return nil
    }

    /// `bytes` as PEM text with 64-character lines, as Go's `pem.EncodeToMemory`.
    static func encode(type: String, bytes: [UInt8]) -> String {
        let base64 = Array(GoBase64.encode(bytes).utf8)
        var out = "-----BEGIN \(type)-----\n"
        var i = 0
        while i < base64.count {
            out += String(decoding: base64[i..<min(i + 64, base64.count)], as: UTF8.self) + "\n"
            i += 64
        }
        return out + "-----END \(type)-----\n"
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpacesAndTabs: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

/// DER output of OpenSSL's `i2d_*` functions.
enum OpenSSLDER {
    /// Runs an `i2d` function twice (length, then bytes).
    static func encode(_ i2d: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?) -> Int32) -> [UInt8]? {
        let length = i2d(nil)
        guard length > 0 else { return nil }
        var out = [UInt8](repeating: 0, count: Int(length))
        let written = out.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
            return i2d(&cursor)
        }
        return written == length ? out : nil
    }

    /// The last OpenSSL error as text (and clears the queue).
    static func lastError() -> String {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0, let reason = ERR_reason_error_string(code) else { return "unknown error" }
        return String(cString: reason)
    }
}
