import GoTemplate

/// A TOML table while it is being built (tables are shared and filled in place).
final class TOMLMap {
    var entries: [String: TOMLNode] = [:]
}

/// The tables of a `[[name]]` array, appended to as sections appear.
final class TOMLMapList {
    var maps: [TOMLMap] = []
}

/// A decoded TOML value.
enum TOMLNode {
    case map(TOMLMap)
    case mapList(TOMLMapList)
    case array([TOMLNode])
    case scalar(Value)

    /// The template value: tables as maps, arrays (of tables) as lists.
    var value: Value {
        switch self {
        case .map(let map): return .map(Self.valueMap(map))
        case .mapList(let list): return .list(list.maps.map { .map(Self.valueMap($0)) })
        case .array(let items): return .list(items.map(\.value))
        case .scalar(let value): return value
        }
    }

    static func valueMap(_ map: TOMLMap) -> ValueMap {
        let result = ValueMap()
        for (key, node) in map.entries { result.storage[key] = node.value }
        return result
    }
}

/// BurntSushi/toml's bookkeeping while parsing: the current table (`context`), the key being
/// assigned, which tables were only created implicitly (by dotted keys or parents of headers),
/// and the type each key path was given. Its rules decide which redefinitions are errors.
struct TOMLDocument {
    /// The kinds recorded per key path; only "array" changes how redefinition is judged.
    enum KeyType { case value, array, hash, arrayHash }

    let root = TOMLMap()
    /// The table keys are assigned in.
    var context: [String] = []
    /// The last part of the key being assigned, empty between assignments.
    var currentKey = ""
    /// The line of the last key or table name read (for errors about definitions).
    var keyLine = 1
    private var implicits: Set<String> = []
    private var keyTypes: [String: KeyType] = [:]

    /// "Last key" as error messages show it.
    var lastKey: String {
        if currentKey.isEmpty { return TOMLEncoder.keyPath(context) }
        if context.isEmpty { return currentKey }
        return TOMLEncoder.keyPath(context) + "." + currentKey
    }

    private func fail(_ message: String) -> TOMLDecoder.DecodeError {
        TOMLDecoder.DecodeError(line: keyLine, message: message)
    }

    private static func id(_ key: [String]) -> String { TOMLEncoder.keyPath(key) }

    mutating func addImplicit(_ key: [String]) { implicits.insert(Self.id(key)) }

    /// Opens the table `key` (a `[header]`, a `[[header]]` section, or a dotted key's parent).
    mutating func addContext(_ key: [String], array: Bool) throws(TOMLDecoder.DecodeError) {
        var table = root
        var path: [String] = []
        for part in key.dropLast() {
            path.append(part)
            if table.entries[part] == nil {
                addImplicit(path)
                table.entries[part] = .map(TOMLMap())
            }
            switch table.entries[part] {
            case .mapList(let list)?: table = list.maps[list.maps.count - 1]
            case .map(let map)?: table = map
            default: throw fail("Key '\(TOMLEncoder.keyPath(path))' was already created as a hash.")
            }
        }
        context = path
        let last = key[key.count - 1]
        if array {
            if table.entries[last] == nil { table.entries[last] = .mapList(TOMLMapList()) }
            guard case .mapList(let list)? = table.entries[last] else {
                throw fail("Key '\(TOMLEncoder.keyPath(key))' was already created and cannot be used as an array.")
            }
            list.maps.append(TOMLMap())
        } else {
            try setValue(last, .map(TOMLMap()))
        }
        context = path + [last]
    }

    /// Opens each parent of a dotted key in turn, as implicit tables.
    mutating func addImplicitContext(_ key: [String]) throws(TOMLDecoder.DecodeError) {
        addImplicit(key)
        try addContext(key, array: false)
    }

    /// Assigns `key` in the current table, unless that redefines something.
    mutating func setValue(_ key: String, _ value: TOMLNode) throws(TOMLDecoder.DecodeError) {
        var table = root
        var path: [String] = []
        for part in context {
            path.append(part)
            switch table.entries[part] {
            case .mapList(let list)?: table = list.maps[list.maps.count - 1]
            case .map(let map)?: table = map
            default: throw fail("Key '\(TOMLEncoder.keyPath(path))' has already been defined.")
            }
        }
        path.append(key)
        let id = Self.id(path)
        if table.entries[key] != nil {
            if keyTypes[id] == .array {
                guard implicits.contains(id) else { throw fail("Key '\(TOMLEncoder.keyPath(path))' has already been defined.") }
                implicits.remove(id)
                table.entries[key] = value
                return
            }
            if implicits.contains(id) {
                implicits.remove(id)
                return
            }
            throw fail("Key '\(TOMLEncoder.keyPath(path))' has already been defined.")
        }
        table.entries[key] = value
    }

    /// Records the type given to `key` in the current table (the table itself when empty).
    mutating func setType(_ key: String, _ type: KeyType) {
        var path = context
        if !key.isEmpty { path.append(key) }
        if path.isEmpty { path = [""] }
        keyTypes[Self.id(path)] = type
    }
}
