import CYAML

/// Builds a `YAMLTree` from text with libyaml's event parser.
enum YAMLTreeParser {
    static func parse(_ bytes: [UInt8], file: String) throws -> YAMLTree {
        var tree = YAMLTree(source: bytes, file: file)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(file: file, line: 1, column: 1, message: "could not start the YAML parser (out of memory?)")
        }
        defer { yaml_parser_delete(&parser) }

        var anchors: [String: Int] = [:]
        // Open collections: node index; mappings fill children in pairs.
        var stack: [Int] = []

        try bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw parserError(&parser, tree: tree)
                }
                defer { yaml_event_delete(&event) }
                let start = mark(event.start_mark)
                let end = mark(event.end_mark)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_DOCUMENT_START_EVENT:
                    anchors = [:]
                case YAML_DOCUMENT_END_EVENT, YAML_STREAM_START_EVENT, YAML_NO_EVENT:
                    break
                case YAML_ALIAS_EVENT:
                    let name = string(event.data.alias.anchor) ?? ""
                    guard let target = anchors[name] else {
                        throw tree.error("unknown anchor '\(name)' referenced", at: start)
                    }
                    let index = append(&tree, YAMLTree.Node(kind: .alias(target: target), tag: nil, anchor: nil, start: start, end: end, children: []))
                    attach(index, to: &tree, stack: stack)
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                    let style: YAMLTree.ScalarStyle
                    switch scalar.style {
                    case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
                    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
                    case YAML_LITERAL_SCALAR_STYLE: style = .literal
                    case YAML_FOLDED_SCALAR_STYLE: style = .folded
                    default: style = .plain
                    }
                    var tag = string(scalar.tag)
                    if tag == "!" { tag = nil }  // the non-specific tag of a quoted scalar
                    let node = YAMLTree.Node(kind: .scalar(text, style), tag: tag, anchor: string(scalar.anchor), start: start, end: end, children: [])
                    let index = append(&tree, node)
                    if let anchor = node.anchor { anchors[anchor] = index }
                    attach(index, to: &tree, stack: stack)
                case YAML_SEQUENCE_START_EVENT:
                    let s = event.data.sequence_start
                    let node = YAMLTree.Node(kind: .sequence(flow: s.style == YAML_FLOW_SEQUENCE_STYLE), tag: string(s.tag),
                                             anchor: string(s.anchor), start: start, end: end, children: [])
                    let index = append(&tree, node)
                    if let anchor = node.anchor { anchors[anchor] = index }
                    attach(index, to: &tree, stack: stack)
                    stack.append(index)
                case YAML_MAPPING_START_EVENT:
                    let m = event.data.mapping_start
                    let node = YAMLTree.Node(kind: .mapping(flow: m.style == YAML_FLOW_MAPPING_STYLE), tag: string(m.tag),
                                             anchor: string(m.anchor), start: start, end: end, children: [])
                    let index = append(&tree, node)
                    if let anchor = node.anchor { anchors[anchor] = index }
                    attach(index, to: &tree, stack: stack)
                    stack.append(index)
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let index = stack.popLast() { tree.nodes[index].end = end }
                default:
                    break
                }
            }
        }
        return tree
    }

    private static func append(_ tree: inout YAMLTree, _ node: YAMLTree.Node) -> Int {
        tree.nodes.append(node)
        return tree.nodes.count - 1
    }

    private static func attach(_ index: Int, to tree: inout YAMLTree, stack: [Int]) {
        if let parent = stack.last {
            tree.nodes[parent].children.append(index)
        } else {
            tree.documents.append(index)
        }
    }

    private static func mark(_ m: yaml_mark_t) -> YAMLMark {
        YAMLMark(line: Int(m.line), column: Int(m.column), index: Int(m.index))
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    private static func parserError(_ parser: inout yaml_parser_t, tree: YAMLTree) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) }
        var position = mark(parser.problem_mark)
        if parser.error == YAML_READER_ERROR {
            // Reader errors carry a byte offset, not a line: find it.
            let offset = Int(parser.problem_offset)
            var line = 0
            var lineStart = 0
            for i in 0..<min(offset, tree.source.count) where tree.source[i] == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
            }
            position = YAMLMark(line: line, column: max(0, offset - lineStart), index: offset)
            return tree.error("\(problem) (the file is not valid UTF-8 text; save it as UTF-8)", at: position)
        }
        var message = problem
        if let context {
            let contextLine = Int(parser.context_mark.line) + 1
            message += " (\(context) that started on line \(contextLine))"
        }
        if let line = tree.lineText(position.line) {
            let chars = Array(line)
            if position.column < chars.count, chars[position.column] == "\t" {
                message += " (a tab: YAML indentation must use spaces)"
            } else if line.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
                message += " (this line is indented with a tab: YAML indentation must use spaces)"
            }
        }
        var error = tree.error(message, at: position)
        // go-yaml v2 names the problem's 0-based line (one more for scanner errors), else the context's.
        let problemLine = Int(parser.problem_mark.line), contextLine = Int(parser.context_mark.line)
        let goLine = problemLine != 0 ? problemLine + (parser.error == YAML_SCANNER_ERROR ? 1 : 0) : contextLine
        error.goYAMLText = (goLine != 0 ? "line \(goLine): " : "") + problem
        return error
    }
}
