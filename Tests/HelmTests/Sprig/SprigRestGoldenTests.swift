import Foundation
import GoTemplate
import Testing
@testable import Helm

/// Sprig string, math, list, dict, path and URL cases rendered by real Helm v4.3 (sprig v3.3.0).
///
/// Rows are `[template, output]` or `[template, "ERROR", message]`. Go reports a wrong argument
/// type at the argument rather than as `error calling NAME:`, so for those rows the function
/// name prefix is allowed in front of Go's message. Not covered: results that are invalid
/// UTF-8 in Go (byte slicing inside a multi-byte rune), which a Swift `String` cannot hold.
@Suite struct SprigRestGoldenTests {
    static let functions: [String: TemplateFunction] = {
        var all = SprigLibrary.functions
        for table in [SprigStrings.functions, SprigMath.functions, SprigLists.functions, SprigDicts.functions, SprigPaths.functions] {
            all.merge(table) { _, new in new }
        }
        all.merge(SprigCrypto.functions) { old, _ in old } // b64enc and friends used by a few cases
        return all
    }()

    /// The values file the goldens were rendered with (numbers are float64, as Helm reads them).
    static let data = Value.map(ValueMap(["Values": .map(ValueMap([
        "f": .float(0), "num": .float(3), "neg": .float(-2.5), "s": .string("12"),
        "m": .map(ValueMap(["a": .float(1), "b": .map(ValueMap(["c": .float(2)]))])),
        "l": .list([.float(1), .float(2)]),
    ]))]))

    static func rows() throws -> [[String]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/goldens/sprig-rest-helm.json")
        return try JSONSerialization.jsonObject(with: try Data(contentsOf: url)) as? [[String]] ?? []
    }

    @Test func everyCaseMatchesHelm() throws {
        let rows = try Self.rows()
        #expect(rows.count == 322)
        for row in rows {
            let set = TemplateSet(functions: Self.functions)
            let data = Self.data.deepCopied
            do {
                try set.parse(name: "t", source: row[0])
                let actual = try set.execute("t", data: data)
                if row.count == 3 {
                    Issue.record("\(row[0]): expected error \(row[2]), got \(actual)")
                } else {
                    #expect(actual == row[1], "\(row[0])")
                }
            } catch let error as ExecError {
                guard row.count == 3 else { Issue.record("\(row[0]): \(error)"); continue }
                let matches = error.message == row[2] || error.message.hasSuffix(": " + row[2]) && error.message.hasPrefix("error calling ")
                #expect(matches, "\(row[0]): got \(error.message), want \(row[2])")
            } catch {
                Issue.record("\(row[0]): \(error)")
            }
        }
    }

    @Test func shufflePermutesRunes() throws {
        let set = TemplateSet(functions: Self.functions)
        try set.parse(name: "t", source: "{{ shuffle \"héllo wörld\" }}")
        let out = try set.execute("t", data: .null)
        #expect(out.unicodeScalars.sorted { $0.value < $1.value } == "héllo wörld".unicodeScalars.sorted { $0.value < $1.value })
    }

    @Test func keysAndValuesAreSortedForDeterminism() throws {
        let set = TemplateSet(functions: Self.functions)
        try set.parse(name: "t", source: "{{ keys (dict \"b\" 1 \"a\" 2 \"c\" 3) }} {{ values (dict \"b\" 1 \"a\" 2 \"c\" 3) }}")
        #expect(try set.execute("t", data: .null) == "[a b c] [2 1 3]")
    }

    @Test func decimalArithmeticIsExact() throws {
        #expect(try GoDecimal(0.1).double == 0.1)
        #expect((try GoDecimal(0.1) + GoDecimal(0.2)).double == 0.3)
        #expect((try GoDecimal(1).divided(by: GoDecimal(3))).double == 0.3333333333333333)
        #expect((try GoDecimal(-2).divided(by: GoDecimal(3))).double == -0.6666666666666667)
        #expect((try GoDecimal(1e-20).divided(by: GoDecimal(-3))).double == 0)
    }

    @Test func numberParsingFollowsStrconv() {
        #expect(GoNumberParsing.parseInt("0x_1F", base: 0) == 31)
        #expect(GoNumberParsing.parseInt("1__0", base: 0) == nil)
        #expect(GoNumberParsing.parseInt("-9223372036854775808", base: 0) == Int64.min)
        #expect(GoNumberParsing.parseInt("9223372036854775808", base: 0) == nil)
        #expect(GoNumberParsing.parseFloat("0x1.8") == nil)
        #expect(GoNumberParsing.parseFloat("1e") == nil)
        #expect(GoNumberParsing.parseFloat("-.5e1") == -5)
        #expect(GoCast.trimDecimal("10.75") == "10")
        #expect(GoCast.trimDecimal("-.5") == "-0")
        #expect(GoCast.trimDecimal("1.2.3") == "1.2.3")
        #expect(GoCast.toInt64(.string("+7.9")) == 7)
    }
}

extension Value {
    /// A copy with fresh maps, so cases that mutate `.Values` do not leak into each other.
    var deepCopied: Value { SprigDicts.deepCopy(self) }
}
