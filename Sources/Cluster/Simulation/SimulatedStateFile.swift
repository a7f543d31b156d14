#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON

/// Where a simulated cluster is saved between processes: a JSON file (0600), replaced atomically,
/// and a lock file beside it (`PATH.lock`) that every command holds exclusively (`flock`) while it
/// reads, changes and writes the state. So `install --simulate` in one terminal and
/// `status --simulate` in another see one cluster.
public struct SimulatedStateFile: Sendable, Hashable {
    /// The state file.
    public let path: String

    /// The saved cluster at `path`.
    public init(path: String) { self.path = path }

    /// The lock file beside the state file.
    public var lockPath: String { path + ".lock" }

    /// The format written; a file with another one is refused with advice to start afresh.
    static let format = 2

    /// What is saved there, or nil when nothing is.
    public func summary() throws(SimulatedStateFileError) -> SimulatedClusterSummary? {
        try withLock { () throws(SimulatedStateFileError) -> SimulatedClusterSummary? in
            guard let bytes = try readIfPresent() else { return nil }
            let state = try decode(bytes)
            return SimulatedClusterSummary(
                spec: state.spec,
                releases: state.releases.map { SimulatedClusterSummary.Release(name: $0.name, namespace: $0.namespace) })
        }
    }

    /// Deletes the saved cluster (the next command starts a fresh one).
    public func reset() throws(SimulatedStateFileError) {
        try withLock { () throws(SimulatedStateFileError) in
            if unlink(path) != 0 && errno != ENOENT {
                throw SimulatedStateFileError(path: path, problem: "it could not be deleted (\(String(cString: strerror(errno))))")
            }
        }
    }

    // MARK: transactions

    /// What the last transaction of this process read or wrote, so an unchanged file is not decoded again.
    struct Cache: Sendable {
        var state: SimState
        var bytes: [UInt8]
        var signature: Signature
    }

    /// Identifies one version of the file: every atomic write makes a new inode.
    struct Signature: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int64
    }

    /// Under the lock: loads the saved state (or `fresh()` when there is none), lets `body` change it,
    /// and writes it back when its encoding changed.
    func transaction<T>(cache: inout Cache?, fresh: () -> SimState, _ body: (inout SimState) -> T) throws(SimulatedStateFileError) -> T {
        try withLock { () throws(SimulatedStateFileError) -> T in
            var state: SimState
            var original: [UInt8]?
            if let signature = signature() {
                if let cached = cache, cached.signature == signature {
                    state = cached.state
                    original = cached.bytes
                } else {
                    let bytes = try readIfPresent() ?? []
                    state = try decode(bytes)
                    original = bytes
                }
            } else {
                state = fresh()
            }
            let result = body(&state)
            let bytes = try encode(state)
            if bytes != original {
                do {
                    try LocalFileSystem().writeAtomically(path, bytes, mode: 0o600, backup: .none)
                } catch {
                    throw SimulatedStateFileError(path: path, problem: "it could not be written (\(error))")
                }
            }
            if let signature = signature() { cache = Cache(state: state, bytes: bytes, signature: signature) } else { cache = nil }
            return result
        }
    }

    // MARK: plumbing

    private func withLock<T>(_ body: () throws(SimulatedStateFileError) -> T) throws(SimulatedStateFileError) -> T {
        let directory = splitPath(path).directory
        do { try LocalFileSystem().makeDirectories(directory, mode: 0o700) } catch {
            throw SimulatedStateFileError(path: path, problem: "its directory could not be created (\(error))")
        }
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 {
            throw SimulatedStateFileError(
                path: path, problem: "its lock file \(lockPath) could not be opened (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            throw SimulatedStateFileError(
                path: path, problem: "its lock file \(lockPath) could not be locked (\(String(cString: strerror(errno))))")
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    private func signature() -> Signature? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Signature(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    private func readIfPresent() throws(SimulatedStateFileError) -> [UInt8]? {
        do {
            return try LocalFileSystem().readBytes(path)
        } catch {
            if case .notFound = error.kind { return nil }
            throw SimulatedStateFileError(path: path, problem: "it cannot be read (\(error))")
        }
    }

    private struct Envelope: Codable {
        var format: Int
        var state: SimState
    }

    func decode(_ bytes: [UInt8]) throws(SimulatedStateFileError) -> SimState {
        guard let document = try? JSONReader.read(bytes: bytes), case .object = document else {
            throw SimulatedStateFileError(path: path, problem: "it is not a saved simulated cluster (not valid JSON)")
        }
        guard document["format"]?.numberValue?.int64Value == Int64(Self.format) else {
            throw SimulatedStateFileError(path: path, problem: "it was saved by a different version of posthog-install")
        }
        do {
            return try JSONValueDecoder().decode(Envelope.self, from: document).state
        } catch {
            throw SimulatedStateFileError(path: path, problem: "it is damaged (\(Self.describe(error)))")
        }
    }

    /// The file's text: one line, keys sorted, so an unchanged state gives unchanged bytes.
    func encode(_ state: SimState) throws(SimulatedStateFileError) -> [UInt8] {
        do {
            let text = try JSONValueEncoder().text(
                Envelope(format: Self.format, state: state),
                style: JSONWriter.Style(escapeHTML: false, sortKeys: true))
            return Array(text.utf8)
        } catch {
            throw SimulatedStateFileError(path: path, problem: "it could not be encoded (\(error))")
        }
    }

    private static func describe(_ error: any Error) -> String {
        guard let e = error as? DecodingError else { return String(describing: error) }
        func at(_ path: [any CodingKey]) -> String { path.map(\.stringValue).joined(separator: ".") }
        switch e {
        case .keyNotFound(let key, let c): return "\(at(c.codingPath + [key])) is missing"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): return "\(at(c.codingPath)): \(c.debugDescription)"
        @unknown default: return String(describing: e)
        }
    }
}

/// What a saved simulated cluster holds: its shape and the helm releases installed on it.
public struct SimulatedClusterSummary: Sendable, Hashable {
    /// A helm release on the cluster.
    public struct Release: Sendable, Hashable {
        /// Release name.
        public var name: String
        /// Its namespace.
        public var namespace: String
    }

    /// The nodes, cloud flavour and faults it was created with.
    public var spec: SimulatedClusterSpec
    /// The helm releases installed.
    public var releases: [Release]
}

/// A saved simulated cluster that cannot be used; names the file and how to start afresh.
public struct SimulatedStateFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The state file.
    public var path: String
    /// What is wrong with it.
    public var problem: String

    /// The whole message.
    public var description: String {
        "The saved simulated cluster in \(path) cannot be used: \(problem). It holds only the simulation, nothing of a real cluster: "
            + "delete that file (or run again with --simulate-reset) to start a fresh simulated cluster."
    }
}
