import Testing
@testable import Helm

/// `GoRegex` against facts from Go's regexp package (its find, replace and split test tables).
@Suite struct GoRegexTests {
    /// Pattern, text, limit and every match's submatch byte offsets (Go's `FindAllStringSubmatchIndex`).
    static let findCases: [(String, String, Int, [[Int]])] = [
        (#""#, "", -1, [[0, 0]]),
        (#"^abcdefg"#, "abcdefg", -1, [[0, 7]]),
        (#"a+"#, "baaab", -1, [[1, 4]]),
        (#"a"#, "bababaab", -1, [[1, 2], [3, 4], [5, 6], [6, 7]]),
        (#"a"#, "bababaab", 0, []),
        (#"a"#, "bababaab", 2, [[1, 2], [3, 4]]),
        (#"a"#, "bababaab", 5, [[1, 2], [3, 4], [5, 6], [6, 7]]),
        (#"abcd.."#, "abcdef", -1, [[0, 6]]),
        (#"x"#, "y", -1, []),
        (#".*"#, "abcdef", -1, [[0, 6]]),
        (#"^"#, "abcde", -1, [[0, 0]]),
        (#"$"#, "abcde", -1, [[5, 5]]),
        (#"^abcd$"#, "abcde", -1, []),
        (#"a*"#, "baaab", -1, [[0, 0], [1, 4], [5, 5]]),
        (#"[^a-z]+"#, "ab1234cd", -1, [[2, 6]]),
        (#"[a\-\]z]+"#, "az]-bcz", -1, [[0, 4], [6, 7]]),
        (#"[^\n]+"#, "abcd\n", -1, [[0, 4]]),
        (#"[日本語]+"#, "日本語日本語", -1, [[0, 18]]),
        (#"日本語+"#, "日本語語語語", -1, [[0, 18]]),
        (#"()"#, "", -1, [[0, 0, 0, 0]]),
        (#"(.)(.)"#, "日a", -1, [[0, 4, 0, 3, 3, 4]]),
        (#"(([^xyz]*)(d))"#, "abcd", -1, [[0, 4, 0, 4, 0, 3, 3, 4]]),
        (#"((a|b|c)*(d))"#, "abcd", -1, [[0, 4, 0, 4, 2, 3, 3, 4]]),
        (#"(((a|b|c)*)(d))"#, "abcd", -1, [[0, 4, 0, 4, 0, 3, 2, 3, 3, 4]]),
        (#"\a\f\n\r\t\v"#, "\u{07}\u{0C}\n\r\t\u{0B}", -1, [[0, 6]]),
        (#"a*(|(b))c*"#, "aacc", -1, [[0, 4, 2, 2, -1, -1]]),
        (#"(.*).*"#, "ab", -1, [[0, 2, 0, 2]]),
        (#"/$"#, "/abc/", -1, [[4, 5]]),
        (#"/$"#, "/abc", -1, []),
        (#"(.)"#, "abc", -1, [[0, 1, 0, 1], [1, 2, 1, 2], [2, 3, 2, 3]]),
        (#"a(b*)"#, "abbaab", -1, [[0, 3, 1, 3], [3, 4, 4, 4], [4, 6, 5, 6]]),
        (#"da(.)a$"#, "daXY data", -1, [[5, 9, 7, 8]]),
        (#"(aa)*$"#, "a", -1, [[1, 1, -1, -1]]),
        (#"(?:.|(?:.a))"#, "", -1, []),
        (#"(?:A|(?:A|a))"#, "a", -1, [[0, 1]]),
        (#"(a){0}"#, "", -1, [[0, 0, -1, -1]]),
        (#"(?-s)(?:(?:^).)"#, "\n", -1, []),
        (#"(?s)(?:(?:^).)"#, "\n", -1, [[0, 1]]),
        (#"\b"#, "x y", -1, [[0, 0], [1, 1], [2, 2], [3, 3]]),
        (#"\b"#, "xx yy", -1, [[0, 0], [2, 2], [3, 3], [5, 5]]),
        (#"\B"#, "x", -1, []),
        (#"\B"#, "xx yy", -1, [[1, 1], [4, 4]]),
        (#"(|a)*"#, "aa", -1, [[0, 0, 0, 0], [1, 1, 1, 1], [2, 2, 2, 2]]),
        (#"0A|0[aA]"#, "0a", -1, [[0, 2]]),
        (#"[a-c]*"#, "日", -1, [[0, 0], [3, 3]]),
        (#"[^日]"#, "abc日def", -1, [[0, 1], [1, 2], [2, 3], [6, 7], [7, 8], [8, 9]]),
        (#"[^\S\s]"#, "abcd", -1, []),
        (#"[^\D[:digit:]]"#, "abcd", -1, []),
        (#"(?i)\W"#, "k", -1, []),
        (#"(?i)\W"#, "s", -1, []),
        (##"\!\"\#\$\%\&\'\(\)\*\+\,\-\.\/\:\;\<\=\>\?\@\[\\\]\^\_\{\|\}\~"##, ##"!"#$%&'()*+,-./:;<=>?@[\]^_{|}~"##, -1, [[0, 31]]),
        (#"\`"#, "`", -1, [[0, 1]]),
    ]

    @Test func findAllMatchesGo() throws {
        for (pattern, text, n, expected) in Self.findCases {
            let re = try GoRegex(pattern)
            #expect(re.findAllIndex(text, n) == expected, "\(pattern) on \(text)")
            #expect(re.firstMatch(in: text) == expected.first ?? nil || n == 0, "\(pattern) first")
        }
    }

    /// Leftmost-first (Perl) preference, laziness, flags and counted repetition.
    static let semanticsCases: [(String, String, [Int]?)] = [
        (#"a|ab"#, "ab", [0, 1]),
        (#"ab|a"#, "ab", [0, 2]),
        (#"(a+?)(b*)"#, "aab", [0, 1, 0, 1, 1, 1]),
        (#"(a+)(b*)"#, "aab", [0, 3, 0, 2, 2, 3]),
        (#"(?U)(a+)"#, "aaa", [0, 1, 0, 1]),
        (#"(?U)(a+?)"#, "aaa", [0, 3, 0, 3]),
        (#"a{2,3}"#, "aaaa", [0, 3]),
        (#"a{2,3}?"#, "aaaa", [0, 2]),
        (#"a{2}"#, "a", nil),
        (#"a{2,}"#, "aaaaa", [0, 5]),
        (#"(ab){2}"#, "ababab", [0, 4, 2, 4]),
        (#"a{,2}"#, "a{,2}", [0, 5]),
        (#"x{"#, "x{", [0, 2]),
        (#"(?i)hello"#, "HeLLo", [0, 5]),
        (#"(?i:h)ello"#, "Hello HELLO", [0, 5]),
        (#"(?i)k"#, "\u{212A}", [0, 3]),
        (#"(?i)[a-c]+"#, "xABCabc", [1, 7]),
        (#"(?i)[^a]"#, "Ab", [1, 2]),
        (#"(?m)^b$"#, "a\nb\nc", [2, 3]),
        (#"^b$"#, "a\nb\nc", nil),
        (#"(?s)a.b"#, "a\nb", [0, 3]),
        (#"a.b"#, "a\nb", nil),
        (#"\Aab\z"#, "ab", [0, 2]),
        (#"ab$"#, "ab\n", nil),
        (#"(?P<year>\d{4})-(?<month>\d\d)"#, "on 2024-05-01", [3, 10, 3, 7, 8, 10]),
        (#"[[:alpha:]]+"#, "12abC3", [2, 5]),
        (#"[[:^digit:]]+"#, "12ab3", [2, 4]),
        (#"\d+\s\w+"#, "x 42 abc_1!", [2, 10]),
        (#"\x41\x{263a}\101"#, "A☺A", [0, 5]),
        (#"\Q.*\E+"#, "a.**", [1, 4]),
        (#"[\d\-]+"#, "a1-2b", [1, 4]),
        (#"\pL+"#, "12héllo!", [2, 8]),
        (#"\p{Lu}"#, "abcÉ", [3, 5]),
        (#"\PL+"#, "ab12", [2, 4]),
        (#"é+"#, "ééé", [0, 6]),
        (#"(a*)+"#, "b", [0, 0, 0, 0]),
        (#"(a*)*"#, "b", [0, 0, 0, 0]),
        (#"(a|b)*?c"#, "abc", [0, 3, 1, 2]),
        (#"(?:(a)|b)+"#, "ab", [0, 2, 0, 1]),
        (#"(a)|b"#, "b", [0, 1, -1, -1]),
    ]

    @Test func leftmostFirstSemantics() throws {
        for (pattern, text, expected) in Self.semanticsCases {
            #expect(try GoRegex(pattern).firstMatch(in: text) == expected, "\(pattern) on \(text)")
        }
    }

    /// Error texts, as `regexp.Compile` reports them.
    static let errorCases: [(String, String)] = [
        (#"*"#, #"error parsing regexp: missing argument to repetition operator: `*`"#),
        (#"+"#, #"error parsing regexp: missing argument to repetition operator: `+`"#),
        (#"?"#, #"error parsing regexp: missing argument to repetition operator: `?`"#),
        (#"a|*"#, #"error parsing regexp: missing argument to repetition operator: `*`"#),
        (#"(*)"#, #"error parsing regexp: missing argument to repetition operator: `*`"#),
        (#"(abc"#, #"error parsing regexp: missing closing ): `(abc`"#),
        (#"a(b(c)d"#, #"error parsing regexp: missing closing ): `a(b(c)d`"#),
        (#"abc)"#, #"error parsing regexp: unexpected ): `abc)`"#),
        (#"x[a-z"#, #"error parsing regexp: missing closing ]: `[a-z`"#),
        (#"[z-a]"#, #"error parsing regexp: invalid character class range: `z-a`"#),
        (#"abc\"#, #"error parsing regexp: trailing backslash at end of expression: ``"#),
        (#"a**"#, #"error parsing regexp: invalid nested repetition operator: `**`"#),
        (#"a*+"#, #"error parsing regexp: invalid nested repetition operator: `*+`"#),
        (#"a*??"#, #"error parsing regexp: invalid nested repetition operator: `*??`"#),
        (#"a{2}{3}"#, #"error parsing regexp: invalid nested repetition operator: `{2}{3}`"#),
        (#"\x"#, #"error parsing regexp: invalid escape sequence: `\x`"#),
        (#"\q"#, #"error parsing regexp: invalid escape sequence: `\q`"#),
        (#"\1"#, #"error parsing regexp: invalid escape sequence: `\1`"#),
        (#"\x{zz}"#, #"error parsing regexp: invalid escape sequence: `\x{z`"#),
        (#"\C"#, #"error parsing regexp: invalid escape sequence: `\C`"#),
        (#"a{1001}"#, #"error parsing regexp: invalid repeat count: `{1001}`"#),
        (#"a{3,2}"#, #"error parsing regexp: invalid repeat count: `{3,2}`"#),
        (#"(a{500}){3}"#, #"error parsing regexp: invalid repeat count: `{3}`"#),
        (#"(?P<>a)"#, #"error parsing regexp: invalid named capture: `(?P<>`"#),
        (#"(?P<a-b>x)"#, #"error parsing regexp: invalid named capture: `(?P<a-b>`"#),
        (#"(?P<name"#, #"error parsing regexp: invalid named capture: `(?P<name`"#),
        (#"(?x)"#, #"error parsing regexp: invalid or unsupported Perl syntax: `(?x`"#),
        (#"(?i"#, #"error parsing regexp: invalid or unsupported Perl syntax: `(?i`"#),
        (#"(?i-)"#, #"error parsing regexp: invalid or unsupported Perl syntax: `(?i-)`"#),
        (#"(?=a)"#, #"error parsing regexp: invalid or unsupported Perl syntax: `(?=`"#),
        (#"[[:foo:]]"#, #"error parsing regexp: invalid character class range: `[:foo:]`"#),
        (#"\p{Foo}"#, #"error parsing regexp: invalid character class range: `\p{Foo}`"#),
    ]

    @Test func parseErrorsMatchGo() {
        for (pattern, message) in Self.errorCases {
            do {
                _ = try GoRegex(pattern)
                Issue.record("\(pattern) compiled")
            } catch {
                #expect(error.description == message)
            }
        }
    }

    @Test func validPatternsCompile() throws {
        for pattern in [#"[a-abc-c\-\]\[]"#, #"\!\\"#, #"(a*|b)(c*|d)"#, #"[]a]"#, #"[^]a]"#, #"a{,5}"#, #"(?i)(?-i:a)"#, #"\_"#] {
            _ = try GoRegex(pattern)
        }
        #expect(try GoRegex(#"[]a]+"#).findString("x]a]") == "]a]")
        #expect(try GoRegex(#"(?P<foo>.*)(?P<bar>(a)b)(?P<foo>.*)a"#).subexpNames == ["", "foo", "bar", "", "foo"])
    }

    /// Pattern, replacement template, input, output (Go's `ReplaceAllString`).
    static let replaceCases: [(String, String, String, String)] = [
        ("", "", "", ""),
        ("", "x", "", "x"),
        ("", "x", "abc", "xaxbxcx"),
        ("b", "x", "abc", "axc"),
        ("y", "x", "abc", "abc"),
        ("[a-c]*", "x", "日", "x日x"),
        ("[^日]", "x", "abc日def", "xxx日xxx"),
        ("^[a-c]*", "x", "abcdabc", "xdabc"),
        ("[a-c]*$", "x", "abcdabc", "abcdx"),
        ("^[a-c]*$", "x", "", "x"),
        ("^[a-c]+", "x", "dabce", "dabce"),
        ("x", "xXx", "xxxXxxx", "xXxxXxxXxXxXxxXxxXx"),
        ("[a-c]*", "x", "def", "xdxexfx"),
        ("[a-c]*", "x", "abcbcdcdedef", "xdxdxexdxexfx"),
        ("a+", "($0)", "banana", "b(a)n(a)n(a)"),
        ("a+", "(${0})$0", "banana", "b(a)an(a)an(a)a"),
        ("hello, (.+)", "goodbye, ${1}", "hello, world", "goodbye, world"),
        ("hello, (.+)", "goodbye, $1x", "hello, world", "goodbye, "),
        ("hello, (.+)", "goodbye, ${1}x", "hello, world", "goodbye, worldx"),
        ("hello, (.+)", "<$0><$1><$2><$3>", "hello, world", "<hello, world><world><><>"),
        ("hello, (?P<noun>.+)", "goodbye, $noun!", "hello, world", "goodbye, world!"),
        ("(?P<x>hi)|(?P<x>bye)", "$x$x$x", "bye", "byebyebye"),
        ("(?P<x>hi)|(?P<x>bye)", "$xyz", "hi", ""),
        ("(?P<x>hi)|(?P<x>bye)", "hello $$x", "hi", "hello $x"),
        ("a+", "${oops", "aaa", "${oops"),
        ("a+", "$", "aaa", "$"),
        ("(x)?", "$1", "123", "123"),
        ("(a)(b){0}(c)", ".$1|$3.", "xacxacx", "x.a|c.x.a|c.x"),
        ("((a(b){0}){3}){5}(h)", "y caramb$2", "say aaaaaaaaaaaaaaaah", "say ay caramba"),
        ("(\\w+)@(\\w+)", "$2 at $1", "me@host you@there", "host at me there at you"),
        ("a(x*)b", "${1}W", "-ab-axxb-", "-W-xxW-"),
        ("a(x*)b", "$1W", "-ab-axxb-", "---"),
    ]

    @Test func replaceAllExpandsLikeGo() throws {
        for (pattern, template, input, output) in Self.replaceCases {
            #expect(try GoRegex(pattern).replaceAllString(input, template) == output, "\(pattern) \(template)")
        }
    }

    @Test func replaceAllLiteralAndFunc() throws {
        #expect(try GoRegex("a+").replaceAllLiteralString("banana", "(${0})$0") == "b(${0})$0n(${0})$0n(${0})$0")
        #expect(try GoRegex("a+").replaceAllLiteralString("aaa", "$$") == "$$")
        #expect(try GoRegex("[a-c]*").replaceAllStringFunc("defabcdef") { "x" + $0 + "y" } == "xydxyexyfxabcydxyexyfxy")
    }

    /// Text, pattern, n, pieces (Go's `Split`).
    static let splitCases: [(String, String, Int, [String])] = [
        ("foo:and:bar", ":", -1, ["foo", "and", "bar"]),
        ("foo:and:bar", ":", 1, ["foo:and:bar"]),
        ("foo:and:bar", ":", 2, ["foo", "and:bar"]),
        ("foo:and:bar", "foo", -1, ["", ":and:bar"]),
        ("foo:and:bar", "bar", -1, ["foo:and:", ""]),
        ("baabaab", "a", -1, ["b", "", "b", "", "b"]),
        ("baabaab", "a*", -1, ["b", "b", "b"]),
        ("baabaab", "ba*", -1, ["", "", "", ""]),
        ("foobar", "f*b*", -1, ["", "o", "o", "a", "r"]),
        ("foobar", "f+.*b+", -1, ["", "ar"]),
        ("foobooboar", "o{2}", -1, ["f", "b", "boar"]),
        ("a,b,c,d,e,f", ",", 3, ["a", "b", "c,d,e,f"]),
        ("a,b,c,d,e,f", ",", 0, []),
        (",,,", ",", -1, ["", "", "", ""]),
        ("", ",", -1, [""]),
        ("", ".*", -1, [""]),
        ("", "", -1, []),
        ("foobar", "", -1, ["f", "o", "o", "b", "a", "r"]),
        ("abaabaccadaaae", "a*", 5, ["", "b", "b", "c", "cadaaae"]),
        (":x:y:z:", ":", -1, ["", "x", "y", "z", ""]),
    ]

    @Test func splitMatchesGo() throws {
        for (text, pattern, n, pieces) in Self.splitCases {
            #expect(try GoRegex(pattern).split(text, n) == pieces, "\(pattern) on \(text) n=\(n)")
        }
    }

    @Test func quoteMetaEscapesEveryMetacharacter() throws {
        #expect(GoRegex.quoteMeta("foo") == "foo")
        #expect(GoRegex.quoteMeta("日本語+") == #"日本語\+"#)
        #expect(GoRegex.quoteMeta(#"foo\.\$"#) == #"foo\\\.\\\$"#)
        #expect(GoRegex.quoteMeta(#"!@#$%^&*()_+-=[{]}\|,<.>/?~"#) == #"!@#\$%\^&\*\(\)_\+-=\[\{\]\}\\\|,<\.>/\?~"#)
        let quoted = GoRegex.quoteMeta(#"!@#$%^&*()_+-=[{]}\|,<.>/?~"#)
        #expect(try GoRegex(quoted).replaceAllString(#"abc!@#$%^&*()_+-=[{]}\|,<.>/?~def"#, "xyz") == "abcxyzdef")
    }

    @Test func findAllStringsAndSubmatches() throws {
        let re = try GoRegex(#"(\w)(\d)?"#)
        #expect(re.findAllString("a1 b c3", -1) == ["a1", "b", "c3"])
        #expect(re.findAllStringSubmatch("a1 b", -1) == [["a1", "a", "1"], ["b", "b", ""]])
        #expect(re.findStringSubmatch("!!") == nil)
        #expect(re.findString("!!") == "")
    }

    @Test func linearTimeOnPathologicalInput() throws {
        let re = try GoRegex(#"(a*)*b"#)
        let text = String(repeating: "a", count: 2000)
        #expect(re.firstMatch(in: text) == nil)
        #expect(try GoRegex(#"(x+x+)+y"#).matches(String(repeating: "x", count: 500)) == false)
    }

    @Test func caseFoldingUsesWholeOrbits() throws {
        #expect(try GoRegex("(?i)σ+").findString("xΣσςy") == "Σσς")
        #expect(try GoRegex("(?i)s").findAllString("sSſ", -1) == ["s", "S", "ſ"])
        #expect(try GoRegex("(?i)ǆ").findAllString("ǄǅǆDž", -1) == ["Ǆ", "ǅ", "ǆ"])
        #expect(try GoRegex("(?i)[k-l]+").findString("\u{212A}Kl!") == "\u{212A}Kl")
        #expect(try GoRegex("(?i)[^k]").findString("K\u{212A}kx") == "x")
    }

    @Test func nestingDepthIsLimitedAsInGo() throws {
        let ok = String(repeating: "(", count: 999) + "a" + String(repeating: ")", count: 999)
        #expect(try GoRegex(ok).firstMatch(in: "a")?.count == 2000)
        let deep = String(repeating: "(", count: 1000) + "a" + String(repeating: ")", count: 1000)
        #expect(throws: GoRegexError(code: "expression nests too deeply", expression: deep)) { try GoRegex(deep) }
    }

    @Test func lineAnchorsAndBoundaries() throws {
        #expect(try GoRegex("(?m)^\\w+$").findAllString("ab\ncd\n\nef", -1) == ["ab", "cd", "ef"])
        #expect(try GoRegex("(?m)$").findAllIndex("a\nb", -1) == [[1, 1], [3, 3]])
        #expect(try GoRegex("^").findAllIndex("a\nb", -1) == [[0, 0]])
        #expect(try GoRegex("\\bfoo\\b").findAllIndex("foo foobar (foo)", -1) == [[0, 3], [12, 15]])
        #expect(try GoRegex("(?s:.)(.)").firstMatch(in: "\nx") == [0, 2, 1, 2])
        #expect(try GoRegex("x*").replaceAllString("日本", "-") == "-日-本-")
    }
}
