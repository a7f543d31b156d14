import JSON
import Testing

/// Codable through the shared module: what the reports, kubectl's output and the saved
/// simulated cluster go through.
@Suite struct JSONCodableTests {
    struct Report: Codable, Equatable {
        enum Kind: String, Codable { case ok, problem }
        struct Item: Codable, Equatable {
            var name: String
            var kind: Kind
            var note: String?
        }
        var title: String
        var count: Int
        var ratio: Double
        var big: UInt64
        var flags: [Bool]
        var items: [Item]
        var byName: [String: Int]
        var missing: String?
        var document: JSONValue
    }

    static let report = Report(
        title: "a/b <c>", count: -3, ratio: 0.1, big: .max, flags: [true, false],
        items: [Report.Item(name: "x", kind: .ok, note: nil), Report.Item(name: "y", kind: .problem, note: "n")],
        byName: ["b": 2, "a": 1], missing: nil,
        document: .object(["z": .number(JSONNumber(text: "1.50", value: 1.5, isInteger: false)), "a": .null]))

    @Test func encodesSortedWithNilOptionalsLeftOut() throws {
        let text = try JSONValueEncoder().text(Self.report, style: JSONWriter.Style(escapeHTML: false))
        #expect(
            text == #"{"big":18446744073709551615,"byName":{"a":1,"b":2},"count":-3,"document":{"a":null,"z":1.50},"#
                + #""flags":[true,false],"items":[{"kind":"ok","name":"x"},{"kind":"problem","name":"y","note":"n"}],"#
                + #""ratio":0.1,"title":"a/b <c>"}"#)
    }

    @Test func roundTripsThroughText() throws {
        let text = try JSONValueEncoder().text(Self.report, style: .kubectl)
        #expect(try JSONValueDecoder().decode(Report.self, from: text) == Self.report)
    }

    @Test func decodingErrorsNameThePath() throws {
        let decoder = JSONValueDecoder()
        func error(_ text: String) -> DecodingError? {
            do {
                _ = try decoder.decode(Report.Item.self, from: text)
                return nil
            } catch let e as DecodingError {
                return e
            } catch {
                return nil
            }
        }
        guard case .keyNotFound(let key, _)? = error(#"{"kind":"ok"}"#) else {
            Issue.record("want keyNotFound")
            return
        }
        #expect(key.stringValue == "name")
        guard case .typeMismatch(_, let context)? = error(#"{"name":3,"kind":"ok"}"#) else {
            Issue.record("want typeMismatch")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["name"])
        #expect(context.debugDescription == "Expected to decode String but found a number instead.")
        guard case .valueNotFound? = error(#"{"name":null,"kind":"ok"}"#) else {
            Issue.record("want valueNotFound")
            return
        }
        guard case .dataCorrupted(let bad)? = error(#"{"name":"x","kind":"ok","note":"#) else {
            Issue.record("want dataCorrupted")
            return
        }
        #expect(bad.debugDescription == "not valid JSON: unexpected end of JSON input at line 1, column 32")
        guard case .dataCorrupted(let list)? = error(#"{"name":"x","kind":"nope"}"#) else {
            Issue.record("want dataCorrupted")
            return
        }
        #expect(list.codingPath.map(\.stringValue) == ["kind"])
    }

    @Test func integersMustFitExactly() throws {
        let decoder = JSONValueDecoder()
        #expect(try decoder.decode([Int64].self, from: "[9223372036854775807, 3.0, -0]") == [.max, 3, 0])
        #expect(try decoder.decode(UInt64.self, from: "18446744073709551615") == .max)
        #expect(throws: DecodingError.self) { try decoder.decode(Int8.self, from: "128") }
        #expect(throws: DecodingError.self) { try decoder.decode(Int.self, from: "1.5") }
        #expect(throws: DecodingError.self) { try decoder.decode(Int64.self, from: "9223372036854775808") }
        #expect(try decoder.decode(Double.self, from: "9223372036854775808") == 9_223_372_036_854_775_808)
    }

    @Test func specialTypesAreDecodedByTheHook() throws {
        // The hook sees every value of the type, wherever it is, and its errors keep their path.
        let hooked = JSONValueDecoder { type, value, path in
            guard type == Int.self, case .string(let s) = value else { return nil }
            guard let n = Int(s) else { throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "not a number: \(s)")) }
            return n
        }
        #expect(try hooked.decode([String: [Int]].self, from: #"{"a":["1",2,"3"]}"#) == ["a": [1, 2, 3]])
        do {
            _ = try hooked.decode([String: [Int]].self, from: #"{"a":[1,"x"]}"#)
            Issue.record("expected an error")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.codingPath.map(\.stringValue) == ["a", "Index 1"])
            #expect(context.debugDescription == "not a number: x")
        }
    }

    @Test func documentsInsideTypesKeepOrderAndText() throws {
        struct Holder: Codable { var spec: JSONValue }
        let holder = try JSONValueDecoder().decode(Holder.self, from: #"{"spec":{"z":1.0,"a":[12345678901234567890]}}"#)
        #expect(holder.spec.objectValue?.keys == ["z", "a"])
        #expect(
            try JSONValueEncoder().text(holder, style: JSONWriter.Style(sortKeys: false))
                == #"{"spec":{"z":1.0,"a":[12345678901234567890]}}"#)
    }

    @Test func notANumberIsRefused() {
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode([Double.nan]) }
    }
}
