/// A semantic version as Masterminds/semver v3 parses it (`NewVersion`, coercing mode).
///
/// Accepts a leading `v`, partial versions (`1`, `1.2`), leading zeros in the numeric
/// parts, a pre-release after `-` and build metadata after `+`.
struct SemanticVersion: Equatable, Sendable {
    /// The numeric parts.
    var major: UInt64, minor: UInt64, patch: UInt64
    /// The pre-release without its `-` (empty when none).
    var prerelease: String
    /// The build metadata without its `+` (empty when none).
    var metadata: String
    /// The text the version was parsed from.
    var original: String

    /// Builds a version from its parts; `original` becomes the normalized text, as semver's `New`.
    init(major: UInt64, minor: UInt64, patch: UInt64, prerelease: String = "", metadata: String = "") {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.metadata = metadata
        self.original = ""
        self.original = description
    }

    /// Parses `text` like semver's `NewVersion`, throwing semver's error messages.
    init(parsing text: String) throws(SemverError) {
        let bytes = Array(text.utf8)
        var i = 0
        if i < bytes.count && bytes[i] == UInt8(ascii: "v") { i += 1 }
        func digits() -> Range<Int>? {
            let start = i
            while i < bytes.count && SemverChars.isDigit(bytes[i]) { i += 1 }
            return i > start ? start..<i : nil
        }
        guard let majorRange = digits() else { throw .invalidSemVer }
        var minorRange: Range<Int>?, patchRange: Range<Int>?
        if i + 1 < bytes.count && bytes[i] == UInt8(ascii: ".") && SemverChars.isDigit(bytes[i + 1]) {
            i += 1; minorRange = digits()
            if i + 1 < bytes.count && bytes[i] == UInt8(ascii: ".") && SemverChars.isDigit(bytes[i + 1]) {
                i += 1; patchRange = digits()
            }
        }
        var pre = "", meta = ""
        if i < bytes.count && bytes[i] == UInt8(ascii: "-") {
            guard let range = SemverChars.dottedIdentifiers(bytes, from: i + 1) else { throw .invalidSemVer }
            pre = String(decoding: bytes[range], as: UTF8.self)
            i = range.upperBound
        }
        if i < bytes.count && bytes[i] == UInt8(ascii: "+") {
            guard let range = SemverChars.dottedIdentifiers(bytes, from: i + 1) else { throw .invalidSemVer }
            meta = String(decoding: bytes[range], as: UTF8.self)
            i = range.upperBound
        }
        guard i == bytes.count else { throw .invalidSemVer }

        func number(_ range: Range<Int>?) throws(SemverError) -> UInt64 {
            guard let range else { return 0 }
            let digits = String(decoding: bytes[range], as: UTF8.self)
            guard let value = SemverChars.parseUInt64(digits) else {
                throw .message("error parsing version segment: strconv.ParseUint: parsing \"\(digits)\": value out of range")
            }
            return value
        }
        major = try number(majorRange)
        minor = try number(minorRange)
        patch = try number(patchRange)
        if !pre.isEmpty { try Self.validatePrerelease(pre) }
        prerelease = pre
        metadata = meta
        original = text
    }

    /// The normalized text, `MAJOR.MINOR.PATCH[-PRE][+META]`, without a leading `v`.
    var description: String {
        var text = "\(major).\(minor).\(patch)"
        if !prerelease.isEmpty { text += "-" + prerelease }
        if !metadata.isEmpty { text += "+" + metadata }
        return text
    }

    /// The `v` the original text started with, if any (kept by the `Inc*`/`Set*` helpers).
    var originalVPrefix: String { original.hasPrefix("v") ? "v" : "" }

    /// -1, 0 or 1 by semver precedence: numbers, then a pre-release sorts before its release; metadata is ignored.
    func compare(_ other: SemanticVersion) -> Int {
        for (a, b) in [(major, other.major), (minor, other.minor), (patch, other.patch)] where a != b {
            return a < b ? -1 : 1
        }
        switch (prerelease.isEmpty, other.prerelease.isEmpty) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false): return Self.comparePrerelease(prerelease, other.prerelease)
        }
    }

    /// Compares dot-separated pre-release identifiers; a missing identifier sorts first.
    static func comparePrerelease(_ a: String, _ b: String) -> Int {
        let left = a.split(separator: ".", omittingEmptySubsequences: false)
        let right = b.split(separator: ".", omittingEmptySubsequences: false)
        for i in 0..<max(left.count, right.count) {
            let d = comparePart(i < left.count ? left[i] : "", i < right.count ? right[i] : "")
            if d != 0 { return d }
        }
        return 0
    }

    /// One identifier: numbers compare numerically and sort before text; text compares byte-wise.
    private static func comparePart(_ s: Substring, _ o: Substring) -> Int {
        if s == o { return 0 }
        if s.isEmpty { return -1 }
        if o.isEmpty { return 1 }
        let sn = SemverChars.parseUInt64(s), on = SemverChars.parseUInt64(o)
        switch (sn, on) {
        case (nil, nil): return o.utf8.lexicographicallyPrecedes(s.utf8) ? 1 : -1
        case (nil, _): return 1
        case (_, nil): return -1
        case let (x?, y?): return x > y ? 1 : -1
        }
    }

    /// Pre-release identifiers must be non-empty, of `[0-9A-Za-z-]`, numeric ones without a leading zero.
    static func validatePrerelease(_ text: String) throws(SemverError) {
        for part in text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            if part.isEmpty { throw .invalidPrerelease }
            if part.allSatisfy(SemverChars.isDigit) {
                if part.count > 1 && part.first == UInt8(ascii: "0") { throw .segmentStartsZero }
            } else if !part.allSatisfy(SemverChars.isIdentifier) {
                throw .invalidPrerelease
            }
        }
    }

    /// Metadata identifiers must be non-empty and of `[0-9A-Za-z-]`.
    static func validateMetadata(_ text: String) throws(SemverError) {
        for part in text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        where part.isEmpty || !part.allSatisfy(SemverChars.isIdentifier) {
            throw .invalidMetadata
        }
    }
}

/// semver's error values, with their messages.
enum SemverError: Error, Equatable, Sendable {
    case invalidSemVer, invalidPrerelease, invalidMetadata, segmentStartsZero
    case message(String)

    /// The text Go's `err.Error()` gives.
    var message: String {
        switch self {
        case .invalidSemVer: return "invalid semantic version"
        case .invalidPrerelease: return "invalid prerelease string"
        case .invalidMetadata: return "invalid metadata string"
        case .segmentStartsZero: return "version segment starts with 0"
        case .message(let text): return text
        }
    }
}

/// Character classes and scanners shared by version and constraint parsing.
enum SemverChars {
    /// `[0-9]`.
    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// `[0-9A-Za-z-]`, the characters of pre-release and metadata identifiers.
    static func isIdentifier(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == UInt8(ascii: "-")
    }

    /// RE2's `\s`: tab, newline, form feed, carriage return, space.
    static func isSpace(_ c: UInt8) -> Bool { c == 9 || c == 10 || c == 12 || c == 13 || c == 32 }

    /// The longest `ident(\.ident)*` starting at `start`, or nil when none starts there.
    static func dottedIdentifiers(_ bytes: [UInt8], from start: Int) -> Range<Int>? {
        var i = start
        while i < bytes.count && isIdentifier(bytes[i]) { i += 1 }
        guard i > start else { return nil }
        while i + 1 < bytes.count && bytes[i] == UInt8(ascii: ".") && isIdentifier(bytes[i + 1]) {
            i += 2
            while i < bytes.count && isIdentifier(bytes[i]) { i += 1 }
        }
        return start..<i
    }

    /// Go's `strconv.ParseUint(s, 10, 64)`: digits only, nil on syntax error or overflow.
    static func parseUInt64<S: StringProtocol>(_ s: S) -> UInt64? {
        guard !s.isEmpty else { return nil }
        var value: UInt64 = 0
        for c in s.utf8 {
            guard isDigit(c) else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(c - 48))
            if o1 || o2 { return nil }
            value = sum
        }
        return value
    }
}
