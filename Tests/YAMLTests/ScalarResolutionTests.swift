import Testing
@testable import YAML

@Suite struct ScalarResolutionTests {
    @Test(arguments: [
        ("y", YAMLValue.bool(true)), ("Yes", .bool(true)), ("ON", .bool(true)), ("true", .bool(true)), ("True", .bool(true)),
        ("n", .bool(false)), ("no", .bool(false)), ("off", .bool(false)), ("FALSE", .bool(false)),
        ("~", .null), ("null", .null), ("Null", .null), ("", .null),
        ("123", .int(123)), ("-17", .int(-17)), ("+5", .int(5)), ("0x1F", .int(31)), ("0o17", .int(15)), ("017", .int(15)),
        ("0b101", .int(5)), ("1_000_000", .int(1_000_000)), ("08", .float(8)), ("1.5", .float(1.5)), ("1e3", .float(1000)),
        (".5", .float(0.5)), ("-.inf", .float(-.infinity)), (".Inf", .float(.infinity)), ("9223372036854775808", .float(9223372036854775808)),
        ("2024-01-02", .string("2024-01-02")), ("2001-12-14t21:59:43.10-05:00", .string("2001-12-14t21:59:43.10-05:00")),
        ("1:20", .string("1:20")), ("yess", .string("yess")), ("0x", .string("0x")), ("1.2.3", .string("1.2.3")),
        ("1e", .string("1e")), ("_1", .string("_1")),
    ])
    func plainScalarsResolveLikeGoYAMLv2(text: String, expected: YAMLValue) throws {
        let value = try YAML.parse("v: \(text)\n", file: "t.yaml")
        #expect(value["v"] == expected)
    }

    @Test func nanResolves() throws {
        guard case .float(let d) = try YAML.parse("v: .NaN", file: "t.yaml")["v"] else { Issue.record("not a float"); return }
        #expect(d.isNaN)
    }

    @Test(arguments: ["'yes'", "\"123\"", "'~'", "\"\""])
    func quotedScalarsAreStrings(text: String) throws {
        #expect(try YAML.parse("v: \(text)", file: "t.yaml")["v"]?.stringValue != nil)
    }

    @Test(arguments: [
        ("!!str 123", YAMLValue.string("123")), ("!!int \"42\"", .int(42)), ("!!float 3", .float(3)), ("!!bool yes", .bool(true)),
        ("!!null ''", .null), ("!custom thing", .string("thing")),
    ])
    func explicitTags(text: String, expected: YAMLValue) throws {
        #expect(try YAML.parse("v: \(text)", file: "t.yaml")["v"] == expected)
    }

    @Test func badlyTypedTagIsAnError() {
        let error = #expect(throws: YAMLError.self) { _ = try YAML.parse("v: !!int abc", file: "t.yaml") }
        #expect(error?.description.hasPrefix("t.yaml:1:4: cannot decode \"abc\" as !!int") == true)
    }
}
