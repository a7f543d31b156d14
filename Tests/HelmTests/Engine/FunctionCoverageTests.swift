import GoTemplate
import Testing
@testable import Helm

/// Charts may call any Sprig v3 function (Helm removes env and expandenv) and Helm's own.
@Suite struct FunctionCoverageTests {
    static let expected: [String] = [
        "abbrev", "abbrevboth", "add", "add1", "add1f", "addf", "adler32sum", "ago", "all", "any",
        "append", "atoi", "b32dec", "b32enc", "b64dec", "b64enc", "base", "bcrypt", "biggest",
        "buildCustomCert", "camelcase", "cat", "ceil", "chunk", "clean", "coalesce", "compact", "concat",
        "contains", "date", "dateInZone", "dateModify", "date_in_zone", "date_modify", "decryptAES",
        "deepCopy", "deepEqual", "default", "derivePassword", "dict", "dig", "dir", "div", "divf",
        "duration", "durationDays", "durationHours", "durationMicroseconds", "durationMilliseconds",
        "durationMinutes", "durationNanoseconds", "durationRound", "durationRoundTo", "durationSeconds",
        "durationTruncateTo", "durationWeeks", "empty", "encryptAES", "ext", "fail", "first", "float64",
        "floor", "fromJson", "fromJsonArray", "fromToml", "fromYaml", "fromYamlArray", "genCA",
        "genCAWithKey", "genPrivateKey", "genSelfSignedCert", "genSelfSignedCertWithKey", "genSignedCert",
        "genSignedCertWithKey", "get", "getHostByName", "has", "hasKey", "hasPrefix", "hasSuffix", "hello",
        "htmlDate", "htmlDateInZone", "htpasswd", "include", "indent", "initial", "initials", "int",
        "int64", "isAbs", "join", "kebabcase", "keys", "kindIs", "kindOf", "last", "list", "lookup",
        "lower", "max", "maxf", "merge", "mergeOverwrite", "min", "minf", "mod", "mul", "mulf",
        "mustAppend", "mustChunk", "mustCompact", "mustDateModify", "mustDeepCopy", "mustFirst",
        "mustFromJson", "mustHas", "mustInitial", "mustLast", "mustMerge", "mustMergeOverwrite",
        "mustPrepend", "mustRegexFind", "mustRegexFindAll", "mustRegexMatch", "mustRegexReplaceAll",
        "mustRegexReplaceAllLiteral", "mustRegexSplit", "mustRest", "mustReverse", "mustSlice",
        "mustToDate", "mustToDuration", "mustToJson", "mustToPrettyJson", "mustToRawJson", "mustToToml",
        "mustToYaml", "mustUniq", "mustWithout", "must_date_modify", "nindent", "nospace", "now", "omit",
        "osBase", "osClean", "osDir", "osExt", "osIsAbs", "pick", "pluck", "plural", "prepend", "quote",
        "randAlpha", "randAlphaNum", "randAscii", "randBytes", "randInt", "randNumeric", "regexFind",
        "regexFindAll", "regexMatch", "regexQuoteMeta", "regexReplaceAll", "regexReplaceAllLiteral",
        "regexSplit", "repeat", "replace", "required", "rest", "reverse", "round", "semver",
        "semverCompare", "seq", "set", "sha1sum", "sha256sum", "sha512sum", "shuffle", "slice",
        "snakecase", "sortAlpha", "split", "splitList", "splitn", "squote", "sub", "subf", "substr",
        "swapcase", "ternary", "title", "toDate", "toDecimal", "toJson", "toPrettyJson", "toRawJson",
        "toString", "toStrings", "toToml", "toYaml", "toYamlPretty", "tpl", "trim", "trimAll",
        "trimPrefix", "trimSuffix", "trimall", "trunc", "tuple", "typeIs", "typeIsLike", "typeOf", "uniq",
        "unixEpoch", "unset", "until", "untilStep", "untitle", "upper", "urlJoin", "urlParse", "uuidv4",
        "values", "without", "wrap", "wrapWith"
    ]

    @Test func everySprigAndHelmFunctionIsRegistered() {
        let table = EngineFunctions.table(engineState: EngineState(lintMode: false), strict: false, lookup: nil)
        let missing = Self.expected.filter { table[$0] == nil }
        #expect(missing.isEmpty, "not implemented: \(missing.joined(separator: ", "))")
        #expect(table["env"] == nil && table["expandenv"] == nil)
    }
}
