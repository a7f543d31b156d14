/// A DNS record type as it appears on the wire (RFC 1035 §3.2.2, RFC 3596).
public struct DNSRecordType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The 16-bit type code.
    public var rawValue: UInt16
    /// Wraps a type code.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// An IPv4 address.
    public static let a = DNSRecordType(rawValue: 1)
    /// An alias for another name.
    public static let cname = DNSRecordType(rawValue: 5)
    /// An IPv6 address.
    public static let aaaa = DNSRecordType(rawValue: 28)

    /// The usual mnemonic (`A`, `CNAME`, `AAAA`) or `TYPE<n>`.
    public var description: String {
        switch self {
        case .a: return "A"
        case .cname: return "CNAME"
        case .aaaa: return "AAAA"
        default: return "TYPE\(rawValue)"
        }
    }
}

/// The data of one answer record, decoded for the types this tool asks about.
public enum DNSRecordData: Hashable, Sendable {
    /// An IPv4 address in dotted form.
    case a(String)
    /// An IPv6 address in RFC 5952 text form.
    case aaaa(String)
    /// The alias target, without a trailing dot.
    case cname(String)
    /// Any other type, kept as raw bytes.
    case other([UInt8])
}

/// One resource record of a response's answer section.
public struct DNSResourceRecord: Hashable, Sendable {
    /// The owner name, lower-cased, without a trailing dot.
    public var name: String
    /// The record type.
    public var type: DNSRecordType
    /// Seconds the answer may be cached.
    public var ttl: UInt32
    /// The decoded data.
    public var data: DNSRecordData

    /// A record.
    public init(name: String, type: DNSRecordType, ttl: UInt32, data: DNSRecordData) {
        self.name = name; self.type = type; self.ttl = ttl; self.data = data
    }
}

/// The parts of a DNS response this tool reads.
public struct DNSResponse: Hashable, Sendable {
    /// The query id it answers.
    public var id: UInt16
    /// The response code: 0 no error, 2 server failure, 3 no such name (NXDOMAIN), 5 refused.
    public var responseCode: UInt8
    /// Set when the answer did not fit the UDP packet.
    public var truncated: Bool
    /// The name asked about, lower-cased, without a trailing dot.
    public var questionName: String?
    /// The type asked about.
    public var questionType: DNSRecordType?
    /// The answer section, in order.
    public var answers: [DNSResourceRecord]

    /// A response.
    public init(id: UInt16, responseCode: UInt8, truncated: Bool = false, questionName: String? = nil,
                questionType: DNSRecordType? = nil, answers: [DNSResourceRecord] = []) {
        self.id = id; self.responseCode = responseCode; self.truncated = truncated
        self.questionName = questionName; self.questionType = questionType; self.answers = answers
    }
}

/// Why bytes could not be turned into a query or read as a response.
public enum DNSWireError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The host name cannot be sent as a DNS name.
    case invalidName(String, reason: String)
    /// The response ended early or is malformed at this byte offset.
    case malformed(offset: Int, reason: String)

    /// A readable reason.
    public var description: String {
        switch self {
        case let .invalidName(name, reason): return "\"\(name)\" is not a valid DNS name: \(reason)"
        case let .malformed(offset, reason): return "malformed DNS response at byte \(offset): \(reason)"
        }
    }
}
