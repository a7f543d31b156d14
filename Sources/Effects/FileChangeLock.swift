#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock held while a file is read, changed and replaced, so two runs at once
/// (two `values` commands, `values` and `install`) take turns instead of one losing the
/// other's change. It is an `flock` on the file's directory: the file itself is replaced by a
/// rename, so a lock on it would lock the old copy; and no lock file is left beside it.
public final class FileChangeLock: Sendable {
    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// Waits for the lock on the directory holding `path`; nil when the directory cannot be
    /// opened (it does not exist yet: then there is nothing to protect).
    public static func acquire(forChangesTo path: String) -> FileChangeLock? {
        let directory = splitPath(path).directory
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            close(fd)
            return nil
        }
        return FileChangeLock(fd: fd)
    }
}

/// Temporary files `writeAtomically` leaves when the program is killed mid-write:
/// `.NAME.tmp-PID-RANDOM` whose process is gone. Pure: `isAlive` answers for a process id.
public enum StaleTemporaryFiles {
    /// The names among `names` that are leftovers for `name`.
    public static func select(_ names: [String], for name: String, isAlive: (Int32) -> Bool) -> [String] {
        let prefix = ".\(name).tmp-"
        return names.filter { candidate in
            guard candidate.hasPrefix(prefix) else { return false }
            let rest = candidate.dropFirst(prefix.count)
            guard let pidText = rest.split(separator: "-").first, let pid = Int32(pidText) else { return false }
            return !isAlive(pid)
        }
    }

    /// Whether a process with this id exists (`kill(pid, 0)`; EPERM means it exists).
    public static func processExists(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
