#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds executables the way execvp does, without a shell.
public enum ExecutableLookup {
    /// The PATH directories in search order (an empty entry means the current directory).
    public static func directories(inPath path: String) -> [String] {
        path.split(separator: ":", omittingEmptySubsequences: false).map { $0.isEmpty ? "." : String($0) }
    }

    /// Resolves a name on PATH, or checks a name containing "/" directly; nil when nothing fits.
    public static func resolve(_ name: String, path: String, isExecutable: (String) -> Bool = isExecutableFile) -> String? {
        if name.isEmpty { return nil }
        if name.contains("/") { return isExecutable(name) ? name : nil }
        for directory in directories(inPath: path) {
            let candidate = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if isExecutable(candidate) { return candidate }
        }
        return nil
    }

    /// True when the path is a regular file we may execute.
    public static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }

    /// The current process's PATH, or the POSIX default when unset.
    public static var currentPath: String {
        if let value = getenv("PATH") { return String(cString: value) }
        return "/usr/local/bin:/usr/bin:/bin"
    }
}
