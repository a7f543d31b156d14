import Kube

/// The DNS record the person must create at their DNS provider, with what to watch out for.
public struct DNSInstruction: Hashable, Sendable {
    /// The record (A for an IP, AAAA for IPv6, CNAME for a host name such as AWS gives).
    public var record: DNSRecord
    /// Set when the hostname is the zone apex and a CNAME is impossible there.
    public var apexNote: String?
    /// Lines for people: the record, then how to enter it.
    public var lines: [String]

    /// Two-label public suffixes under which the apex has three labels (`example.co.uk`).
    static let twoLabelSuffixes: Set<String> = [
        "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "com.au", "net.au", "org.au", "co.nz", "org.nz",
        "co.jp", "ne.jp", "or.jp", "com.br", "net.br", "co.za", "com.mx", "co.in", "com.cn", "com.tr",
        "com.sg", "com.hk", "co.kr", "com.ar", "co.il", "com.tw", "com.pl", "co.id",
    ]

    /// Whether `hostname` looks like a zone apex (`example.com`, `example.co.uk`).
    public static func isApex(_ hostname: String) -> Bool {
        var h = hostname.lowercased()
        while h.hasSuffix(".") { h.removeLast() }
        let labels = h.split(separator: ".")
        if labels.count <= 2 { return true }
        if labels.count == 3 { return twoLabelSuffixes.contains(labels.suffix(2).joined(separator: ".")) }
        return false
    }

    /// The instruction for pointing `hostname` at `address`.
    public static func make(hostname: String, address: ExternalAddress, ttl: Int = 300) -> DNSInstruction {
        let record = address.dnsRecord(for: hostname, ttl: ttl)
        var note: String?
        if record.type == "CNAME" && isApex(record.name) {
            note = "\(record.name) is the top of its DNS zone, where a CNAME record is not allowed. "
                + "Use your DNS provider's ALIAS or ANAME record (on Route 53: an Alias A record to the load balancer), or install PostHog on a subdomain such as posthog.\(record.name)."
        }
        var lines = [record.instruction + ".", "Zone-file form: \(record.zoneLine)"]
        if record.type == "CNAME" {
            lines.append("The load balancer's address is a host name, so the record must be a CNAME; its IPs can change.")
        }
        if let note { lines.append(note) }
        lines.append("At your DNS provider, enter the name as the provider expects (often only the part before your domain) and the value exactly as shown.")
        return DNSInstruction(record: record, apexNote: note, lines: lines)
    }
}
