import JSON
import Testing

/// The shared writer: Go's json.Marshal / MarshalIndent layout, and round trips through the reader.
@Suite struct JSONWriterTests {
    static let sample: JSONValue = .object([
        "name": .string("<posthog> & co"),
        "replicas": .int(3),
        "ratio": .double(0.25),
        "empty": .object([:]),
        "list": .array([.int(1), .array([]), .object(["b": .bool(true), "a": .null])]),
    ])

    @Test func compactIsGoMarshal() {
        #expect(
            Self.sample.text()
                == #"{"empty":{},"list":[1,[],{"a":null,"b":true}],"name":"\u003cposthog\u003e \u0026 co","ratio":0.25,"replicas":3}"#)
        #expect(Self.sample.text(JSONWriter.Style(escapeHTML: false)).contains(#""<posthog> & co""#))
    }

    @Test func indentedIsGoMarshalIndent() {
        let expected = """
            {
                "empty": {},
                "list": [
                    1,
                    [],
                    {
                        "a": null,
                        "b": true
                    }
                ],
                "name": "\\u003cposthog\\u003e \\u0026 co",
                "ratio": 0.25,
                "replicas": 3
            }
            """
        #expect(Self.sample.text(.kubectl) == expected)
    }

    @Test func documentOrderIsKeptWhenAsked() {
        let value: JSONValue = .object(["z": .int(1), "a": .int(2)])
        #expect(value.text(JSONWriter.Style(indent: "  ", sortKeys: false)) == "{\n  \"z\": 1,\n  \"a\": 2\n}")
    }

    @Test func floatsAreWrittenInGoFormat() {
        #expect(JSONValue.double(3).text() == "3")
        #expect(JSONValue.double(1e21).text() == "1e+21")
        #expect(JSONValue.double(1e-7).text() == "1e-7")
        #expect(JSONValue.double(0.1).text() == "0.1")
        #expect(JSONValue.double(123456789.125).text() == "123456789.125")
        #expect(JSONValue.double(.nan) == .null)
        #expect(JSONValue.double(3) != JSONValue.int(3))  // a whole float is still a float
    }

    @Test func roundTripsKeepTextOrderAndValues() throws {
        let texts = [
            #"{"b":[1,2.50,-0,1E+400,12345678901234567890],"a":{"y":"\u003c\n\u2028","x":[]},"c":null}"#,
            #"[true,false,"é😀",{"":{}}]"#,
            #""just a string""#,
            "-0.000001",
        ]
        for text in texts {
            let value = try JSONReader.read(text)
            let written = value.text(JSONWriter.Style(sortKeys: false))
            #expect(written == text)
            #expect(try JSONReader.read(written) == value)
        }
        let pretty = Self.sample.text(.kubectl)
        #expect(try JSONReader.read(pretty) == Self.sample)
        #expect(try JSONReader.read(pretty).text(.kubectl) == pretty)
    }

    @Test func objectEqualityIgnoresOrderAndHashesAlike() {
        let a: JSONValue = .object(["x": .int(1), "y": .string("2")])
        let b: JSONValue = .object(["y": .string("2"), "x": .int(1)])
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        #expect(a != .object(["x": .int(1)]))
    }

    @Test func objectsBehaveLikeOrderedDictionaries() {
        var object: JSONObject = ["c": .int(1), "a": .int(2), "b": .int(3)]
        object["a"] = nil
        object["d"] = .int(4)
        object["c"] = .int(5)
        #expect(object.keys == ["c", "b", "d"])
        #expect(object["b"] == .int(3))
        #expect(object.filter { $0.key != "b" }.keys == ["c", "d"])
        #expect(JSONObject(["b": .null, "a": .null]).keys == ["a", "b"])
        var value = JSONValue.object(object)
        value["e"] = .bool(true)
        #expect(value.objectValue?.keys == ["c", "b", "d", "e"])
    }

    @Test func veryDeepValuesAreWrittenWithoutRecursion() throws {
        var value = JSONValue.int(0)
        for _ in 0..<JSONReader.defaultMaximumDepth { value = .array([value]) }
        let text = value.text()
        #expect(text.count == 2 * JSONReader.defaultMaximumDepth + 1)
        #expect(try JSONReader.read(text) == value)
    }

    @Test func nestingDepthIsCountedWithoutRecursion() throws {
        #expect(JSONValue.int(1).nestingDepth == 0)
        #expect(Self.sample.nestingDepth == 3)
        let deep = try JSONReader.read(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))
        #expect(deep.nestingDepth == 10_000)
    }
}
