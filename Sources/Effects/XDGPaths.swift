#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the program keeps state (logs), cache (charts) and configuration, per the XDG base
/// directory rules: `$XDG_STATE_HOME/posthog-install` else `~/.local/state/posthog-install`, etc.
public struct XDGPaths: Sendable, Hashable {
    /// The application's directory name inside each base directory.
    public static let applicationName = "posthog-install"

    /// State that should survive restarts but is not configuration: transcripts.
    public var stateDirectory: String
    /// Data that may be deleted at any time: downloaded charts and indexes.
    public var cacheDirectory: String
    /// Configuration the person may edit.
    public var configDirectory: String

    /// Computes the paths from environment variables; `home` is used when HOME is unset.
    /// Relative XDG values are ignored, as the specification requires.
    public init(environment: [String: String], home fallbackHome: String = "/") {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? fallbackHome
        func base(_ variable: String, _ defaultRelative: String) -> String {
            if let value = environment[variable], value.hasPrefix("/") { return value }
            return joinPath(home, defaultRelative)
        }
        stateDirectory = joinPath(base("XDG_STATE_HOME", ".local/state"), Self.applicationName)
        cacheDirectory = joinPath(base("XDG_CACHE_HOME", ".cache"), Self.applicationName)
        configDirectory = joinPath(base("XDG_CONFIG_HOME", ".config"), Self.applicationName)
    }

    /// The paths for this process's environment (home from the password database if HOME is unset).
    public static var current: XDGPaths {
        XDGPaths(environment: ProcessEnvironment.current(), home: ProcessEnvironment.passwordDatabaseHome() ?? "/")
    }
}

/// Joins two path parts with exactly one "/".
public func joinPath(_ base: String, _ component: String) -> String {
    if base.isEmpty { return component }
    if component.isEmpty { return base }
    let trimmedBase = base.hasSuffix("/") ? String(base.dropLast()) : base
    let trimmedComponent = component.hasPrefix("/") ? String(component.dropFirst()) : component
    return trimmedBase + "/" + trimmedComponent
}

/// Reads the process environment.
public enum ProcessEnvironment {
    /// All environment variables of this process.
    public static func current() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }

    /// The current user's home directory from the password database.
    public static func passwordDatabaseHome() -> String? {
        var record = passwd()
        var found: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16 * 1024)
        guard getpwuid_r(getuid(), &record, &buffer, buffer.count, &found) == 0, found != nil, let dir = record.pw_dir else {
            return nil
        }
        return String(cString: dir)
    }
}
