/// What a path is.
public enum FileKind: Sendable, Hashable {
    /// A regular file.
    case file
    /// A directory.
    case directory
    /// A device, socket, pipe or similar.
    case other
}

/// How many timestamped backups of a replaced file to keep beside it.
public struct BackupPolicy: Sendable, Hashable {
    /// The number of backups kept; 0 keeps none and makes none.
    public var keep: Int

    /// Creates a policy.
    public init(keep: Int) { self.keep = max(0, keep) }

    /// No backup.
    public static let none = BackupPolicy(keep: 0)

    /// Keeps the newest `count` backups.
    public static func keepLast(_ count: Int) -> BackupPolicy { BackupPolicy(keep: count) }
}

/// Files as the program uses them. The real one is `LocalFileSystem`; tests use `InMemoryFileSystem`.
public protocol FileSystem: Sendable {
    /// Reads a whole file, refusing files over `limit` bytes.
    func readBytes(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8]
    /// What the path is (following symbolic links), or nil when nothing is there.
    func kind(of path: String) -> FileKind?
    /// The names in a directory (without "." and ".."), sorted.
    func listDirectory(_ path: String) throws(FileSystemError) -> [String]
    /// Creates a directory and any missing parents with the given mode.
    func makeDirectories(_ path: String, mode: UInt32) throws(FileSystemError)
    /// Replaces a file all at once: a temp file beside it gets the mode, then the data, is
    /// synced and renamed over the target; the previous file is kept as a timestamped backup.
    /// On failure the old file is untouched and no temp file is left. Returns the backup path.
    @discardableResult
    func writeAtomically(_ path: String, _ data: [UInt8], mode: UInt32, backup: BackupPolicy) throws(FileSystemError) -> String?
    /// Removes a file.
    func removeFile(_ path: String) throws(FileSystemError)
    /// A file's size in bytes, or nil when it is not there.
    func fileSize(_ path: String) -> Int?
    /// Waits until no other run is changing `path` and holds that until the lock is released
    /// (dropped); nil when there is nothing to lock (in-memory file systems).
    func lockForChanges(_ path: String) -> FileChangeLock?
}

extension FileSystem {
    /// No lock: only real files are shared with other processes.
    public func lockForChanges(_ path: String) -> FileChangeLock? { nil }

    /// A file's size, by reading it (file systems with a cheaper way override this).
    public func fileSize(_ path: String) -> Int? {
        guard kind(of: path) == .file else { return nil }
        return (try? readBytes(path))?.count
    }

    /// The default read limit: 64 MiB.
    public static var defaultReadLimit: Int { 64 << 20 }

    /// Reads a whole file (up to 64 MiB).
    public func readBytes(_ path: String) throws(FileSystemError) -> [UInt8] {
        try readBytes(path, limit: Self.defaultReadLimit)
    }

    /// Reads a whole file as UTF-8 text; invalid UTF-8 is an error naming the path and offset.
    public func readString(_ path: String, limit: Int = Self.defaultReadLimit) throws(FileSystemError) -> String {
        let bytes = try readBytes(path, limit: limit)
        if let offset = firstInvalidUTF8Offset(bytes) {
            throw FileSystemError(.invalidUTF8(offset: offset), path: path, operation: "read")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when something exists at the path.
    public func exists(_ path: String) -> Bool { kind(of: path) != nil }

    /// Writes UTF-8 text atomically; see `writeAtomically(_:_:mode:backup:)`.
    @discardableResult
    public func writeAtomically(_ path: String, _ text: String, mode: UInt32, backup: BackupPolicy) throws(FileSystemError) -> String? {
        try writeAtomically(path, Array(text.utf8), mode: mode, backup: backup)
    }
}

/// The offset of the first byte that does not start or continue valid UTF-8, or nil.
public func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar):
            offset += UTF8.width(scalar)
        case .emptyInput:
            return nil
        case .error:
            return offset
        }
    }
}

/// Splits "/a/b/c.yaml" into ("/a/b", "c.yaml"); a bare name has directory ".".
public func splitPath(_ path: String) -> (directory: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let directory = String(path[..<slash])
    return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
}
