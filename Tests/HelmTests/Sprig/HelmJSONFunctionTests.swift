import GoTemplate
import Testing
@testable import Helm

/// fromJson / fromJsonArray / toJson over the shared JSON reader and writer, against Helm v4.3's
/// output for the same templates (rendered with the helm oracle): Go's error wording, its depth
/// limit, key order and number forms.
@Suite struct HelmJSONFunctionTests {
    /// Template pipelines (inside `{{ }}`) and what Helm printed.
    static let cases: [(String, String)] = [
        (
            "fromJson \"\" | toJson",
            "{\"Error\":\"unexpected end of JSON input\"}"
        ),
        (
            "fromJson \"[1,\" | toJson",
            "{\"Error\":\"unexpected end of JSON input\"}"
        ),
        (
            "fromJson \"{\\\"a\\\": 1, \\\"b\\\": tru}\" | toJson",
            "{\"Error\":\"invalid character '}' in literal true (expecting 'e')\"}"
        ),
        (
            "fromJson \"Ã©\" | toJson",
            "{\"Error\":\"invalid character 'Ã' looking for beginning of value\"}"
        ),
        (
            "fromJson \"{\\\"a\\\":1}Â\u{85}\" | toJson",
            "{\"Error\":\"invalid character 'Â' after top-level value\"}"
        ),
        (
            "fromJson \"{\\\"a\\\":1.x}\" | toJson",
            "{\"Error\":\"invalid character 'x' in numeric literal\"}"
        ),
        (
            "fromJson \"{\\\"a\\\":1e}\" | toJson",
            "{\"Error\":\"invalid character '}' in numeric literal\"}"
        ),
        (
            "fromJson \"{\\\"a\\\":\\\"\\\\q\\\"}\" | toJson",
            "{\"Error\":\"invalid escape sequence `\\\\q` in string\"}"
        ),
        (
            "fromJson \"{\\\"a\\\":\\\"\\\\u12g4\\\"}\" | toJson",
            "{\"Error\":\"invalid escape sequence `\\\\u12g4` in string\"}"
        ),
        (
            "fromJsonArray \"[1, 2\" | toJson",
            "[\"unexpected end of JSON input\"]"
        ),
        (
            "fromJson (printf \"%s%s\" (repeat 10000 \"[\") (repeat 10000 \"]\")) | toJson",
            "{\"Error\":\"json: cannot unmarshal array into Go value of type map[string]interface {}\"}"
        ),
        (
            "fromJson (printf \"%s%s\" (repeat 10001 \"[\") (repeat 10001 \"]\")) | toJson",
            "{\"Error\":\"exceeded max depth\"}"
        ),
        (
            "fromJson (printf \"{\\\"a\\\":%s1%s}\" (repeat 9999 \"[\") (repeat 9999 \"]\")) | toJson | len",
            "20005"
        ),
        (
            "fromJson (printf \"{\\\"a\\\":%s1%s}\" (repeat 10000 \"[\") (repeat 10000 \"]\")) | toJson | len",
            "30"
        ),
        (
            "fromJson \"{\\\"z\\\":1,\\\"a\\\":{\\\"y\\\":[1.5,12345678901234567890,1e-7,\\\"<&>\\\"]}}\" | toJson",
            "{\"a\":{\"y\":[1.5,12345678901234567000,1e-7,\"\\u003c\\u0026\\u003e\"]},\"z\":1}"
        ),
        (
            "fromJson \"{\\\"z\\\":1,\\\"a\\\":{\\\"y\\\":[1.5,12345678901234567890,1e-7,\\\"<&>\\\"]}}\" | toPrettyJson",
            "{\n  \"a\": {\n    \"y\": [\n      1.5,\n      12345678901234567000,\n      1e-7,\n      \"\\u003c\\u0026\\u003e\"\n    ]\n  },\n  \"z\": 1\n}"
        ),
        (
            "fromJson \"{\\\"z\\\":1,\\\"a\\\":{\\\"y\\\":[1.5,\\\"<&>\\\"]}}\" | toRawJson",
            "{\"a\":{\"y\":[1.5,\"<&>\"]},\"z\":1}"
        ),
        (
            "fromJson \"\\\"a\\u0001\\\"\" | toJson",
            "{\"Error\":\"invalid character '\\\\x01' in string\"}"
        ),
        (
            "fromJson \"[1 2]\" | toJson",
            "{\"Error\":\"invalid character '2' after array element\"}"
        ),
        (
            "fromJson \"{\\\"a\\\" 1}\" | toJson",
            "{\"Error\":\"invalid character '1' after object key\"}"
        ),
        (
            "fromJson \"{\\\"a\\\":1 \\\"b\\\"}\" | toJson",
            "{\"Error\":\"invalid character '\\\"' after object key:value pair\"}"
        ),
        (
            "fromJson \"{,}\" | toJson",
            "{\"Error\":\"invalid character ',' looking for beginning of object key string\"}"
        ),
        (
            "fromJson \"-x\" | toJson",
            "{\"Error\":\"invalid character 'x' in numeric literal\"}"
        ),
        (
            "fromJson \"{\\\"a\\\":01}\" | toJson",
            "{\"Error\":\"invalid character '1' after object key:value pair\"}"
        ),
        (
            "fromJson \"\\\"\\\\u12\" | toJson",
            "{\"Error\":\"unexpected end of JSON input\"}"
        ),
        (
            "fromJson \"{\\\"a\\\":1} x\" | toJson",
            "{\"Error\":\"invalid character 'x' after top-level value\"}"
        ),
        (
            "fromJson \"[1,]\" | toJson",
            "{\"Error\":\"invalid character ']' looking for beginning of value\"}"
        ),
        (
            "fromJson \"{\\\"a\\\":1,}\" | toJson",
            "{\"Error\":\"invalid character '}' looking for beginning of object key string\"}"
        ),
        (
            "fromJson \"{\\\"a\\\":[1,2}\" | toJson",
            "{\"Error\":\"invalid character '}' after array element\"}"
        ),
        (
            "fromJson \"{\\\"a\\\":\\\"\\\\ud800\\\\u0041\\\"}\" | toJson",
            "{\"a\":\"�A\"}"
        ),
        (
            "fromJson \"{\\\"a\\\":\\\"\\\\ud800\\\"}\" | toJson",
            "{\"a\":\"�\"}"
        ),
        (
            "fromJson \"{\\\"a\\\":1,\\\"a\\\":2}\" | toJson",
            "{\"a\":2}"
        ),
        (
            "fromJson \"{\\\"a\\\":\\\"x\\xff\\\"}\" | toJson",
            "{\"a\":\"x�\"}"
        ),
        (
            "fromJson \"  \" | toJson",
            "{\"Error\":\"unexpected end of JSON input\"}"
        ),
        (
            "fromJson \"{\\\"a\\\":-}\" | toJson",
            "{\"Error\":\"invalid character '}' in numeric literal\"}"
        ),
        (
            "fromJson \"{\\\"a\\\":nul}\" | toJson",
            "{\"Error\":\"invalid character '}' in literal null (expecting 'l')\"}"
        ),
        (
            "fromJson \"{\\\"a\\\":\\\"\\\\/\\\"}\" | toJson",
            "{\"a\":\"/\"}"
        ),
        (
            "fromJson \"{\\\"a\\\":\\\"x\\\"\" | toJson",
            "{\"Error\":\"unexpected end of JSON input\"}"
        ),
        (
            "fromJson \"{\\\"a\\\"\" | toJson",
            "{\"Error\":\"unexpected end of JSON input\"}"
        ),
        (
            "fromJson \"{\\\"a\\\":\\\"\\u2028\\\"}\" | toJson",
            "{\"a\":\"\\u2028\"}"
        ),
        (
            "fromJson \"\\x7f\" | toJson",
            "{\"Error\":\"invalid character '\\\\x7f' looking for beginning of value\"}"
        ),
        (
            "fromJson \"\\t\\n{\\\"a\\\": 1,\\n \\\"b\\\": x}\" | toJson",
            "{\"Error\":\"invalid character 'x' looking for beginning of value\"}"
        ),
    ]

    @Test func everyCaseMatchesHelm() throws {
        let functions = SprigLibrary.functions.merging(HelmFunctions.functions) { a, _ in a }
        for (pipeline, expected) in Self.cases {
            let set = TemplateSet(functions: functions)
            do {
                try set.parse(name: "t", source: "{{ \(pipeline) }}")
                #expect(try set.execute("t", data: .map(ValueMap())) == expected, "\(pipeline)")
            } catch {
                Issue.record("\(pipeline): \(error)")
            }
        }
    }

    @Test func mustFromJsonFailsWithGoText() throws {
        let set = TemplateSet(functions: SprigLibrary.functions.merging(HelmFunctions.functions) { a, _ in a })
        try set.parse(name: "t", source: #"{{ mustFromJson "{\"a\": x}" }}"#)
        #expect(throws: (any Error).self) { try set.execute("t", data: .map(ValueMap())) }
        do {
            _ = try set.execute("t", data: .map(ValueMap()))
        } catch {
            #expect("\(error)".hasSuffix("error calling mustFromJson: invalid character 'x' looking for beginning of value"), "\(error)")
        }
    }
}
