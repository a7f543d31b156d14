import CYAML
import GoStrconv

/// Writes values through libyaml's emitter with go-yaml v2's choices (which Helm's `toYaml`
/// prints): 2-space indent, width 80, Unicode unescaped, sequences in mappings not indented,
/// strings that would read back as another type double-quoted, multi-line strings literal.
enum YAMLEmitter {
    /// Collects emitted bytes.
    private final class Output {
        var bytes: [UInt8] = []
    }

    static func emit(_ value: YAMLValue) -> String {
        QuickBlockEmitter.emit(value) ?? emitWithLibyaml(value)
    }

    /// The same text, always through libyaml's emitter.
    static func emitWithLibyaml(_ value: YAMLValue) -> String {
        let output = Output()
        var emitter = yaml_emitter_t()
        guard yaml_emitter_initialize(&emitter) == 1 else { return "" }
        defer { yaml_emitter_delete(&emitter) }
        yaml_emitter_set_unicode(&emitter, 1)
        yaml_emitter_set_indent(&emitter, 2)
        yaml_emitter_set_width(&emitter, 80)
        let context = Unmanaged.passUnretained(output).toOpaque()
        yaml_emitter_set_output(
            &emitter,
            { data, buffer, size in
                guard let data, let buffer else { return 0 }
                let sink = Unmanaged<Output>.fromOpaque(data).takeUnretainedValue()
                sink.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
                return 1
            }, context)

        var event = yaml_event_t()
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
        yaml_emitter_emit(&emitter, &event)
        yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
        yaml_emitter_emit(&emitter, &event)
        emitValue(value, &emitter)
        yaml_document_end_event_initialize(&event, 1)
        yaml_emitter_emit(&emitter, &event)
        yaml_stream_end_event_initialize(&event)
        yaml_emitter_emit(&emitter, &event)
        yaml_emitter_flush(&emitter)
        return withExtendedLifetime(output) { String(decoding: output.bytes, as: UTF8.self) }
    }

    private static func emitValue(_ value: YAMLValue, _ emitter: inout yaml_emitter_t) {
        var event = yaml_event_t()
        switch value {
        case .null:
            emitScalar("null", style: YAML_PLAIN_SCALAR_STYLE, &emitter)
        case .bool(let b):
            emitScalar(b ? "true" : "false", style: YAML_PLAIN_SCALAR_STYLE, &emitter)
        case .int(let i):
            emitScalar(String(i), style: YAML_PLAIN_SCALAR_STYLE, &emitter)
        case .float(let d):
            emitScalar(floatText(d), style: YAML_PLAIN_SCALAR_STYLE, &emitter)
        case .string(let s):
            emitScalar(s, style: stringStyle(s), &emitter)
        case .sequence(let items):
            yaml_sequence_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE)
            yaml_emitter_emit(&emitter, &event)
            for item in items { emitValue(item, &emitter) }
            yaml_sequence_end_event_initialize(&event)
            yaml_emitter_emit(&emitter, &event)
        case .mapping(let mapping):
            yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE)
            yaml_emitter_emit(&emitter, &event)
            for (key, item) in mapping.entries {
                emitScalar(key, style: stringStyle(key), &emitter)
                emitValue(item, &emitter)
            }
            yaml_mapping_end_event_initialize(&event)
            yaml_emitter_emit(&emitter, &event)
        }
    }

    /// go-yaml v2's choice for a string: literal when multi-line, plain when it reads back
    /// as the same string, double-quoted otherwise (libyaml may still pick a safer style).
    static func stringStyle(_ s: String) -> yaml_scalar_style_t {
        if s.utf8.contains(UInt8(ascii: "\n")) { return YAML_LITERAL_SCALAR_STYLE }
        if ScalarResolver.needsQuoting(s) { return YAML_DOUBLE_QUOTED_SCALAR_STYLE }
        return YAML_PLAIN_SCALAR_STYLE
    }

    /// go-yaml v2 float text: strconv 'g' shortest, with YAML's spellings of infinities and NaN.
    static func floatText(_ d: Double) -> String {
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d < 0 ? "-.inf" : ".inf" }
        return GoFloat.g(d)
    }

    private static func emitScalar(_ text: String, style: yaml_scalar_style_t, _ emitter: inout yaml_emitter_t) {
        var event = yaml_event_t()
        // A trailing NUL keeps the pointer valid for the empty string; the length excludes it.
        var bytes = Array(text.utf8) + [0]
        let length = Int32(bytes.count - 1)
        bytes.withUnsafeMutableBufferPointer { buffer in
            _ = yaml_scalar_event_initialize(&event, nil, nil, buffer.baseAddress, length, 1, 1, style)
        }
        yaml_emitter_emit(&emitter, &event)
    }
}
