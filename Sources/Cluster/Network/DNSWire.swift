/// DNS wire format (RFC 1035 §4): builds one-question queries and reads responses,
/// including compressed names. Pure; the socket lives in `UDPDNSResolver`.
public enum DNSWire {
    /// A standard recursive query (RD set) for `name` and `type`.
    public static func query(id: UInt16, name: String, type: DNSRecordType) throws(DNSWireError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(17 + name.utf8.count)
        append16(id, to: &bytes)
        append16(0x0100, to: &bytes)          // QR=0, opcode 0, RD=1
        append16(1, to: &bytes)               // one question
        append16(0, to: &bytes); append16(0, to: &bytes); append16(0, to: &bytes)
        bytes += try encodeName(name)
        append16(type.rawValue, to: &bytes)
        append16(1, to: &bytes)               // class IN
        return bytes
    }

    /// `name` as length-prefixed labels ending with the root label.
    public static func encodeName(_ name: String) throws(DNSWireError) -> [UInt8] {
        var text = Substring(name)
        if text.hasSuffix(".") { text.removeLast() }
        guard !text.isEmpty else { throw .invalidName(name, reason: "it is empty") }
        var out: [UInt8] = []
        for label in text.split(separator: ".", omittingEmptySubsequences: false) {
            let bytes = Array(label.utf8)
            if bytes.isEmpty { throw .invalidName(name, reason: "it has an empty label (two dots in a row)") }
            if bytes.count > 63 { throw .invalidName(name, reason: "the label \"\(label)\" is longer than 63 characters") }
            if bytes.contains(where: { $0 >= 0x80 }) {
                throw .invalidName(name, reason: "it has non-ASCII characters; use its xn-- (punycode) form")
            }
            out.append(UInt8(bytes.count))
            out += bytes
        }
        out.append(0)
        if out.count > 255 { throw .invalidName(name, reason: "it is longer than 253 characters") }
        return out
    }

    /// Reads a response: header, the first question, and the answer section.
    public static func parseResponse(_ bytes: [UInt8]) throws(DNSWireError) -> DNSResponse {
        var reader = Reader(bytes: bytes)
        let id = try reader.read16()
        let flags = try reader.read16()
        guard flags & 0x8000 != 0 else { throw .malformed(offset: 2, reason: "the message is a query, not a response") }
        let questions = try reader.read16()
        let answers = try reader.read16()
        _ = try reader.read16(); _ = try reader.read16()   // authority and additional counts: not read
        var response = DNSResponse(id: id, responseCode: UInt8(flags & 0x000F), truncated: flags & 0x0200 != 0)
        for index in 0..<Int(questions) {
            let name = try reader.readName()
            let type = try reader.read16()
            _ = try reader.read16()
            if index == 0 { response.questionName = name; response.questionType = DNSRecordType(rawValue: type) }
        }
        for _ in 0..<Int(answers) {
            let name = try reader.readName()
            let type = DNSRecordType(rawValue: try reader.read16())
            _ = try reader.read16()   // class
            let ttl = try reader.read32()
            let length = Int(try reader.read16())
            let start = reader.offset
            guard start + length <= bytes.count else {
                throw .malformed(offset: start, reason: "record data of \(length) bytes runs past the end")
            }
            let data: DNSRecordData
            switch type {
            case .a where length == 4:
                data = .a(bytes[start..<start + 4].map(String.init).joined(separator: "."))
            case .aaaa where length == 16:
                data = .aaaa(IPv6Text.format(Array(bytes[start..<start + 16])))
            case .cname:
                var inner = Reader(bytes: bytes, offset: start)
                data = .cname(try inner.readName())
            default:
                data = .other(Array(bytes[start..<start + length]))
            }
            reader.offset = start + length
            response.answers.append(DNSResourceRecord(name: name, type: type, ttl: ttl, data: data))
        }
        return response
    }

    private static func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(value >> 8)); bytes.append(UInt8(value & 0xFF))
    }

    /// A cursor over a message; names may point back into it (compression).
    struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func read8() throws(DNSWireError) -> UInt8 {
            guard offset < bytes.count else { throw .malformed(offset: offset, reason: "the message ends early") }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func read16() throws(DNSWireError) -> UInt16 {
            UInt16(try read8()) << 8 | UInt16(try read8())
        }

        mutating func read32() throws(DNSWireError) -> UInt32 {
            UInt32(try read16()) << 16 | UInt32(try read16())
        }

        /// A name, following compression pointers; each pointer must go backwards, so loops end.
        mutating func readName() throws(DNSWireError) -> String {
            var labels: [String] = []
            var position = offset
            var resumeAt: Int?
            var limit = position
            var total = 0
            while true {
                guard position < bytes.count else { throw .malformed(offset: position, reason: "a name runs past the end") }
                let length = bytes[position]
                if length & 0xC0 == 0xC0 {
                    guard position + 1 < bytes.count else { throw .malformed(offset: position, reason: "a name pointer is cut off") }
                    let target = Int(length & 0x3F) << 8 | Int(bytes[position + 1])
                    guard target < limit else { throw .malformed(offset: position, reason: "a name pointer does not point backwards") }
                    if resumeAt == nil { resumeAt = position + 2 }
                    limit = target
                    position = target
                    continue
                }
                guard length & 0xC0 == 0 else { throw .malformed(offset: position, reason: "unknown label type") }
                if length == 0 { position += 1; break }
                let start = position + 1, end = start + Int(length)
                guard end <= bytes.count else { throw .malformed(offset: position, reason: "a label runs past the end") }
                total += Int(length) + 1
                guard total <= 255 else { throw .malformed(offset: position, reason: "a name is longer than 255 bytes") }
                labels.append(String(decoding: bytes[start..<end], as: UTF8.self).lowercased())
                position = end
            }
            offset = resumeAt ?? position
            return labels.joined(separator: ".")
        }
    }
}

/// RFC 5952 text for a 16-byte IPv6 address (lower case, longest zero run as `::`).
enum IPv6Text {
    static func format(_ bytes: [UInt8]) -> String {
        guard bytes.count == 16 else { return "" }
        let groups = (0..<8).map { UInt16(bytes[2 * $0]) << 8 | UInt16(bytes[2 * $0 + 1]) }
        var bestStart = -1, bestLength = 0, runStart = -1
        for i in 0...8 {
            if i < 8 && groups[i] == 0 {
                if runStart < 0 { runStart = i }
            } else if runStart >= 0 {
                if i - runStart > bestLength && i - runStart >= 2 { bestStart = runStart; bestLength = i - runStart }
                runStart = -1
            }
        }
        func hex(_ range: Range<Int>) -> String { range.map { String(groups[$0], radix: 16) }.joined(separator: ":") }
        if bestStart < 0 { return hex(0..<8) }
        return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
    }
}
