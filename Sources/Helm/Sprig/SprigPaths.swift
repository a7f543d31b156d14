import GoTemplate

/// Sprig's path functions (`path` and, identical on Linux, `path/filepath`), URL parsing and
/// joining through Go's `net/url` rules, and `typeIsLike`.
enum SprigPaths {
    static let functions: [String: TemplateFunction] = Dictionary(uniqueKeysWithValues: paths + urls + [
        sprigFunction("typeIsLike") { a in try a.count(2); let target = try a.string(0), t = GoFormat.typeName(a.values[1])
            return .bool(target == t || "*" + target == t) },
    ])

    static func pathFunction(_ name: String, _ body: @escaping (String) -> Value) -> [(String, TemplateFunction)] {
        let os = "os" + name.prefix(1).uppercased() + name.dropFirst()
        let f: (SprigArguments) throws -> Value = { a in try a.count(1); return body(try a.string(0)) }
        return [sprigFunction(name, f), sprigFunction(os, f)]
    }

    static let paths: [(String, TemplateFunction)] =
        pathFunction("base") { .string(GoPath.base($0)) }
        + pathFunction("dir") { .string(GoPath.dir($0)) }
        + pathFunction("clean") { .string(GoPath.clean($0)) }
        + pathFunction("ext") { .string(GoPath.ext($0)) }
        + pathFunction("isAbs") { .bool(GoPath.isAbs($0)) }

    static let urls: [(String, TemplateFunction)] = [
        sprigFunction("urlParse") { a in try a.count(1)
            let url: GoURL
            do { url = try GoURL.parse(try a.string(0)) } catch let e as GoURL.ParseError {
                throw FunctionError("unable to parse url: \(e.message)")
            }
            return .map(ValueMap([
                "scheme": .string(url.scheme), "host": .string(url.host), "hostname": .string(url.hostname),
                "path": .string(url.path), "query": .string(url.rawQuery), "opaque": .string(url.opaque),
                "fragment": .string(url.fragment), "userinfo": .string(url.userString ?? ""),
            ])) },
        sprigFunction("urlJoin") { a in try a.count(1)
            let map = try a.map(0)
            func part(_ key: String) throws -> String {
                switch map?[key] {
                case nil: return ""
                case .null?: throw goNilDereference
                case .string(let s)?: return s
                case let v?: throw FunctionError("unable to parse \(key) key, must be of type string, but \(SprigCore.kind(v)) found")
                }
            }
            var url = GoURL()
            url.scheme = try part("scheme")
            url.host = try part("host")
            url.path = try part("path")
            url.rawQuery = try part("query")
            url.opaque = try part("opaque")
            url.fragment = try part("fragment")
            let userinfo = try part("userinfo")
            if !userinfo.isEmpty {
                do { url.user = try GoURL.parse("proto://\(userinfo)@host").user } catch let e as GoURL.ParseError {
                    throw FunctionError("unable to parse userinfo in dict: \(e.message)")
                }
            }
            return .string(url.string) },
    ]
}
