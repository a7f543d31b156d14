/// A loosely parsed version such as `v1.29.3-gke.100`, `3.14.2+g1234` or `30.46.0`:
/// what kubectl, helm and chart versions print, reduced to numbers that can be compared.
public struct VersionNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Major version.
    public var major: Int
    /// Minor version (0 when absent).
    public var minor: Int
    /// Patch version (0 when absent).
    public var patch: Int
    /// Pre-release text after `-` (empty for a release).
    public var prerelease: String

    /// A version from its parts.
    public init(major: Int, minor: Int = 0, patch: Int = 0, prerelease: String = "") {
        self.major = major; self.minor = minor; self.patch = patch; self.prerelease = prerelease
    }

    /// Parses `[v]MAJOR[.MINOR[.PATCH]][-PRE][+BUILD]`; nil when there is no leading number.
    /// A minor like `27+` (GKE's server version) reads as 27.
    public init?(_ text: String) {
        var s = Substring(text)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        if s.first == "v" || s.first == "V" { s = s.dropFirst() }
        // `+build` metadata, and the bare `+` of GKE's server minor ("27+"), are not compared.
        if let plus = s.firstIndex(of: "+") { s = s[..<plus] }
        var pre = ""
        if let dash = s.firstIndex(of: "-") {
            pre = String(s[s.index(after: dash)...])
            s = s[..<dash]
        }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false).map { $0.filter(\.isNumber) }
        guard let first = parts.first, let major = Int(first) else { return nil }
        func part(_ i: Int) -> Int? {
            guard i < parts.count else { return 0 }
            return Int(parts[i])
        }
        guard let minor = part(1), let patch = part(2), parts.count <= 3 else { return nil }
        self.init(major: major, minor: minor, patch: patch, prerelease: pre)
    }

    /// `1.29.3` (with `-pre` when present).
    public var description: String {
        "\(major).\(minor).\(patch)" + (prerelease.isEmpty ? "" : "-\(prerelease)")
    }

    /// Orders by numbers; a pre-release sorts before its release.
    public static func < (a: VersionNumber, b: VersionNumber) -> Bool {
        if a.major != b.major { return a.major < b.major }
        if a.minor != b.minor { return a.minor < b.minor }
        if a.patch != b.patch { return a.patch < b.patch }
        if a.prerelease.isEmpty != b.prerelease.isEmpty { return !a.prerelease.isEmpty }
        return a.prerelease < b.prerelease
    }
}
