/// The scanner behind `Redactor`: finds `key: value`, `"key": "value"`, `key=value` and
/// `scheme://user:password@host` in a line and masks the values of sensitive keys.
enum KeyValueMasker {
    static func mask(_ line: String, sensitive: (Substring) -> Bool) -> String {
        var bytes = Array(line.utf8)
        var ranges: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") || byte == UInt8(ascii: "=") {
                if let range = valueRange(bytes, separator: index, sensitive: sensitive) {
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
        if ranges.isEmpty { return line }
        for range in ranges.reversed() {
            bytes.replaceSubrange(range, with: Array(Redactor.mask.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// The value's byte range when the key before `separator` is sensitive.
    private static func valueRange(_ bytes: [UInt8], separator: Int, sensitive: (Substring) -> Bool) -> Range<Int>? {
        var keyEnd = separator
        if keyEnd > 0, bytes[keyEnd - 1] == UInt8(ascii: "\"") || bytes[keyEnd - 1] == UInt8(ascii: "'") { keyEnd -= 1 }
        var keyStart = keyEnd
        while keyStart > 0, isKeyByte(bytes[keyStart - 1]) { keyStart -= 1 }
        guard keyStart < keyEnd else { return nil }
        let key = String(decoding: bytes[keyStart..<keyEnd], as: UTF8.self)
        guard sensitive(Substring(key)) else { return nil }

        var start = separator + 1
        let isColon = bytes[separator] == UInt8(ascii: ":")
        if isColon {
            // "scheme://" is not a key/value separator.
            if start < bytes.count, bytes[start] == UInt8(ascii: "/") { return nil }
            while start < bytes.count, isSpace(bytes[start]) { start += 1 }
        }
        guard start < bytes.count else { return nil }
        let first = bytes[start]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            var end = start + 1
            while end < bytes.count, bytes[end] != first {
                end += (bytes[end] == UInt8(ascii: "\\") && first == UInt8(ascii: "\"")) ? 2 : 1
            }
            let close = min(end, bytes.count)
            return close > start + 1 ? (start + 1)..<close : nil
        }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || first == UInt8(ascii: "|") || first == UInt8(ascii: ">") {
            return nil
        }
        var end = start
        if isColon {
            end = bytes.count
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            if end > start, bytes[end - 1] == UInt8(ascii: ",") { end -= 1 }
        } else {
            while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ","),
                  bytes[end] != UInt8(ascii: "&"), bytes[end] != UInt8(ascii: ";") {
                end += 1
            }
        }
        if isColon && end - start == 4 && String(decoding: bytes[start..<end], as: UTF8.self) == "null" { return nil }
        return end > start ? start..<end : nil
    }

    /// The password in `scheme://user:password@host`, when `colon` is the user/password separator.
    private static func urlPasswordRange(_ bytes: [UInt8], colon: Int) -> Range<Int>? {
        // Walk back over the user name to "://".
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
