#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Go's `time.LoadLocation` and `time.Local` on Unix: TZif files from the system zoneinfo directories.
extension GoLocation {
    /// Where Go looks for zone files on Unix.
    static let zoneSources = ["/usr/share/zoneinfo/", "/usr/share/lib/zoneinfo/", "/usr/lib/locale/TZ/", "/etc/zoneinfo/"]

    /// The process's `time.Local`, from `TZ` or `/etc/localtime`, falling back to UTC.
    static let local: GoLocation = loadLocal(tz: environment("TZ"))

    /// `time.LoadLocation(name)`, with Go's error messages.
    static func load(_ name: String) throws(GoTimeError) -> GoLocation {
        if name.isEmpty || name == "UTC" { return .utc }
        if name == "Local" { return .local }
        if name.contains("..") || name.hasPrefix("/") || name.hasPrefix("\\") {
            throw GoTimeError("time: invalid location name")
        }
        if let dir = environment("ZONEINFO"), !dir.isEmpty, let data = readFile(dir + "/" + name),
           let location = fromTZif(name: name, data) {
            return location
        }
        if let location = load(name, sources: zoneSources) { return location }
        throw GoTimeError("unknown time zone " + name)
    }

    /// Go's `initLocal` for Unix.
    static func loadLocal(tz: String?) -> GoLocation {
        guard var tz else {
            if let z = load("localtime", sources: ["/etc/"]) { return z.renamed("Local") }
            return .utcNamed
        }
        if tz.hasPrefix(":") { tz.removeFirst() }
        if tz.hasPrefix("/") {
            if let z = load(tz, sources: [""]) { return z.renamed(tz == "/etc/localtime" ? "Local" : tz) }
        } else if !tz.isEmpty && tz != "UTC" {
            if let z = load(tz, sources: zoneSources) { return z }
        }
        return .utcNamed
    }

    /// Local falling back to UTC keeps Go's zone-less `UTC` behaviour.
    private static let utcNamed = GoLocation(name: "UTC", zones: [], transitions: [], extend: "")

    private func renamed(_ newName: String) -> GoLocation {
        GoLocation(name: newName, zones: zones, transitions: transitions, extend: extend)
    }

    private static func load(_ name: String, sources: [String]) -> GoLocation? {
        for source in sources {
            if let data = readFile(source + name), let location = fromTZif(name: name, data) { return location }
        }
        return nil
    }

    /// Parses TZif data (versions 1 to 4) like Go's `LoadLocationFromTZData`.
    static func fromTZif(name: String, _ data: [UInt8]) -> GoLocation? {
        var reader = ByteReader(bytes: data)
        guard reader.take(4) == Array("TZif".utf8), let header = reader.take(16) else { return nil }
        let version = header[0]
        guard version == 0 || (version >= UInt8(ascii: "2") && version <= UInt8(ascii: "4")) else { return nil }
        func counts() -> [Int]? {
            var n: [Int] = []
            for _ in 0..<6 {
                guard let v = reader.big4() else { return nil }
                n.append(Int(v))
            }
            return n
        }
        // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
        guard var n = counts() else { return nil }
        var size = 4
        if version != 0 {
            let skip = n[3] * 4 + n[3] + n[4] * 6 + n[5] + n[2] * 8 + n[1] + n[0] + 20
            guard reader.take(skip) != nil, let again = counts() else { return nil }
            n = again
            size = 8
        }
        guard let times = reader.take(n[3] * size), let indices = reader.take(n[3]),
              let zoneData = reader.take(n[4] * 6), let abbreviations = reader.take(n[5]),
              reader.take(n[2] * (size + 4)) != nil, reader.take(n[1]) != nil, reader.take(n[0]) != nil
        else { return nil }
        let rest = reader.rest
        var extend = ""
        if rest.count > 2 && rest.first == 10 && rest.last == 10 {
            extend = String(decoding: rest[1..<(rest.count - 1)], as: UTF8.self)
        }
        guard n[4] > 0 else { return nil }
        var zones: [Zone] = []
        var zr = ByteReader(bytes: zoneData)
        for _ in 0..<n[4] {
            guard let offset = zr.big4(), let dst = zr.take(1), let index = zr.take(1),
                  Int(index[0]) < abbreviations.count else { return nil }
            let tail = abbreviations[Int(index[0])...]
            let abbreviation = tail.prefix { $0 != 0 }
            zones.append(Zone(name: String(decoding: abbreviation, as: UTF8.self),
                              offset: Int64(Int32(bitPattern: offset)), isDST: dst[0] != 0))
        }
        var transitions: [(when: Int64, index: Int)] = []
        var tr = ByteReader(bytes: times)
        for i in 0..<n[3] {
            let when: Int64
            if size == 4 {
                guard let v = tr.big4() else { return nil }
                when = Int64(Int32(bitPattern: v))
            } else {
                guard let hi = tr.big4(), let lo = tr.big4() else { return nil }
                when = Int64(bitPattern: UInt64(hi) << 32 | UInt64(lo))
            }
            guard Int(indices[i]) < zones.count else { return nil }
            transitions.append((when, Int(indices[i])))
        }
        if transitions.isEmpty { transitions = [(Int64.min, 0)] }
        return GoLocation(name: name, zones: zones, transitions: transitions, extend: extend)
    }

    /// An environment variable, nil when unset.
    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// A whole file's bytes, nil when it cannot be read (or is over 10 MB, Go's limit).
    static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n > 0 { result.append(contentsOf: buffer[0..<n]) }
            if n < buffer.count { break }
            if result.count > 10 << 20 { return nil }
        }
        return ferror(file) == 0 ? result : nil
    }
}

/// Reads big-endian fields from a byte buffer.
private struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    /// The next `n` bytes, nil when fewer remain.
    mutating func take(_ n: Int) -> [UInt8]? {
        guard n >= 0, position + n <= bytes.count else { return nil }
        defer { position += n }
        return Array(bytes[position..<(position + n)])
    }

    /// A big-endian 32-bit number.
    mutating func big4() -> UInt32? {
        guard let b = take(4) else { return nil }
        return UInt32(b[0]) << 24 | UInt32(b[1]) << 16 | UInt32(b[2]) << 8 | UInt32(b[3])
    }

    /// Everything not yet read.
    var rest: [UInt8] { Array(bytes[position...]) }
}

/// An error with Go's message (`time: invalid duration "x"`).
struct GoTimeError: Error, Equatable, Sendable {
    let message: String
    init(_ message: String) { self.message = message }
}
