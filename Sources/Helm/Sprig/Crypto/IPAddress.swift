import COpenSSL

/// Go's `net.ParseIP` for certificate SANs, giving the bytes `x509` encodes (4 for IPv4).
enum IPAddress {
    /// 4 bytes for IPv4 (and IPv4-mapped IPv6), 16 for IPv6; nil when Go would reject the text.
    static func parse(_ text: String) -> [UInt8]? {
        if !text.contains(":") { return parseIPv4(Substring(text)) }
        // Go rejects zones; OpenSSL's parser handles "::" and embedded IPv4 tails.
        guard !text.contains("%"), let octets = a2i_IPADDRESS(text) else { ERR_clear_error(); return nil }
        defer { ASN1_OCTET_STRING_free(octets) }
        let length = Int(ASN1_STRING_length(octets))
        guard length == 16, let data = ASN1_STRING_get0_data(octets) else { return nil }
        let bytes = Array(UnsafeBufferPointer(start: data, count: length))
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF { return Array(bytes[12...]) }
        return bytes
    }

    /// Dotted decimal with four parts of at most three digits, no leading zeros, each below 256.
    static func parseIPv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                  !(part.count > 1 && part.first == "0"), let value = Int(part), value < 256 else { return nil }
            out.append(UInt8(value))
        }
        return out
    }
}
