#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file operation that failed, naming the path, the operation and the reason.
public struct FileSystemError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why it failed.
    public enum Kind: Sendable, Hashable {
        /// The path (or a directory on the way) does not exist.
        case notFound
        /// Permissions forbid the operation.
        case permissionDenied
        /// A file was expected but the path is a directory.
        case isADirectory
        /// A directory was expected (also as a parent) but the path is something else.
        case notADirectory
        /// The file is not valid UTF-8; `offset` is the first bad byte.
        case invalidUTF8(offset: Int)
        /// The file is larger than the reader allows.
        case tooLarge(limit: Int)
        /// The device is full or over quota.
        case noSpace
        /// The file system is mounted read-only.
        case readOnly
        /// Any other system error.
        case other(errno: Int32, message: String)
    }

    /// Why it failed.
    public var kind: Kind
    /// The path concerned.
    public var path: String
    /// What was being done: "read", "write", "list", "create directory", "back up", "remove".
    public var operation: String

    /// Creates an error.
    public init(_ kind: Kind, path: String, operation: String) {
        self.kind = kind
        self.path = path
        self.operation = operation
    }

    /// Maps an errno value to an error.
    public init(errno code: Int32, path: String, operation: String) {
        let kind: Kind
        switch code {
        case ENOENT: kind = .notFound
        case EACCES, EPERM: kind = .permissionDenied
        case EISDIR: kind = .isADirectory
        case ENOTDIR: kind = .notADirectory
        case ENOSPC, EDQUOT: kind = .noSpace
        case EROFS: kind = .readOnly
        default: kind = .other(errno: code, message: String(cString: strerror(code)))
        }
        self.init(kind, path: path, operation: operation)
    }

    /// For example "cannot write /home/me/values.yaml: permission denied".
    public var description: String {
        switch kind {
        case .invalidUTF8(let offset):
            return "\(path) is not valid UTF-8 text (first bad byte at offset \(offset))"
        case .tooLarge(let limit):
            return "cannot \(operation) \(path): the file is larger than \(limit) bytes"
        default:
            return "cannot \(operation) \(path): \(reason)"
        }
    }

    private var reason: String {
        switch kind {
        case .notFound: return "no such file or directory"
        case .permissionDenied: return "permission denied"
        case .isADirectory: return "it is a directory"
        case .notADirectory: return "a part of the path is not a directory"
        case .noSpace: return "no space left on the device"
        case .readOnly: return "the file system is read-only"
        case .other(let code, let message): return "\(message) (errno \(code))"
        case .invalidUTF8, .tooLarge: return ""
        }
    }
}
