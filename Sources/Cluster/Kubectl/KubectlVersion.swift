#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One side of `kubectl version -o json`.
public struct KubeVersionInfo: Decodable, Sendable, Hashable {
    /// `gitVersion`, e.g. `v1.32.4`.
    public var gitVersion: String
    /// `major`, e.g. `1`.
    public var major: String
    /// `minor`, e.g. `32` or `32+`.
    public var minor: String

    /// A version.
    public init(gitVersion: String, major: String, minor: String) {
        self.gitVersion = gitVersion; self.major = major; self.minor = minor
    }

    /// The minor version as a number (`32+` → 32), when it is one.
    public var minorNumber: Int? { Int(minor.prefix { $0.isNumber }) }

    enum CodingKeys: String, CodingKey { case gitVersion, major, minor }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        gitVersion = try c.decodeIfPresent(String.self, forKey: .gitVersion) ?? ""
        major = try c.decodeIfPresent(String.self, forKey: .major) ?? ""
        minor = try c.decodeIfPresent(String.self, forKey: .minor) ?? ""
    }
}

/// What `kubectl version -o json` told: the client always, the server when reachable.
public struct KubectlVersionReport: Sendable, Hashable {
    /// kubectl's own version.
    public var client: KubeVersionInfo
    /// The API server's version; nil when it could not be reached.
    public var server: KubeVersionInfo?
    /// Why the server's version is missing.
    public var serverError: KubectlError?

    /// A report.
    public init(client: KubeVersionInfo, server: KubeVersionInfo?, serverError: KubectlError?) {
        self.client = client; self.server = server; self.serverError = serverError
    }

    struct Wire: Decodable {
        var clientVersion: KubeVersionInfo?
        var serverVersion: KubeVersionInfo?
    }
}
