#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON

/// Reads `kubectl get … -o json` output into typed objects (the shared JSON reader and decoder,
/// with Kubernetes' RFC 3339 timestamps as `Date`).
public enum KubeJSON {
    /// Decodes one object of type `T`; wraps decoding failures in `KubeError.invalidJSON`.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try decoder.decode(T.self, from: data)
        } catch let e as DecodingError {
            throw convert(e, kind: String(describing: T.self))
        }
    }

    /// Decodes one object of type `T` from a document already read (the simulated cluster's objects).
    public static func decode<T: Decodable>(_ type: T.Type, from document: JSONValue) throws -> T {
        do {
            return try decoder.decode(T.self, from: document)
        } catch let e as DecodingError {
            throw convert(e, kind: String(describing: T.self))
        }
    }

    /// Decodes a `List` (its `items`) or a single object into an array of `T`.
    public static func decodeList<T: Decodable>(_ type: T.Type, from data: Data) throws -> [T] {
        do {
            let document: JSONValue
            do {
                document = try JSONReader.read(bytes: Array(data))
            } catch {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: [], debugDescription: "not valid JSON: \(error)", underlyingError: error))
            }
            let isList = document["items"] != nil || (document["kind"]?.stringValue?.hasSuffix("List") ?? false)
            guard isList else { return [try decoder.decode(T.self, from: document)] }
            guard let items = document["items"], items != .null else { return [] }
            return try decoder.decode([T].self, from: items, at: [JSONValueDecoder.key("items")])
        } catch let e as DecodingError {
            throw convert(e, kind: String(describing: T.self))
        }
    }

    /// Decodes a string of JSON (convenience for tests and fixtures).
    public static func decodeList<T: Decodable>(_ type: T.Type, from text: String) throws -> [T] {
        try decodeList(type, from: Data(text.utf8))
    }

    /// The decoder with Kubernetes timestamp handling.
    static let decoder = JSONValueDecoder { type, value, path in
        guard type == Date.self else { return nil }
        guard case .string(let s) = value else {
            throw DecodingError.typeMismatch(
                String.self, .init(codingPath: path, debugDescription: "Expected a timestamp string but found \(value.text()) instead."))
        }
        guard let date = KubeTime.parse(s) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: path, debugDescription: "invalid timestamp \"\(s)\": expected RFC 3339 like 2024-05-01T10:00:00Z"))
        }
        return date
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
}

/// Shorthands for tolerant decoding: a missing or null key gives the default.
extension KeyedDecodingContainer {
    func opt<T: Decodable>(_ key: Key) throws -> T? { try decodeIfPresent(T.self, forKey: key) }
    func or<T: Decodable>(_ key: Key, _ fallback: T) throws -> T { try decodeIfPresent(T.self, forKey: key) ?? fallback }
}
