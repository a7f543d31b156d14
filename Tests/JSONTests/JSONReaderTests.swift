import JSON
import Testing

/// The shared reader: values, order, numbers, and Go's errors with the place named.
@Suite struct JSONReaderTests {
    static func error(_ text: String) -> JSONReadError? {
        do {
            _ = try JSONReader.read(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsEveryKindOfValue() throws {
        let value = try JSONReader.read(#" {"a": [1, -2.5e3, true, false, null], "b": "x\u00e9\ud83d\ude00\n"} "#)
        #expect(
            value["a"]
                == .array([
                    .int(1), .number(JSONNumber(text: "-2.5e3", value: -2500, isInteger: false)),
                    .bool(true), .bool(false), .null,
                ]))
        #expect(value["b"] == .string("xé😀\n"))
    }

    @Test func objectsKeepDocumentOrderAndTheLastOfRepeatedKeys() throws {
        let value = try JSONReader.read(#"{"z": 1, "a": 2, "m": 3, "a": 4}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(value["a"] == .int(4))
        #expect(value.text() == #"{"a":4,"m":3,"z":1}"#)
        #expect(value.text(JSONWriter.Style(sortKeys: false)) == #"{"z":1,"a":4,"m":3}"#)
    }

    @Test func integersBeyondFloatPrecisionKeepEveryDigit() throws {
        let text = #"[9007199254740993, 18446744073709551616, -9223372036854775808, 1.0, 1e2]"#
        let items = try #require(JSONReader.read(text).arrayValue)
        #expect(items[0].numberValue?.int64Value == 9_007_199_254_740_993)
        #expect(items[0].numberValue?.isInteger == true)
        #expect(items[1].numberValue?.text == "18446744073709551616")
        #expect(items[1].numberValue?.int64Value == nil)
        #expect(items[2].numberValue?.int64Value == Int64.min)
        #expect(items[3].numberValue?.isInteger == false)
        #expect(items[4].numberValue?.isInteger == false)
        #expect(items[4].numberValue?.value == 100)
        #expect(JSONValue.array(items).text() == "[9007199254740993,18446744073709551616,-9223372036854775808,1.0,1e2]")
    }

    @Test func invalidInputNamesWhatAndWhere() {
        let cases: [(String, String)] = [
            ("", "unexpected end of JSON input at line 1, column 1"),
            ("  \n ", "unexpected end of JSON input at line 2, column 2"),
            ("[1, 2", "unexpected end of JSON input at line 1, column 6"),
            ("{\"a\": 1,\n  \"b\" 2}", "invalid character '2' after object key at line 2, column 7"),
            ("[1,]", "invalid character ']' looking for beginning of value at line 1, column 4"),
            ("{\"a\":1,}", "invalid character '}' looking for beginning of object key string at line 1, column 8"),
            ("[1 2]", "invalid character '2' after array element at line 1, column 4"),
            ("{\"a\":1 \"b\"}", "invalid character '\"' after object key:value pair at line 1, column 8"),
            ("1 2", "invalid character '2' after top-level value at line 1, column 3"),
            ("tru", "unexpected end of JSON input at line 1, column 4"),
            ("trux", "invalid character 'x' in literal true (expecting 'e') at line 1, column 4"),
            ("\"a\u{01}\"", "invalid character '\\x01' in string at line 1, column 3"),
            ("\"\\x\"", "invalid escape sequence `\\x` in string at line 1, column 3"),
            ("\"\\u12g4\"", "invalid escape sequence `\\u12g4` in string at line 1, column 6"),
            ("\"\\u12g", "unexpected end of JSON input at line 1, column 7"),
            ("-x", "invalid character 'x' in numeric literal at line 1, column 2"),
            ("1.x", "invalid character 'x' in numeric literal at line 1, column 3"),
            ("1ex", "invalid character 'x' in numeric literal at line 1, column 3"),
            ("é", "invalid character 'é' looking for beginning of value at line 1, column 1"),
            ("{\"a\":1}\u{85}", "invalid character '\\u0085' after top-level value at line 1, column 8"),
            ("[\u{FEFF}]", "invalid character '\\ufeff' looking for beginning of value at line 1, column 2"),
            ("[\"é\", x]", "invalid character 'x' looking for beginning of value at line 1, column 7"),
        ]
        for (text, message) in cases {
            #expect(Self.error(text)?.description == message, "\(text)")
        }
    }

    @Test func errorsCarryTheOffsetAndGoWording() throws {
        let error = try #require(Self.error("[true, nul]"))
        #expect(error.offset == 10)
        #expect(error.problem == .invalidCharacter(.inLiteral(word: "null", expecting: UInt8(ascii: "l"))))
        #expect(error.goMessage == "invalid character ']' in literal null (expecting 'l')")
        #expect(Self.error("")?.problem == .empty)
    }

    @Test func deepNestingStopsAtTheLimitWithoutCrashing() throws {
        let depth = JSONReader.defaultMaximumDepth
        let deepest = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let value = try JSONReader.read(deepest)
        #expect(value.text().count == 2 * depth)
        let tooDeep = "[" + deepest + "]"
        let error = try #require(Self.error(tooDeep))
        #expect(error.problem == .tooDeep(limit: depth))
        #expect(error.offset == depth)
        #expect(error.goMessage == "exceeded max depth")
        #expect(error.description == "JSON nested deeper than 10000 levels at line 1, column 10001")
        // Far deeper input is refused just as quickly, objects too.
        let huge = String(repeating: "{\"a\":", count: 200_000)
        #expect(Self.error(huge)?.problem == .tooDeep(limit: depth))
        #expect(Self.error("[[1]]", maximumDepth: 1)?.problem == .tooDeep(limit: 1))
    }

    static func error(_ text: String, maximumDepth: Int) -> JSONReadError? {
        do {
            _ = try JSONReader.read(text, maximumDepth: maximumDepth)
            return nil
        } catch {
            return error
        }
    }
}
