/// Go's `path` package (and `path/filepath`, which is the same on Linux).
enum GoPath {
    /// `path.Clean`: the shortest equivalent path, processed lexically.
    static func clean(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for element in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch element {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !rooted { parts.append("..") }
            default: parts.append(element)
            }
        }
        let joined = parts.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// `path.Base`: the last element, trailing slashes ignored.
    static func base(_ path: String) -> String {
        if path.isEmpty { return "." }
        var p = Substring(path)
        while p.count > 0, p.hasSuffix("/") { p = p.dropLast() }
        if p.isEmpty { return "/" }
        if let slash = p.lastIndex(of: "/") { p = p[p.index(after: slash)...] }
        return String(p)
    }

    /// `path.Dir`: everything before the last element, cleaned.
    static func dir(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return clean("") }
        return clean(String(path[...slash]))
    }

    /// `path.Ext`: the suffix from the last dot of the last element.
    static func ext(_ path: String) -> String {
        for i in path.indices.reversed() {
            if path[i] == "/" { break }
            if path[i] == "." { return String(path[i...]) }
        }
        return ""
    }

    static func isAbs(_ path: String) -> Bool { path.hasPrefix("/") }
}
