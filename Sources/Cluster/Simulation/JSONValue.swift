#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GoStrconv
import YAML

/// A JSON document as the simulated cluster builds it, printed the way kubectl and helm print
/// theirs (Go's `json.MarshalIndent`: sorted keys, four-space indent, `<>&` escaped).
enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The member `key` of an object.
    subscript(key: String) -> JSONValue? {
        get {
            if case .object(let members) = self { return members[key] }
            return nil
        }
        set {
            guard case .object(var members) = self else { return }
            members[key] = newValue
            self = .object(members)
        }
    }

    /// The string, when this is one.
    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The integer, when this is a whole number.
    var intValue: Int? {
        switch self {
        case .int(let i): return Int(i)
        case .double(let d) where d == d.rounded(): return Int(d)
        case .string(let s): return Int(s)
        default: return nil
        }
    }

    /// The elements, when this is an array.
    var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The members, when this is an object.
    var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// A string-to-string map (labels, annotations); other members are skipped.
    var stringMap: [String: String] {
        var out: [String: String] = [:]
        for (k, v) in objectValue ?? [:] { if let s = v.stringValue { out[k] = s } }
        return out
    }

    /// A JSON object of strings.
    static func strings(_ map: [String: String]) -> JSONValue { .object(map.mapValues { .string($0) }) }

    /// A timestamp in Kubernetes' whole-second RFC 3339 form, or null.
    static func time(_ date: Date?) -> JSONValue { date.map { .string(KubeTimeText.seconds($0)) } ?? .null }

    /// The value of a YAML document (manifests rendered by the chart).
    init(_ yaml: YAMLValue) {
        switch yaml {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .float(let d): self = .double(d)
        case .string(let s): self = .string(s)
        case .sequence(let items): self = .array(items.map(JSONValue.init))
        case .mapping(let m):
            var members: [String: JSONValue] = [:]
            for entry in m.entries { members[entry.key] = JSONValue(entry.value) }
            self = .object(members)
        }
    }

    /// The document as kubectl prints it, with a final newline.
    var pretty: String {
        var out = ""
        write(into: &out, indent: 0, pretty: true)
        return out + "\n"
    }

    /// The document on one line (helm's `-o json`), with a final newline.
    var compact: String {
        var out = ""
        write(into: &out, indent: 0, pretty: false)
        return out + "\n"
    }

    /// The bytes of the compact form, for decoding with `KubeJSON`.
    var data: Data { Data(compact.utf8) }

    private func write(into out: inout String, indent: Int, pretty: Bool) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if d == d.rounded(), abs(d) < 1e21 { out += String(Int64(d)) } else { out += GoJSONText.number(d) ?? "null" }
        case .string(let s): GoJSONText.appendString(s, to: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty { newline(&out, indent + 1) }
                item.write(into: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { newline(&out, indent) }
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (i, key) in keys.enumerated() {
                if i > 0 { out += "," }
                if pretty { newline(&out, indent + 1) }
                GoJSONText.appendString(key, to: &out)
                out += pretty ? ": " : ":"
                members[key]?.write(into: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { newline(&out, indent) }
            out += "}"
        }
    }

    private func newline(_ out: inout String, _ level: Int) {
        out += "\n" + String(repeating: "    ", count: level)
    }
}

/// Timestamps as the API server writes them.
enum KubeTimeText {
    /// `2026-11-24T21:40:03Z`.
    static func seconds(_ date: Date) -> String {
        let t = Int64(date.timeIntervalSince1970.rounded(.down))
        let (y, mo, d, h, mi, s) = civil(t)
        return "\(pad(y, 4))-\(pad(mo, 2))-\(pad(d, 2))T\(pad(h, 2)):\(pad(mi, 2)):\(pad(s, 2))Z"
    }

    /// `2026-11-24T21:40:03.512345Z` (event times carry microseconds).
    static func micro(_ date: Date) -> String {
        let whole = date.timeIntervalSince1970.rounded(.down)
        let micros = Int((date.timeIntervalSince1970 - whole) * 1_000_000)
        let base = seconds(date)
        return String(base.dropLast()) + "." + pad(micros, 6) + "Z"
    }

    /// helm's `LAST DEPLOYED:` form, Go's ANSIC layout: `Tue Nov 24 21:40:03 2026`.
    static func ansic(_ date: Date) -> String {
        let t = Int64(date.timeIntervalSince1970.rounded(.down))
        let (y, mo, d, h, mi, s) = civil(t)
        let days = t >= 0 ? t / 86400 : (t - 86399) / 86400
        let weekday = Int(((days % 7) + 11) % 7)  // 1970-01-01 was a Thursday
        let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let day = d < 10 ? " \(d)" : "\(d)"
        return "\(names[weekday]) \(months[mo - 1]) \(day) \(pad(h, 2)):\(pad(mi, 2)):\(pad(s, 2)) \(y)"
    }

    /// helm list's `updated`: `2026-11-24 21:40:03.000000000 +0000 UTC`.
    static func goDefault(_ date: Date) -> String {
        let t = Int64(date.timeIntervalSince1970.rounded(.down))
        let nanos = Int((date.timeIntervalSince1970 - Double(t)) * 1_000_000_000)
        let (y, mo, d, h, mi, s) = civil(t)
        return "\(pad(y, 4))-\(pad(mo, 2))-\(pad(d, 2)) \(pad(h, 2)):\(pad(mi, 2)):\(pad(s, 2)).\(pad(nanos, 9)) +0000 UTC"
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func civil(_ t: Int64) -> (Int, Int, Int, Int, Int, Int) {
        let days = t >= 0 ? t / 86400 : (t - 86399) / 86400
        let rem = Int(t - days * 86400)
        // Howard Hinnant's civil-from-days.
        let z = Int(days) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d, rem / 3600, rem / 60 % 60, rem % 60)
    }
}
