import Effects
import Glibc

/// A fresh directory under /tmp for one test, removed with everything in it by `remove()`.
public struct TemporaryDirectory: Sendable {
    /// The directory's absolute path.
    public let path: String

    /// Creates the directory (mkdtemp); `prefix` helps tell tests apart.
    public init(prefix: String = "posthog-install-test") throws {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard created else { throw FileSystemError(errno: errno, path: "/tmp", operation: "create directory") }
        path = template.withUnsafeBufferPointer { $0.baseAddress.map { String(cString: $0) } ?? "" }
    }

    /// A path inside the directory.
    public func appending(_ name: String) -> String { joinPath(path, name) }

    /// Deletes the directory tree (restoring write permission where a test removed it).
    public func remove() {
        removeTree(path)
    }

    private func removeTree(_ target: String) {
        var info = stat()
        guard lstat(target, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            chmod(target, 0o700)
            if let names = try? LocalFileSystem().listDirectory(target) {
                for name in names { removeTree(joinPath(target, name)) }
            }
            rmdir(target)
        } else {
            unlink(target)
        }
    }
}
