/// A set of parsed templates sharing definitions and functions, like Go's `*template.Template`
/// with its associated templates. Parse once, execute many times.
///
/// Sendable unchecked: the set changes only while it is being built (`parse`,
/// `addFunctions`, the settings), before any execution. Executing never writes to it: what
/// one execution adds (`tpl` definitions and their text, parsed `tpl` texts) lives in its
/// `Executor`. So after building, executions on several threads may share one set, as
/// Go's may; its functions must then be safe to call from several threads (`TemplateFunction`).
public final class TemplateSet: @unchecked Sendable {
    /// One named template body and the file it was parsed from.
    struct Definition {
        let body: [Node]
        let file: String
    }

    /// The callable functions (Go built-ins are always present).
    public private(set) var functions: [String: TemplateFunction] {
        didSet { functionNames = Set(functions.keys).union(Builtins.names) }
    }
    /// How missing map keys behave.
    public var missingKey: MissingKey
    /// The deepest nesting of template calls allowed. Go allows 100000 on growable stacks;
    /// here the default keeps well inside a thread's fixed stack.
    public var maxDepth: Int
    /// The name of the set's own root template (Go's `template.New(name)`), used in
    /// "no template ... associated with template" messages; Helm's is `gotpl`.
    public var rootName: String?
    /// Action delimiters for templates parsed from now on (Go's `Delims`).
    public var delimiters: (left: String, right: String) = ("{{", "}}")
    var definitions: [String: Definition] = [:]
    var sources: [String: [UInt8]] = [:]

    /// Creates an empty set with extra `functions` (Sprig, Helm) besides Go's built-ins.
    public init(functions: [String: TemplateFunction] = [:], missingKey: MissingKey = .noValue, maxDepth: Int = 1_000) {
        self.functions = functions
        self.functionNames = Set(functions.keys).union(Builtins.names)
        self.missingKey = missingKey
        self.maxDepth = maxDepth
    }

    /// Adds or replaces functions; call before parsing templates that use them.
    public func addFunctions(_ more: [String: TemplateFunction]) {
        functions.merge(more) { _, new in new }
    }

    /// Names callable from templates: the registered functions and Go's built-ins (kept with
    /// `functions`, since every parse, `tpl`'s included, asks for it).
    public private(set) var functionNames: Set<String>

    /// Parses `source` as the template `name`; its `{{define}}`s join the set (later ones win).
    public func parse(name: String, source: String) throws {
        var parser = Parser(
            name: name, source: source, functions: functionNames,
            leftDelim: delimiters.left, rightDelim: delimiters.right)
        add(name: name, source: source, parsed: try parser.parse())
    }

    /// Adds a template parsed apart from the set (with this set's `functionNames` and
    /// `delimiters`), as `parse` would: several files can be parsed at once, then added in order.
    public func add(name: String, source: String, parsed result: Parser.Result) {
        sources[name] = Array(source.utf8)
        definitions[name] = Definition(body: result.root, file: name)
        for (defined, body) in result.definitions {
            // Go keeps an existing non-empty definition when a later one is empty.
            if let existing = definitions[defined], Self.isEmpty(body), !Self.isEmpty(existing.body) { continue }
            definitions[defined] = Definition(body: body, file: name)
        }
    }

    /// Go's IsEmptyTree: nothing but whitespace text and comments.
    static func isEmpty(_ body: [Node]) -> Bool {
        body.allSatisfy { node in
            switch node {
            case .text(let text, _): return text.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            case .comment: return true
            default: return false
            }
        }
    }

    /// Whether a template or definition named `name` exists.
    public func has(_ name: String) -> Bool { definitions[name] != nil }

    /// Executes the template `name` with `data` as dot.
    public func execute(_ name: String, data: Value) throws -> String {
        var executor = Executor(set: self, overlay: [:])
        return try executor.run(name, data: data)
    }
}
