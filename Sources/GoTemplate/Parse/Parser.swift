/// Parses template source into nodes and named definitions, following Go's text/template
/// grammar and error messages. Functions must be known at parse time, as in Go.
public struct Parser {
    /// A parsed template: its main body and every `{{define}}`/`{{block}}` it contains.
    public struct Result: Sendable {
        /// The top-level nodes.
        public var root: [Node]
        /// Named definitions, in source order (a later one with the same name wins).
        public var definitions: [(name: String, body: [Node])]
    }

    let name: String
    let source: [UInt8]
    var tokens: [Token]
    var index = 0
    let functions: Set<String>
    var scopes: [[String]] = [["$"]]
    var rangeDepth = 0
    var definitions: [(name: String, body: [Node])] = []
    /// Current nesting of control structures and parentheses; bounded so a hostile
    /// template cannot exhaust the stack.
    var nesting = 0
    static let maxNesting = 500

    /// Creates a parser for `source`; `functions` are the names callable from it.
    public init(name: String, source: String, functions: Set<String>, leftDelim: String = "{{", rightDelim: String = "}}") {
        self.name = name
        self.source = Array(source.utf8)
        var lexer = Lexer(name: name, source: source, leftDelim: leftDelim, rightDelim: rightDelim)
        self.tokens = lexer.tokenize()
        self.functions = functions
    }

    /// Parses the whole source.
    public mutating func parse() throws -> Result {
        var root: [Node] = []
        while true {
            let token = peekNonSpace(skipSpace: false)
            if token.kind == .eof { break }
            if token.kind == .leftDelim, case .keyword(.define) = peekAfterDelim().kind {
                next()  // {{
                skipSpaces()
                next()  // define
                try parseDefinition()
                continue
            }
            if let node = try textOrAction(context: nil) { root.append(node) }
        }
        return Result(root: root, definitions: definitions)
    }

    // MARK: - Token access

    func peekNonSpace(skipSpace: Bool) -> Token {
        var i = index
        if skipSpace { while i < tokens.count, tokens[i].kind == .space { i += 1 } }
        return i < tokens.count ? tokens[i] : Token(kind: .eof, text: "", offset: source.count)
    }

    func peekAfterDelim() -> Token {
        var i = index + 1
        while i < tokens.count, tokens[i].kind == .space { i += 1 }
        return i < tokens.count ? tokens[i] : Token(kind: .eof, text: "", offset: source.count)
    }

    @discardableResult
    mutating func next() -> Token {
        let token = index < tokens.count ? tokens[index] : Token(kind: .eof, text: "", offset: source.count)
        index += 1
        return token
    }

    mutating func skipSpaces() {
        while index < tokens.count, tokens[index].kind == .space { index += 1 }
    }

    mutating func nextNonSpace() -> Token {
        skipSpaces()
        return next()
    }

    func parseError(_ message: String, at token: Token) -> ParseError {
        let (line, column) = SourcePosition.lineAndColumn(of: token.offset, in: source)
        return ParseError(name: name, line: line, column: column, message: message)
    }

    func describe(_ token: Token) -> String {
        switch token.kind {
        case .eof: return "EOF"
        case .error: return token.text
        case .rightDelim, .leftDelim: return "\"\(token.text)\""
        case .keyword: return "<\(token.text)>"
        case .space: return "space"
        default: return "\"\(token.text)\""
        }
    }

    // MARK: - Structure

    /// What ended a list: `{{end}}` or `{{else}}` (with the tokens after it still unread).
    enum ListEnd {
        case end
        case elseClause
    }

    mutating func textOrAction(context: String?) throws -> Node? {
        let token = next()
        switch token.kind {
        case .text: return .text(token.text, offset: token.offset)
        case .comment: return .comment(offset: token.offset)
        case .leftDelim: return try action(leftDelim: token)
        case .error: throw parseError(token.text, at: token)
        default: throw parseError("unexpected \(describe(token)) in input", at: token)
        }
    }

    /// Parses nodes until `{{end}}` or `{{else}}`.
    mutating func itemList(context: String) throws -> ([Node], ListEnd) {
        var nodes: [Node] = []
        while true {
            let token = peekNonSpace(skipSpace: false)
            if token.kind == .eof {
                throw parseError("unexpected EOF", at: token)
            }
            if token.kind == .leftDelim {
                let keyword = peekAfterDelim()
                if case .keyword(.end) = keyword.kind {
                    next(); skipSpaces(); next()
                    let close = nextNonSpace()
                    guard close.kind == .rightDelim else { throw parseError("unexpected \(describe(close)) in end", at: close) }
                    return (nodes, .end)
                }
                if case .keyword(.else) = keyword.kind {
                    next(); skipSpaces(); next()
                    return (nodes, .elseClause)
                }
                if case .keyword(.define) = keyword.kind {
                    throw parseError("unexpected <define> in \(context)", at: keyword)
                }
            }
            if let node = try textOrAction(context: context) { nodes.append(node) }
        }
    }

    mutating func action(leftDelim: Token) throws -> Node? {
        let token = peekNonSpace(skipSpace: true)
        if case .keyword(let keyword) = token.kind {
            switch keyword {
            case .if: skipSpaces(); next(); return try control(.if, start: token)
            case .with: skipSpaces(); next(); return try control(.with, start: token)
            case .range: skipSpaces(); next(); return try control(.range, start: token)
            case .template: skipSpaces(); next(); return try templateCall(start: token)
            case .block: skipSpaces(); next(); return try block(start: token)
            case .break, .continue:
                skipSpaces(); next()
                guard rangeDepth > 0 else { throw parseError("{{\(keyword.rawValue)}} outside {{range}}", at: token) }
                let close = nextNonSpace()
                guard close.kind == .rightDelim else { throw parseError("unexpected \(describe(close)) in {{\(keyword.rawValue)}}", at: close) }
                return keyword == .break ? .breakLoop(offset: token.offset) : .continueLoop(offset: token.offset)
            case .end: throw parseError("unexpected {{end}}", at: token)
            case .else: throw parseError("unexpected {{else}}", at: token)
            case .define: throw parseError("unexpected <define> in command", at: token)
            case .nil: break
            }
        }
        let pipe = try pipeline(context: "command", end: .rightDelim)
        return .action(pipe, offset: leftDelim.offset)
    }

    mutating func control(_ kind: Node.BranchKind, start: Token) throws -> Node {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Self.maxNesting { throw parseError("template nesting too deep (more than \(Self.maxNesting) levels)", at: start) }
        scopes.append(scopes.last ?? ["$"])
        defer { scopes.removeLast() }
        let pipe = try pipeline(context: kind.rawValue, end: .rightDelim)
        if pipe.commands.isEmpty { throw parseError("missing value for \(kind.rawValue)", at: start) }
        if kind == .range { rangeDepth += 1 }
        let (body, ending) = try itemList(context: kind.rawValue)
        if kind == .range { rangeDepth -= 1 }
        var elseBody: [Node]?
        if ending == .elseClause {
            // `{{else if ...}}` / `{{else with ...}}` chain into a nested branch.
            let following = peekNonSpace(skipSpace: true)
            if (kind == .if && following.kind == .keyword(.if)) || (kind == .with && following.kind == .keyword(.with)) {
                skipSpaces(); next()
                elseBody = [try control(kind, start: following)]
            } else {
                let close = nextNonSpace()
                guard close.kind == .rightDelim else { throw parseError("unexpected \(describe(close)) in else", at: close) }
                let (rest, restEnd) = try itemList(context: kind.rawValue)
                guard restEnd == .end else { throw parseError("expected end; found {{else}}", at: close) }
                elseBody = rest
            }
        }
        return .branch(kind, pipe, body: body, elseBody: elseBody, offset: start.offset)
    }

    mutating func templateCall(start: Token) throws -> Node {
        let nameToken = nextNonSpace()
        let templateName = try stringConstant(nameToken, context: "template clause")
        let after = peekNonSpace(skipSpace: true)
        if after.kind == .rightDelim {
            skipSpaces(); next()
            return .template(name: templateName, nil, offset: nameToken.offset)
        }
        let pipe = try pipeline(context: "template clause", end: .rightDelim)
        // Go positions a template call at its name.
        return .template(name: templateName, pipe, offset: nameToken.offset)
    }

    mutating func block(start: Token) throws -> Node {
        let nameToken = nextNonSpace()
        let blockName = try stringConstant(nameToken, context: "block clause")
        let pipe = try pipeline(context: "block clause", end: .rightDelim)
        let saved = scopes
        scopes = [["$"]]
        let (body, ending) = try itemList(context: "block clause")
        scopes = saved
        guard ending == .end else { throw parseError("unexpected {{else}} in block clause", at: start) }
        try checkRedefinition(blockName, body, at: nameToken)
        definitions.append((blockName, body))
        return .template(name: blockName, pipe, offset: nameToken.offset)
    }

    mutating func parseDefinition() throws {
        let nameToken = nextNonSpace()
        let definitionName = try stringConstant(nameToken, context: "define clause")
        let close = nextNonSpace()
        guard close.kind == .rightDelim else { throw parseError("unexpected \(describe(close)) in define clause", at: close) }
        let saved = scopes
        scopes = [["$"]]
        let (body, ending) = try itemList(context: "define clause")
        scopes = saved
        guard ending == .end else { throw parseError("unexpected {{else}} in define clause", at: nameToken) }
        try checkRedefinition(definitionName, body, at: nameToken)
        definitions.append((definitionName, body))
    }

    /// Go refuses two non-empty definitions of one name in the same text (across files the later wins).
    private func checkRedefinition(_ name: String, _ body: [Node], at token: Token) throws {
        guard !Self.isEmptyTree(body),
              definitions.contains(where: { $0.name == name && !Self.isEmptyTree($0.body) }) else { return }
        throw parseError("multiple definition of template \(NodeText.quote(name))", at: token)
    }

    /// Go's IsEmptyTree: nothing but comments and blank text.
    static func isEmptyTree(_ nodes: [Node]) -> Bool {
        nodes.allSatisfy { node in
            switch node {
            case .comment: return true
            case .text(let text, _): return text.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            default: return false
            }
        }
    }

    func stringConstant(_ token: Token, context: String) throws -> String {
        switch token.kind {
        case .string, .rawString:
            guard let value = GoStringLiteral.unquote(token.text) else { throw parseError("bad string constant \(token.text)", at: token) }
            return value
        default:
            throw parseError("unexpected \(describe(token)) in \(context)", at: token)
        }
    }
}
