import GoTemplate
import Testing
@testable import Helm

/// Sprig's regex functions through the template engine, with Go's printing and error texts.
@Suite struct SprigRegexTests {
    static func render(_ source: String) throws -> String {
        let set = TemplateSet(functions: SprigRegex.functions)
        try set.parse(name: "t", source: source)
        return try set.execute("t", data: .null)
    }

    static func failure(_ source: String) -> String? {
        do {
            _ = try render(source)
            return nil
        } catch let error as ExecError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    static let outputCases: [(String, String)] = [
        (#"{{ regexMatch "^[a-z]+$" "hello" }}"#, "true"),
        (#"{{ regexMatch "^[a-z]+$" "Hello" }}"#, "false"),
        (#"{{ regexMatch "(" "x" }}"#, "false"),
        (#"{{ mustRegexMatch "^v\\d+" "v12" }}"#, "true"),
        (#"{{ regexFindAll "[2,4,6,8]" "123456789" -1 }}"#, "[2 4 6 8]"),
        (#"{{ regexFindAll "[2,4,6,8]" "123456789" 2 }}"#, "[2 4]"),
        (#"{{ regexFindAll "x" "abc" -1 }}"#, "[]"),
        (#"{{ regexFindAll "a*" "baaab" -1 | len }}"#, "3"),
        (#"{{ mustRegexFindAll "[a-c]" "xaybzc" 0 }}"#, "[]"),
        (#"{{ regexFind "[a-zA-Z][1-9]" "abcd1234" }}"#, "d1"),
        (#"{{ regexFind "z" "abc" }}"#, ""),
        (#"{{ mustRegexFind "(?i)HELLO" "say hello" }}"#, "hello"),
        (#"{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }}"#, "-W-xxW-"),
        (#"{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "$1W" }}"#, "---"),
        (#"{{ regexReplaceAll "(?P<k>\\w+)=(?P<v>\\w+)" "a=1,b=2" "$v:$k" }}"#, "1:a,2:b"),
        (#"{{ mustRegexReplaceAll "[^a-z0-9-]" "My_Release.Name" "-" }}"#, "-y--elease--ame"),
        (#"{{ regexReplaceAllLiteral "a(x*)b" "-ab-axxb-" "${1}" }}"#, "-${1}-${1}-"),
        (#"{{ mustRegexReplaceAllLiteral "\\." "1.2.3" "$" }}"#, "1$2$3"),
        (#"{{ regexSplit "z+" "pizza" -1 }}"#, "[pi a]"),
        (#"{{ regexSplit "z+" "pizza" 1 }}"#, "[pizza]"),
        (#"{{ regexSplit "z+" "pizza" 0 }}"#, "[]"),
        (#"{{ mustRegexSplit "," "a,b,,c" -1 | len }}"#, "4"),
        (#"{{ regexQuoteMeta "1.2.3" }}"#, #"1\.2\.3"#),
        (#"{{ regexQuoteMeta "[foo]*" }}"#, #"\[foo\]\*"#),
    ]

    @Test func outputsMatchSprig() throws {
        for (source, expected) in Self.outputCases {
            #expect(try Self.render(source) == expected, "\(source)")
        }
    }

    /// MustCompile panics become `error calling NAME: regexp: Compile(PATTERN): ...`; must variants return the parse error.
    static let errorCases: [(String, String)] = [
        (#"{{ regexFind "(" "x" }}"#, "error calling regexFind: regexp: Compile(`(`): error parsing regexp: missing closing ): `(`"),
        (#"{{ regexFindAll "a**" "x" -1 }}"#,
         "error calling regexFindAll: regexp: Compile(`a**`): error parsing regexp: invalid nested repetition operator: `**`"),
        (#"{{ regexReplaceAll "[z-a]" "x" "y" }}"#,
         "error calling regexReplaceAll: regexp: Compile(`[z-a]`): error parsing regexp: invalid character class range: `z-a`"),
        (#"{{ regexReplaceAllLiteral "\\q" "x" "y" }}"#,
         #"error calling regexReplaceAllLiteral: regexp: Compile(`\q`): error parsing regexp: invalid escape sequence: `\q`"#),
        (#"{{ regexSplit "*" "x" -1 }}"#,
         "error calling regexSplit: regexp: Compile(`*`): error parsing regexp: missing argument to repetition operator: `*`"),
        // A backquote in the pattern makes Go fall back to a double-quoted pattern.
        (#"{{ regexFind "`(" "x" }}"#,
         "error calling regexFind: regexp: Compile(\"`(\"): error parsing regexp: missing closing ): ``(`"),
        (#"{{ mustRegexMatch "(" "x" }}"#, "error calling mustRegexMatch: error parsing regexp: missing closing ): `(`"),
        (#"{{ mustRegexFind "abc)" "x" }}"#, "error calling mustRegexFind: error parsing regexp: unexpected ): `abc)`"),
        (#"{{ mustRegexFindAll "x{1001}" "x" -1 }}"#, "error calling mustRegexFindAll: error parsing regexp: invalid repeat count: `{1001}`"),
        (#"{{ mustRegexReplaceAll "(?x)" "x" "" }}"#,
         "error calling mustRegexReplaceAll: error parsing regexp: invalid or unsupported Perl syntax: `(?x`"),
        (#"{{ mustRegexReplaceAllLiteral "[a" "x" "" }}"#, "error calling mustRegexReplaceAllLiteral: error parsing regexp: missing closing ]: `[a`"),
        (#"{{ mustRegexSplit "a\\" "x" -1 }}"#, "error calling mustRegexSplit: error parsing regexp: trailing backslash at end of expression: ``"),
    ]

    @Test func errorsMatchGo() {
        for (source, expected) in Self.errorCases {
            #expect(Self.failure(source) == expected, "\(source)")
        }
    }

    @Test func typedArgumentsAreChecked() {
        #expect(Self.failure(#"{{ regexFindAll "a" "b" "c" }}"#) == #"expected integer; found "c""#)
        #expect(Self.failure(#"{{ regexMatch "a" }}"#)?.contains("wrong number of args for regexMatch: want 2 got 1") == true)
        #expect(Self.failure(#"{{ regexQuoteMeta 1 }}"#) == "expected string; found 1")
    }

    @Test func everySprigNameIsProvided() {
        let names = ["regexMatch", "mustRegexMatch", "regexFindAll", "mustRegexFindAll", "regexFind", "mustRegexFind",
                     "regexReplaceAll", "mustRegexReplaceAll", "regexReplaceAllLiteral", "mustRegexReplaceAllLiteral",
                     "regexSplit", "mustRegexSplit", "regexQuoteMeta"]
        #expect(Set(SprigRegex.functions.keys) == Set(names))
    }
}
