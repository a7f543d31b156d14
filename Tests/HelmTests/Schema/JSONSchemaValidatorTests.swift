import Foundation
import GoTemplate
import Testing
@testable import Helm

/// values.schema.json checks against what real Helm v4 (santhosh-tekuri/jsonschema v6.0.3) printed
/// for the same schema and values (Fixtures/goldens/schema-cases.json).
@Suite struct JSONSchemaValidatorTests {
    struct Case: Decodable {
        let name: String
        let schema: String
        let values: String
        /// Helm's report after its first line, for a chart named `sc`.
        let expected: String
        /// False when Helm's order varied between runs (Go map iteration): compare as sorted trees.
        let ordered: Bool
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/goldens/schema-cases.json")
        guard let data = try? Data(contentsOf: url) else { return [] }
        return (try? JSONDecoder().decode([Case].self, from: data)) ?? []
    }()

    /// What SchemaValidation reports for a chart `sc` with this schema and values.
    static func report(_ c: Case) throws -> String {
        let values = try ValueConversion.valuesMap(c.values, file: "values.yaml")
        do {
            let violations = try JSONSchemaValidator(schemaText: c.schema).validate(.map(values))
            return violations.isEmpty ? "" : "sc:\n" + JSONSchemaValidator.report(violations) + "\n"
        } catch {
            return "sc:\n\(error)"
        }
    }

    @Test func goldenFileIsLoaded() {
        #expect(Self.cases.count > 100)
    }

    @Test(arguments: cases.map(\.name))
    func matchesHelm(_ name: String) throws {
        let c = try #require(Self.cases.first { $0.name == name })
        let actual = try Self.report(c)
        if c.ordered {
            #expect(actual == c.expected)
        } else {
            #expect(Self.canonical(actual) == Self.canonical(c.expected), "\(actual)")
        }
    }

    /// The report with sibling errors sorted at every level and the names in
    /// "additional properties ... not allowed" sorted, so Go's map order does not matter.
    static func canonical(_ report: String) -> String {
        struct Block {
            var line: String
            var children: [Block]
        }
        var roots: [Block] = []
        var header: [String] = []
        func insert(_ block: Block, depth: Int, into list: inout [Block]) {
            if depth == 0 || list.isEmpty {
                list.append(block)
                return
            }
            insert(block, depth: depth - 1, into: &list[list.count - 1].children)
        }
        for line in report.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            guard line.dropFirst(indent).hasPrefix("- ") else {
                header.append(String(line))
                continue
            }
            var text = String(line)
            if let range = text.range(of: "additional properties "), let end = text.range(of: " not allowed") {
                let names = text[range.upperBound..<end.lowerBound].components(separatedBy: ", ").sorted()
                text = String(text[..<range.upperBound]) + names.joined(separator: ", ") + " not allowed"
            }
            insert(Block(line: text, children: []), depth: indent / 2, into: &roots)
        }
        func render(_ blocks: [Block]) -> [String] {
            blocks.map { $0.line + "\n" + render($0.children).joined() }.sorted()
        }
        return header.joined(separator: "\n") + "\n" + render(roots).joined()
    }

    @Test func numbersPrintLikeGoMessagePrinter() {
        #expect(PrinterNumber.float(70000) == "70,000")
        #expect(PrinterNumber.float(-1234.5) == "-1,234.5")
        #expect(PrinterNumber.float(123456) == "123,456")
        #expect(PrinterNumber.float(1_000_000) == "1×10⁰⁶")
        #expect(PrinterNumber.float(2345678.5) == "2.3456785×10⁰⁶")
        #expect(PrinterNumber.float(0.00001) == "1×10⁻⁰⁵")
        #expect(PrinterNumber.float(0.0001) == "0.0001")
        #expect(PrinterNumber.float(1e21) == "1×10²¹")
        #expect(PrinterNumber.int(1234) == "1,234")
        #expect(PrinterNumber.goFloat(1e21) == "1e+21")
        #expect(PrinterNumber.goFloat(123456789) == "123456789")
    }

    @Test func reportIndentsCausesAndHidesSingleReferences() {
        let leaf = SchemaViolation(location: ["a"], message: "got number, want string")
        let ref = SchemaViolation(location: ["a"], message: "validation failed", causes: [leaf], kind: .reference)
        let any = SchemaViolation(location: ["a"], message: "'anyOf' failed", causes: [ref, leaf])
        #expect(
            JSONSchemaValidator.report([any])
                == "- at '/a': 'anyOf' failed\n  - at '/a': got number, want string\n  - at '/a': got number, want string")
    }

    @Test func intAndInt64ValuesAreNumbers() throws {
        let validator = try JSONSchemaValidator(
            schemaText: #"{"properties": {"a": {"type": "integer", "maximum": 3}, "b": {"type": "string"}}}"#)
        let violations = validator.validate(.map(ValueMap(["a": .int64(5), "b": .int(1)])))
        #expect(JSONSchemaValidator.report(violations) == "- at '/a': maximum: got 5, want 3\n- at '/b': got number, want string")
    }

    @Test func deepSchemasAreRefusedNotACrash() throws {
        func nested(_ levels: Int) -> String {
            String(repeating: #"{"properties":{"a":"#, count: levels) + "{}" + String(repeating: "}}", count: levels)
        }
        let fine = try JSONSchemaValidator(schemaText: nested(100))
        #expect(fine.validate(.map(ValueMap(["a": .int(1)]))).isEmpty)
        // 6,000 levels: within JSON's limit, beyond what the checker walks.
        #expect(throws: SchemaCompileError.self) { try JSONSchemaValidator(schemaText: nested(3000)) }
        let error = #expect(throws: SchemaCompileError.self) { try JSONSchemaValidator(schemaText: "[" + nested(300) + "]") }
        #expect(error?.description.hasPrefix("values.schema.json is nested more than 512 levels deep") == true)
        #expect(throws: SchemaCompileError.self) {
            try JSONSchemaValidator(schemaText: String(repeating: "[", count: 10_001) + String(repeating: "]", count: 10_001))
        }
    }
}
