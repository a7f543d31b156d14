#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real file system through POSIX calls (open, write, fsync, fchmod, link, rename).
public struct LocalFileSystem: FileSystem {
    /// Failures forced at chosen steps, so tests can check the cleanup paths.
    struct Faults: Sendable {
        /// errno to fail the data write with (e.g. ENOSPC).
        var write: Int32?
        /// errno to fail the final rename with.
        var rename: Int32?
    }

    private let clock: any WallClock
    var faults = Faults()

    /// Creates the file system; `clock` names backups.
    public init(clock: any WallClock = SystemClock()) {
        self.clock = clock
    }

    /// Reads a whole file; see `FileSystem.readBytes`.
    public func readBytes(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw FileSystemError(errno: errno, path: path, operation: "read") }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { throw FileSystemError(errno: errno, path: path, operation: "read") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FileSystemError(.isADirectory, path: path, operation: "read") }
        if Int(info.st_size) > limit { throw FileSystemError(.tooLarge(limit: limit), path: path, operation: "read") }
        var result: [UInt8] = []
        result.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(errno: errno, path: path, operation: "read")
            }
            if count == 0 { break }
            if result.count + count > limit { throw FileSystemError(.tooLarge(limit: limit), path: path, operation: "read") }
            result.append(contentsOf: chunk[..<count])
        }
        return result
    }

    /// What is at the path, following symbolic links.
    public func kind(of path: String) -> FileKind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// An `flock` on the file's directory (`FileChangeLock`).
    public func lockForChanges(_ path: String) -> FileChangeLock? { FileChangeLock.acquire(forChangesTo: path) }

    /// A file's size from stat(2), without reading it.
    public func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Sorted names in a directory.
    public func listDirectory(_ path: String) throws(FileSystemError) -> [String] {
        guard let dir = opendir(path) else { throw FileSystemError(errno: errno, path: path, operation: "list") }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// mkdir -p with a mode for the directories it creates.
    public func makeDirectories(_ path: String, mode: UInt32) throws(FileSystemError) {
        if kind(of: path) == .directory { return }
        let (parent, _) = splitPath(path)
        if parent != path && parent != "." && parent != "/" && kind(of: parent) == nil {
            try makeDirectories(parent, mode: mode)
        }
        if mkdir(path, mode_t(mode)) != 0 && errno != EEXIST {
            throw FileSystemError(errno: errno, path: path, operation: "create directory")
        }
        if kind(of: path) != .directory { throw FileSystemError(.notADirectory, path: path, operation: "create directory") }
    }

    /// Removes a file.
    public func removeFile(_ path: String) throws(FileSystemError) {
        if unlink(path) != 0 { throw FileSystemError(errno: errno, path: path, operation: "remove") }
    }

    /// Atomic replace with backup; see `FileSystem.writeAtomically`.
    @discardableResult
    public func writeAtomically(_ requestedPath: String, _ data: [UInt8], mode: UInt32, backup: BackupPolicy) throws(FileSystemError) -> String? {
        let path = resolveSymbolicLink(requestedPath)
        if kind(of: path) == .directory { throw FileSystemError(.isADirectory, path: path, operation: "write") }
        let (directory, name) = splitPath(path)
        // Leftovers of an earlier run killed mid-write go first (never another live run's).
        if let names = try? listDirectory(directory) {
            for stale in StaleTemporaryFiles.select(names, for: name, isAlive: StaleTemporaryFiles.processExists) {
                unlink(joinPath(directory, stale))
            }
        }
        let temporary = joinPath(directory, ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")

        // Created 0600 and narrowed/widened with fchmod before any data is written.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 {
            let code = errno
            throw FileSystemError(errno: code, path: code == ENOENT || code == ENOTDIR ? directory : path, operation: "write")
        }
        func fail(_ code: Int32, _ operation: String = "write", closing: Bool = true) -> FileSystemError {
            if closing { close(fd) }
            unlink(temporary)
            return FileSystemError(errno: code, path: path, operation: operation)
        }
        if fchmod(fd, mode_t(mode)) != 0 { throw fail(errno) }
        if let forced = faults.write { throw fail(forced) }
        if let code = writeAll(fd, data) { throw fail(code) }
        if fsync(fd) != 0 { throw fail(errno) }
        if close(fd) != 0 { throw fail(errno, closing: false) }

        var backupPath: String?
        if backup.keep > 0, kind(of: path) == .file {
            let existing = Set((try? listDirectory(directory)) ?? [])
            let backupName = BackupNames.name(for: name, stamp: clock.now.fileStamp, existing: existing)
            let target = joinPath(directory, backupName)
            do throws(FileSystemError) {
                try makeBackup(of: path, at: target)
            } catch {
                unlink(temporary)
                throw error
            }
            backupPath = target
        }

        let renameResult: Int32 = faults.rename.map { errno = $0; return -1 } ?? rename(temporary, path)
        if renameResult != 0 {
            let code = errno
            unlink(temporary)
            if let backupPath { unlink(backupPath) }
            throw FileSystemError(errno: code, path: path, operation: "write")
        }
        syncDirectory(directory)
        if backup.keep > 0, let names = try? listDirectory(directory) {
            for old in BackupNames.toPrune(names, for: name, keep: backup.keep) { unlink(joinPath(directory, old)) }
        }
        return backupPath
    }

    /// A hard link keeps the old inode (content and mode) at no cost; a copy is the fallback.
    private func makeBackup(of path: String, at target: String) throws(FileSystemError) {
        if link(path, target) == 0 { return }
        let code = errno
        guard code == EPERM || code == EXDEV || code == EMLINK || code == ENOTSUP || code == EOPNOTSUPP else {
            throw FileSystemError(errno: code, path: target, operation: "back up")
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileSystemError(errno: errno, path: path, operation: "back up") }
        let bytes = try readBytes(path, limit: Int.max)
        let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 { throw FileSystemError(errno: errno, path: target, operation: "back up") }
        var ok = fchmod(fd, info.st_mode & 0o7777) == 0
        ok = ok && writeAll(fd, bytes) == nil
        ok = ok && fsync(fd) == 0
        let code2 = errno
        close(fd)
        if !ok {
            unlink(target)
            throw FileSystemError(errno: code2, path: target, operation: "back up")
        }
    }

    /// Writes every byte, retrying short writes and EINTR; returns errno on failure.
    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { raw -> Int32? in
            guard let base = raw.baseAddress else { return nil }
            var written = 0
            while written < raw.count {
                let count = write(fd, base + written, raw.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if count == 0 { return EIO }
                written += count
            }
            return nil
        }
    }

    private func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    // Writing through a symbolic link replaces the file it points to, not the link.
    private func resolveSymbolicLink(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
