#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an unpacked chart directory the way Helm does: `.helmignore` honoured (plus its
/// default rule), irregular files refused, symbolic links followed only inside the chart.
public enum ChartDirectoryReader {
    /// Reads every file under `directory`.
    public static func read(directory: String) throws -> [ChartFile] {
        let root = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        guard let rootInfo = FileInfo(path: root) else {
            throw ChartLoadError(source: directory, message: "no such chart directory")
        }
        guard rootInfo.isDirectory else {
            throw ChartLoadError(source: directory, message: "not a directory")
        }
        var rules = HelmIgnore()
        let ignorePath = root + "/" + HelmIgnore.fileName
        if let info = FileInfo(path: ignorePath), info.isRegular {
            let text = String(decoding: try readBytes(ignorePath, source: directory), as: UTF8.self)
            do { rules = try HelmIgnore(parsing: text) } catch let error as HelmIgnore.InvalidRule {
                throw ChartLoadError(source: directory, message: error.description)
            }
        }
        let realRoot = realPath(root) ?? root
        var files: [ChartFile] = []
        try walk(root: root, realRoot: realRoot, relative: "", rules: rules, into: &files, depth: 0)
        return files
    }

    private static func walk(root: String, realRoot: String, relative: String, rules: HelmIgnore,
                             into files: inout [ChartFile], depth: Int) throws {
        guard depth < 64 else {
            throw ChartLoadError(source: root, message: "directory nesting too deep at \"\(relative)\" (a symbolic link loop?)")
        }
        let directory = relative.isEmpty ? root : root + "/" + relative
        for name in try listDirectory(directory, source: root) {
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            let childPath = root + "/" + childRelative
            guard let link = FileInfo(path: childPath, followLinks: false) else { continue }
            var info = link
            if link.isSymbolicLink {
                guard let resolved = realPath(childPath), resolved == realRoot || resolved.hasPrefix(realRoot + "/") else {
                    throw ChartLoadError(source: root, message: "symbolic link \"\(childRelative)\" points outside the chart")
                }
                guard let target = FileInfo(path: childPath) else {
                    throw ChartLoadError(source: root, message: "symbolic link \"\(childRelative)\" is broken")
                }
                info = target
            }
            if info.isDirectory {
                if rules.ignores(childRelative, isDirectory: true) { continue }
                try walk(root: root, realRoot: realRoot, relative: childRelative, rules: rules, into: &files, depth: depth + 1)
                continue
            }
            if rules.ignores(childRelative, isDirectory: false) { continue }
            guard info.isRegular else {
                throw ChartLoadError(source: root, message: "cannot load irregular file \(childPath) as it has file mode type bits set")
            }
            if info.size > ChartLimits.maxFileSize {
                throw ChartLoadError(source: root, message: "chart file \"\(name)\" is larger than the maximum file size \(ChartLimits.maxFileSize)")
            }
            files.append(ChartFile(path: childRelative, data: try readBytes(childPath, source: root)))
        }
    }

    /// Reads a whole file.
    static func readBytes(_ path: String, source: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ChartLoadError(source: source, message: "error reading \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ChartLoadError(source: source, message: "error reading \(path): \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            result.append(contentsOf: buffer[0..<n])
        }
        return result
    }

    private static func listDirectory(_ path: String, source: String) throws -> [String] {
        guard let dir = opendir(path) else {
            throw ChartLoadError(source: source, message: "cannot list \(path): \(String(cString: strerror(errno)))")
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        // Lexical order, as Go's filepath.Walk visits entries.
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// The few `stat` facts the chart reader needs.
struct FileInfo {
    let isDirectory: Bool
    let isRegular: Bool
    let isSymbolicLink: Bool
    let size: Int

    init?(path: String, followLinks: Bool = true) {
        var st = stat()
        let rc = followLinks ? stat(path, &st) : lstat(path, &st)
        guard rc == 0 else { return nil }
        let type = st.st_mode & S_IFMT
        isDirectory = type == S_IFDIR
        isRegular = type == S_IFREG
        isSymbolicLink = type == S_IFLNK
        size = Int(st.st_size)
    }
}
