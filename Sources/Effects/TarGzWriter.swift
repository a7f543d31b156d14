internal import CArchive
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a gzip-compressed tar archive of in-memory files (libarchive, POSIX pax format), as
/// one atomic step: the archive appears whole at `path` or not at all.
public enum TarGzWriter {
    /// One file of the archive.
    public struct Entry: Sendable, Hashable {
        /// Its path inside the archive (`posthog-support/pods.yaml`).
        public var path: String
        /// Its contents.
        public var text: String

        /// An entry.
        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    /// Why the archive could not be written.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        /// libarchive's or the file system's words.
        public var message: String
        /// The message.
        public var description: String { message }
    }

    /// Writes `entries` to `path` (mode 0600), replacing it only once the archive is complete.
    public static func write(_ entries: [Entry], to path: String, modified: Date = Date()) throws(WriteError) {
        let temporary = path + ".partial-\(getpid())"
        if let reason = ca_load() {
            throw WriteError(message: "could not load libarchive, the library used to write archives (\(String(cString: reason)))")
        }
        guard let archive = ca_archive_write_new() else { throw WriteError(message: "libarchive could not start an archive") }
        defer { ca_archive_write_free(archive) }
        guard ca_archive_write_add_filter_gzip(archive) == ARCHIVE_OK, ca_archive_write_set_format_pax_restricted(archive) == ARCHIVE_OK,
            ca_archive_write_open_filename(archive, temporary) == ARCHIVE_OK
        else {
            throw WriteError(message: "cannot create \(path): \(message(archive))")
        }
        for entry in entries {
            guard let header = ca_archive_entry_new() else { throw WriteError(message: "libarchive could not describe \(entry.path)") }
            defer { ca_archive_entry_free(header) }
            let bytes = Array(entry.text.utf8)
            ca_archive_entry_set_pathname(header, entry.path)
            ca_archive_entry_set_size(header, la_int64_t(bytes.count))
            ca_archive_entry_set_filetype(header, CA_AE_IFREG)
            ca_archive_entry_set_perm(header, 0o600)
            ca_archive_entry_set_mtime(header, time_t(modified.timeIntervalSince1970), 0)
            guard ca_archive_write_header(archive, header) == ARCHIVE_OK else {
                unlink(temporary)
                throw WriteError(message: "cannot add \(entry.path) to \(path): \(message(archive))")
            }
            let written = bytes.withUnsafeBytes { ca_archive_write_data(archive, $0.baseAddress, $0.count) }
            guard written == bytes.count else {
                unlink(temporary)
                throw WriteError(message: "cannot write \(entry.path) into \(path): \(message(archive))")
            }
        }
        guard ca_archive_write_close(archive) == ARCHIVE_OK else {
            unlink(temporary)
            throw WriteError(message: "cannot finish \(path): \(message(archive))")
        }
        chmod(temporary, 0o600)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(message: "cannot move the archive into \(path): \(reason)")
        }
    }

    private static func message(_ archive: OpaquePointer) -> String {
        ca_archive_error_string(archive).map { String(cString: $0) } ?? "unknown libarchive error"
    }
}
