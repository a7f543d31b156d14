#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads `kubectl get … -o json` output into typed objects.
public enum KubeJSON {
    /// Decodes one object of type `T`; wraps decoding failures in `KubeError.invalidJSON`.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try decoder().decode(T.self, from: data)
        } catch let e as DecodingError {
            throw convert(e, kind: String(describing: T.self))
        }
    }

    /// Decodes a `List` (its `items`) or a single object into an array of `T`.
    public static func decodeList<T: Decodable>(_ type: T.Type, from data: Data) throws -> [T] {
        do {
            let probe = try decoder().decode(ListProbe.self, from: data)
            if probe.isList {
                return try decoder().decode(ItemsOnly<T>.self, from: data).items ?? []
            }
            return [try decoder().decode(T.self, from: data)]
        } catch let e as DecodingError {
            throw convert(e, kind: String(describing: T.self))
        }
    }

    /// Decodes a string of JSON (convenience for tests and fixtures).
    public static func decodeList<T: Decodable>(_ type: T.Type, from text: String) throws -> [T] {
        try decodeList(type, from: Data(text.utf8))
    }

    /// The decoder with Kubernetes timestamp handling.
    static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { dec in
            let c = try dec.singleValueContainer()
            let s = try c.decode(String.self)
            guard let date = KubeTime.parse(s) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "invalid timestamp \"\(s)\": expected RFC 3339 like 2024-05-01T10:00:00Z")
            }
            return date
        }
        return d
    }

    static func convert(_ e: DecodingError, kind: String) -> KubeError {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { k in k.intValue.map { "[\($0)]" } ?? ".\(k.stringValue)" }.joined()
                .replacing(".[", with: "[")
        }
        switch e {
        case let .typeMismatch(t, ctx):
            return .invalidJSON(kind: kind, path: path(ctx.codingPath), reason: "expected \(t): \(ctx.debugDescription)")
        case let .valueNotFound(t, ctx):
            return .invalidJSON(kind: kind, path: path(ctx.codingPath), reason: "missing \(t)")
        case let .keyNotFound(k, ctx):
            return .invalidJSON(kind: kind, path: path(ctx.codingPath + [k]), reason: "missing key")
        case let .dataCorrupted(ctx):
            return .invalidJSON(kind: kind, path: path(ctx.codingPath), reason: ctx.debugDescription)
        @unknown default:
            return .invalidJSON(kind: kind, path: "", reason: "\(e)")
        }
    }

    private struct ListProbe: Decodable {
        var kind: String?
        var hasItems: Bool
        var isList: Bool { hasItems || (kind?.hasSuffix("List") ?? false) }
        enum K: String, CodingKey { case kind, items }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: K.self)
            kind = try? c.decodeIfPresent(String.self, forKey: .kind)
            hasItems = c.contains(.items)
        }
    }

    private struct ItemsOnly<T: Decodable>: Decodable { var items: [T]? }
}

/// Shorthands for tolerant decoding: a missing or null key gives the default.
extension KeyedDecodingContainer {
    func opt<T: Decodable>(_ key: Key) throws -> T? { try decodeIfPresent(T.self, forKey: key) }
    func or<T: Decodable>(_ key: Key, _ fallback: T) throws -> T { try decodeIfPresent(T.self, forKey: key) ?? fallback }
}
