#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON
import YAML

// What the simulated cluster needs of the shared JSON document type: kubectl's and helm's
// printed forms, readers for the fields it looks at, and conversions from manifests.

extension JSONValue {
    /// The integer, when this is a whole number (or a string holding one, as quantities can be).
    var intValue: Int? {
        switch self {
        case .number(let n):
            if let i = n.int64Value { return Int(i) }
            guard n.value.isFinite, n.value == n.value.rounded(), abs(n.value) < 9e18 else { return nil }
            return Int(n.value)
        case .string(let s): return Int(s)
        default: return nil
        }
    }

    /// A string-to-string map (labels, annotations); other members are skipped.
    var stringMap: [String: String] {
        var out: [String: String] = [:]
        for (k, v) in objectValue ?? [:] { if let s = v.stringValue { out[k] = s } }
        return out
    }

    /// A JSON object of strings.
    static func strings(_ map: [String: String]) -> JSONValue { .object(JSONObject(map.mapValues { .string($0) })) }

    /// A timestamp in Kubernetes' whole-second RFC 3339 form, or null.
    static func time(_ date: Date?) -> JSONValue { date.map { .string(KubeTimeText.seconds($0)) } ?? .null }

    /// The value of a YAML document (manifests rendered by the chart), members in document order.
    init(_ yaml: YAMLValue) {
        switch yaml {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .float(let d): self = .double(d)
        case .string(let s): self = .string(s)
        case .sequence(let items): self = .array(items.map(JSONValue.init))
        case .mapping(let m):
            var members = JSONObject()
            for entry in m.entries { members[entry.key] = JSONValue(entry.value) }
            self = .object(members)
        }
    }

    /// The document as kubectl prints it (Go's MarshalIndent: sorted keys, four spaces), with a final newline.
    var pretty: String { text(.kubectl) + "\n" }

    /// The document on one line (helm's `-o json`), with a final newline.
    var compact: String { text(.compact) + "\n" }
}
