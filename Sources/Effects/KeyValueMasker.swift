/// The scanner behind `Redactor`: finds `key: value`, `"key": "value"`, `key=value` and
/// `scheme://user:password@host` in a line's bytes and returns the byte ranges to mask.
/// Works on raw bytes without allocating, because transcripts pass megabytes through it.
enum KeyValueMasker {
    /// Key endings (lowercase ASCII) whose values are masked.
    static let sensitiveSuffixes: [[UInt8]] = [
        "password", "passwd", "token", "apikey", "api_key", "api-key", "privatekey", "private_key",
        "private-key", "secretkey", "secret_key", "secret-key", "clientsecret", "client_secret",
        "client-secret", "authorization", "credentials",
    ].map { Array($0.utf8) }

    /// Last letters of the suffixes above: a one-byte test rejects almost every key.
    private static let suffixLastBytes: Set<UInt8> = Set(sensitiveSuffixes.compactMap(\.last))

    /// Appends the ranges of values to mask in `bytes`.
    static func collect(_ bytes: UnsafeBufferPointer<UInt8>, into ranges: inout [Range<Int>]) {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") || byte == UInt8(ascii: "=") {
                if let range = valueRange(bytes, separator: index) {
                    ranges.append(range)
                    index = range.upperBound
                    continue
                }
                if byte == UInt8(ascii: ":"), let range = urlPasswordRange(bytes, colon: index) {
                    ranges.append(range)
                    index = range.upperBound
                    continue
                }
            }
            index += 1
        }
    }

    /// True when the key's last dotted segment ends with a sensitive word (ASCII, any case).
    static func isSensitive(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = key.count
        while start > 0, key[start - 1] != UInt8(ascii: ".") { start -= 1 }
        let length = key.count - start
        guard length > 0, suffixLastBytes.contains(lower(key[key.count - 1])) else { return false }
        outer: for suffix in sensitiveSuffixes where suffix.count <= length {
            let offset = key.count - suffix.count
            for (position, expected) in suffix.enumerated() where lower(key[offset + position]) != expected {
                continue outer
            }
            return true
        }
        return false
    }

    @inline(__always) private static func lower(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }

    @inline(__always) private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// The value's byte range when the key before `separator` is sensitive.
    private static func valueRange(_ bytes: UnsafeBufferPointer<UInt8>, separator: Int) -> Range<Int>? {
        var keyEnd = separator
        if keyEnd > 0, bytes[keyEnd - 1] == UInt8(ascii: "\"") || bytes[keyEnd - 1] == UInt8(ascii: "'") { keyEnd -= 1 }
        var keyStart = keyEnd
        while keyStart > 0, isKeyByte(bytes[keyStart - 1]) { keyStart -= 1 }
        guard keyStart < keyEnd, isSensitive(UnsafeBufferPointer(rebasing: bytes[keyStart..<keyEnd])) else { return nil }

        let count = bytes.count
        var start = separator + 1
        let isColon = bytes[separator] == UInt8(ascii: ":")
        if isColon {
            // "scheme://" is not a key/value separator.
            if start < count, bytes[start] == UInt8(ascii: "/") { return nil }
            while start < count, isSpace(bytes[start]) { start += 1 }
        }
        guard start < count else { return nil }
        let first = bytes[start]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            var end = start + 1
            while end < count, bytes[end] != first {
                end += (bytes[end] == UInt8(ascii: "\\") && first == UInt8(ascii: "\"")) ? 2 : 1
            }
            let close = min(end, count)
            return close > start + 1 ? (start + 1)..<close : nil
        }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || first == UInt8(ascii: "|") || first == UInt8(ascii: ">") {
            return nil
        }
        var end = start
        if isColon {
            end = count
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            if end > start, bytes[end - 1] == UInt8(ascii: ",") { end -= 1 }
            if end - start == 4, bytes[start] == UInt8(ascii: "n"), bytes[start + 1] == UInt8(ascii: "u"),
               bytes[start + 2] == UInt8(ascii: "l"), bytes[start + 3] == UInt8(ascii: "l") {
                return nil
            }
        } else {
            while end < count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ","),
                  bytes[end] != UInt8(ascii: "&"), bytes[end] != UInt8(ascii: ";") {
                end += 1
            }
        }
        return end > start ? start..<end : nil
    }

    /// The password in `scheme://user:password@host`, when `colon` is the user/password separator.
    private static func urlPasswordRange(_ bytes: UnsafeBufferPointer<UInt8>, colon: Int) -> Range<Int>? {
        var userStart = colon
        while userStart > 0, bytes[userStart - 1] != UInt8(ascii: "/"), !isSpace(bytes[userStart - 1]),
              bytes[userStart - 1] != UInt8(ascii: "@") {
            userStart -= 1
        }
        guard userStart >= 3, bytes[userStart - 1] == UInt8(ascii: "/"), bytes[userStart - 2] == UInt8(ascii: "/"),
              bytes[userStart - 3] == UInt8(ascii: ":") else { return nil }
        var end = colon + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "@") {
            if bytes[end] == UInt8(ascii: "/") || isSpace(bytes[end]) { return nil }
            end += 1
        }
        guard end < bytes.count, end > colon + 1 else { return nil }
        return (colon + 1)..<end
    }
}
