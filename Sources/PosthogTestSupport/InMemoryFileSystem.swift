import Effects
import Synchronization

/// A file system held in memory with the same rules and errors as `LocalFileSystem`
/// (atomic writes, backups, modes), plus switches to make operations fail.
public final class InMemoryFileSystem: FileSystem, Sendable {
    /// One entry.
    public enum Node: Sendable, Hashable {
        /// A file with its bytes and permission bits.
        case file([UInt8], mode: UInt32)
        /// A directory with its permission bits.
        case directory(mode: UInt32)
    }

    private struct State {
        var nodes: [String: Node] = ["/": .directory(mode: 0o755)]
        var readOnlyDirectories: Set<String> = []
        var unreadableFiles: Set<String> = []
        var nextWriteFailure: FileSystemError.Kind?
    }

    private let state = Mutex(State())
    private let clock: any WallClock

    /// Creates an empty file system (only "/"); `clock` names backups.
    public init(clock: any WallClock = ManualClock()) {
        self.clock = clock
    }

    /// Creates files (and their parent directories) from path → text, mode 0644.
    public convenience init(files: [String: String], clock: any WallClock = ManualClock()) {
        self.init(clock: clock)
        for (path, text) in files { addFile(path, text) }
    }

    /// Adds a file directly, creating parent directories.
    public func addFile(_ path: String, _ text: String, mode: UInt32 = 0o644) {
        let path = Self.normalize(path)
        state.withLock { state in
            var parent = splitPath(path).directory
            var parents: [String] = []
            while state.nodes[parent] == nil { parents.append(parent); parent = splitPath(parent).directory }
            for directory in parents { state.nodes[directory] = .directory(mode: 0o755) }
            state.nodes[path] = .file(Array(text.utf8), mode: mode)
        }
    }

    /// The entry at a path, for assertions.
    public func node(_ path: String) -> Node? { state.withLock { $0.nodes[Self.normalize(path)] } }

    /// All paths, sorted, for assertions.
    public var allPaths: [String] { state.withLock { $0.nodes.keys.sorted() } }

    /// The permission bits at a path.
    public func mode(of path: String) -> UInt32? {
        switch node(path) {
        case .file(_, let mode), .directory(let mode): return mode
        case nil: return nil
        }
    }

    /// Makes writes, directory creation and removals inside `directory` fail with permission denied.
    public func makeReadOnly(_ directory: String) { state.withLock { _ = $0.readOnlyDirectories.insert(Self.normalize(directory)) } }

    /// Makes reading `path` fail with permission denied.
    public func makeUnreadable(_ path: String) { state.withLock { _ = $0.unreadableFiles.insert(Self.normalize(path)) } }

    /// Makes the next `writeAtomically` fail with `kind` after its temp file was written.
    public func failNextWrite(_ kind: FileSystemError.Kind) { state.withLock { $0.nextWriteFailure = kind } }

    /// Reads a file.
    public func readBytes(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
        let path = Self.normalize(path)
        return try state.withLock { state throws(FileSystemError) -> [UInt8] in
            try Self.checkParent(of: path, in: state, operation: "read")
            switch state.nodes[path] {
            case nil: throw FileSystemError(.notFound, path: path, operation: "read")
            case .directory: throw FileSystemError(.isADirectory, path: path, operation: "read")
            case .file(let bytes, _):
                if state.unreadableFiles.contains(path) { throw FileSystemError(.permissionDenied, path: path, operation: "read") }
                if bytes.count > limit { throw FileSystemError(.tooLarge(limit: limit), path: path, operation: "read") }
                return bytes
            }
        }
    }

    /// What is at the path.
    public func kind(of path: String) -> FileKind? {
        switch node(path) {
        case .file: return .file
        case .directory: return .directory
        case nil: return nil
        }
    }

    /// Sorted names in a directory.
    public func listDirectory(_ path: String) throws(FileSystemError) -> [String] {
        let path = Self.normalize(path)
        return try state.withLock { state throws(FileSystemError) -> [String] in
            switch state.nodes[path] {
            case nil: throw FileSystemError(.notFound, path: path, operation: "list")
            case .file: throw FileSystemError(.notADirectory, path: path, operation: "list")
            case .directory:
                return state.nodes.keys.filter { $0 != path && splitPath($0).directory == path }.map { splitPath($0).name }.sorted()
            }
        }
    }

    /// mkdir -p.
    public func makeDirectories(_ path: String, mode: UInt32) throws(FileSystemError) {
        let path = Self.normalize(path)
        try state.withLock { state throws(FileSystemError) in
            var missing: [String] = []
            var current = path
            while true {
                switch state.nodes[current] {
                case .directory?: break
                case .file?: throw FileSystemError(.notADirectory, path: current, operation: "create directory")
                case nil:
                    missing.append(current)
                    current = splitPath(current).directory
                    continue
                }
                break
            }
            for directory in missing.reversed() {
                if state.readOnlyDirectories.contains(splitPath(directory).directory) {
                    throw FileSystemError(.permissionDenied, path: directory, operation: "create directory")
                }
                state.nodes[directory] = .directory(mode: mode)
            }
        }
    }

    /// Removes a file.
    public func removeFile(_ path: String) throws(FileSystemError) {
        let path = Self.normalize(path)
        try state.withLock { state throws(FileSystemError) in
            switch state.nodes[path] {
            case nil: throw FileSystemError(.notFound, path: path, operation: "remove")
            case .directory: throw FileSystemError(.isADirectory, path: path, operation: "remove")
            case .file:
                if state.readOnlyDirectories.contains(splitPath(path).directory) {
                    throw FileSystemError(.permissionDenied, path: path, operation: "remove")
                }
                state.nodes[path] = nil
            }
        }
    }

    /// Atomic replace with backup, all-or-nothing under one lock.
    @discardableResult
    public func writeAtomically(_ path: String, _ data: [UInt8], mode: UInt32, backup: BackupPolicy) throws(FileSystemError) -> String? {
        let path = Self.normalize(path)
        let stamp = clock.now.fileStamp
        return try state.withLock { state throws(FileSystemError) -> String? in
            let (directory, name) = splitPath(path)
            switch state.nodes[directory] {
            case nil: throw FileSystemError(.notFound, path: directory, operation: "write")
            case .file: throw FileSystemError(.notADirectory, path: directory, operation: "write")
            case .directory: break
            }
            try Self.checkParent(of: directory, in: state, operation: "write")
            if case .directory = state.nodes[path] { throw FileSystemError(.isADirectory, path: path, operation: "write") }
            if state.readOnlyDirectories.contains(directory) { throw FileSystemError(.permissionDenied, path: path, operation: "write") }
            if let failure = state.nextWriteFailure {
                state.nextWriteFailure = nil
                throw FileSystemError(failure, path: path, operation: "write")
            }
            var backupPath: String?
            if backup.keep > 0, case .file(let old, let oldMode) = state.nodes[path] {
                let siblings = Set(state.nodes.keys.filter { splitPath($0).directory == directory }.map { splitPath($0).name })
                let backupName = BackupNames.name(for: name, stamp: stamp, existing: siblings)
                backupPath = joinPath(directory, backupName)
                state.nodes[joinPath(directory, backupName)] = .file(old, mode: oldMode)
                let names = Array(siblings) + [backupName]
                for stale in BackupNames.toPrune(names, for: name, keep: backup.keep) {
                    state.nodes[joinPath(directory, stale)] = nil
                }
            }
            state.nodes[path] = .file(data, mode: mode)
            return backupPath
        }
    }

    private static func checkParent(of path: String, in state: State, operation: String) throws(FileSystemError) {
        var current = splitPath(path).directory
        while current != "/" && current != "." {
            if case .file = state.nodes[current] { throw FileSystemError(.notADirectory, path: current, operation: operation) }
            current = splitPath(current).directory
        }
    }

    /// Makes a path absolute and canonical: "/a//b/./c/../d/" → "/a/b/d".
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
