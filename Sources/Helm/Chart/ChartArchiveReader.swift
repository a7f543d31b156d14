import CArchive

/// Reads a chart packaged as `.tgz` through libarchive, with Helm's safety checks:
/// no absolute paths, nothing escaping the top directory, no links, size limits.
public enum ChartArchiveReader {
    /// Reads every regular file of the archive `bytes`; `source` names it in errors.
    /// Paths lose their first component (the chart's directory), as in Helm.
    public static func read(_ bytes: [UInt8], source: String) throws -> [ChartFile] {
        guard bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B else {
            throw ChartLoadError(
                source: source, message: "file '\(source)' does not appear to be a gzipped archive; got 'application/octet-stream'")
        }
        if let reason = ca_load() {
            throw ChartLoadError(
                source: source, message: "could not load libarchive, the library used to read chart archives (\(String(cString: reason)))")
        }
        guard let archive = ca_archive_read_new() else {
            throw ChartLoadError(source: source, message: "could not start reading the archive")
        }
        defer { ca_archive_read_free(archive) }
        ca_archive_read_support_filter_gzip(archive)
        ca_archive_read_support_format_tar(archive)
        ca_archive_read_support_format_gnutar(archive)

        var files: [ChartFile] = []
        var remaining = ChartLimits.maxDecompressedChartSize
        let status: Int32 = bytes.withUnsafeBytes { raw in
            ca_archive_read_open_memory(archive, raw.baseAddress, raw.count)
        }
        guard status == ARCHIVE_OK else {
            throw ChartLoadError(source: source, message: "cannot open archive: \(errorText(archive))")
        }
        // libarchive reads from `bytes` lazily, so keep the buffer alive for the whole loop.
        try withExtendedLifetime(bytes) {
            var entry: OpaquePointer?
            while true {
                let next = ca_archive_read_next_header(archive, &entry)
                if next == ARCHIVE_EOF { break }
                guard next == ARCHIVE_OK || next == ARCHIVE_WARN, let entry else {
                    throw ChartLoadError(source: source, message: "archive is corrupt or truncated: \(errorText(archive))")
                }
                let rawName = ca_archive_entry_pathname(entry).map { String(cString: $0) } ?? ""
                let fileType = ca_archive_entry_filetype(entry)
                if fileType == CA_AE_IFDIR { continue }
                let relative = try chartRelativePath(rawName, source: source)
                guard fileType == CA_AE_IFREG else {
                    throw ChartLoadError(
                        source: source, message: "chart contains a link or special file that is not allowed: \"\(rawName)\"")
                }
                let size = Int(ca_archive_entry_size(entry))
                if size > remaining {
                    throw ChartLoadError(
                        source: source,
                        message: "decompressed chart is larger than the maximum size \(ChartLimits.maxDecompressedChartSize)")
                }
                if size > ChartLimits.maxFileSize {
                    throw ChartLoadError(
                        source: source,
                        message: "decompressed chart file \"\(rawName)\" is larger than the maximum file size \(ChartLimits.maxFileSize)")
                }
                var data = [UInt8](repeating: 0, count: size)
                var read = 0
                while read < size {
                    let n = data.withUnsafeMutableBytes { buffer in
                        ca_archive_read_data(archive, buffer.baseAddress.map { $0 + read }, size - read)
                    }
                    if n < 0 {
                        throw ChartLoadError(
                            source: source, message: "archive is corrupt or truncated while reading \"\(rawName)\": \(errorText(archive))")
                    }
                    if n == 0 { break }
                    read += n
                }
                if read < size {
                    throw ChartLoadError(source: source, message: "archive is truncated: \"\(rawName)\" is shorter than its header says")
                }
                remaining -= size
                files.append(ChartFile(path: relative, data: data))
            }
        }
        if files.isEmpty {
            throw ChartLoadError(source: source, message: "no files in chart archive")
        }
        return files
    }

    /// Strips the top directory and rejects paths Helm rejects.
    static func chartRelativePath(_ rawName: String, source: String) throws -> String {
        if let clean = alreadyClean(rawName) { return clean }
        return try checkedRelativePath(rawName, source: source)
    }

    /// `chartRelativePath` the long way: split, clean, then each of Helm's checks.
    static func checkedRelativePath(_ rawName: String, source: String) throws -> String {
        let separator: Character = rawName.utf8.contains(UInt8(ascii: "\\")) ? "\\" : "/"
        let parts = rawName.split(separator: separator, omittingEmptySubsequences: false)
        if parts.first == "Chart.yaml" {
            throw ChartLoadError(source: source, message: "chart yaml not in base directory")
        }
        let rest = parts.dropFirst().joined(separator: "/")
        if rest.hasPrefix("/") {
            throw ChartLoadError(source: source, message: "chart illegally contains absolute paths")
        }
        let cleaned = cleanPath(rest)
        if cleaned == "." {
            throw ChartLoadError(source: source, message: "chart illegally contains content outside the base directory: \"\(rawName)\"")
        }
        if cleaned.hasPrefix("..") {
            throw ChartLoadError(source: source, message: "chart illegally references parent directory")
        }
        if cleaned.count >= 3 {
            let chars = Array(cleaned.prefix(3))
            if chars[0].isLetter, chars[1] == ":", chars[2] == "/" {
                throw ChartLoadError(source: source, message: "chart contains illegally named files")
            }
        }
        if rawName.hasPrefix("/") {
            throw ChartLoadError(source: source, message: "chart illegally contains absolute paths")
        }
        return cleaned
    }

    /// The path after the top directory when it needs no cleaning and passes every check
    /// (`top/templates/a.yaml`, the usual entry), found by looking at bytes; nil otherwise.
    static func alreadyClean(_ rawName: String) -> String? {
        let bytes = rawName.utf8
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")), slash != bytes.startIndex else { return nil }
        let restStart = bytes.index(after: slash)
        let rest = bytes[restStart...]
        guard !rest.isEmpty, !bytes.contains(UInt8(ascii: "\\")), !rest.starts(with: "..".utf8) else { return nil }
        if bytes[bytes.startIndex..<slash].elementsEqual("Chart.yaml".utf8) { return nil }
        // A drive letter (`c:/`) is refused by the full check.
        if rest.count >= 3, rest.dropFirst().first == UInt8(ascii: ":") { return nil }
        var segmentLength = 0
        var dots = 0
        for byte in rest {
            if byte == UInt8(ascii: "/") {
                if segmentLength == 0 || segmentLength == dots && dots <= 2 { return nil }
                segmentLength = 0
                dots = 0
            } else {
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        if segmentLength == 0 || segmentLength == dots && dots <= 2 { return nil }
        return String(rawName[restStart...])
    }

    /// Go's `path.Clean`: collapses `//`, `.` and `..` lexically.
    static func cleanPath(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.hasPrefix("/")
        var out: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = out.last, last != ".." { out.removeLast() } else if !rooted { out.append(part) }
                continue
            }
            out.append(part)
        }
        let joined = out.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    private static func errorText(_ archive: OpaquePointer) -> String {
        ca_archive_error_string(archive).map { String(cString: $0) } ?? "unknown error"
    }
}
