/// Turns the bytes a terminal sends into keys: UTF-8 characters, control bytes and the
/// escape sequences of xterm-like terminals (CSI and SS3 forms, with or without modifiers).
/// Pure; the driver decides when a lone Esc has waited long enough (ESCDELAY).
public enum KeyDecoder {
    /// Every key in `bytes`. An incomplete sequence at the end is decoded as far as it goes
    /// (a lone ESC becomes `.escape`), since the caller passes only what arrived in time.
    public static func decode(_ bytes: [UInt8]) -> [Key] {
        var keys: [Key] = []
        var rest = bytes[...]
        while !rest.isEmpty {
            let (key, used) = decodeFirst(rest, final: true) ?? (nil, 1)
            if let key { keys.append(key) }
            rest = rest.dropFirst(max(1, used))
        }
        return keys
    }

    /// The first key in `bytes` and how many bytes it used; nil when more bytes are needed
    /// and `final` is false. A nil key with a count means bytes to skip (an unknown sequence).
    public static func decodeFirst(_ bytes: ArraySlice<UInt8>, final: Bool) -> (Key?, Int)? {
        guard let first = bytes.first else { return nil }
        switch first {
        case 0x1B:
            return decodeEscape(bytes, final: final)
        case 0x0D, 0x0A: return (.enter, 1)
        case 0x09: return (.tab, 1)
        case 0x7F, 0x08: return (.backspace, 1)
        case 0x03: return (.ctrlC, 1)
        case 0x00: return (nil, 1)
        case 0x01...0x1A: return (.control(Character(Unicode.Scalar(first + 0x60))), 1)
        case 0x1C...0x1F: return (nil, 1)
        case 0x20...0x7E: return (.character(Character(Unicode.Scalar(first))), 1)
        default: return decodeUTF8(bytes, final: final)
        }
    }

    private static func decodeUTF8(_ bytes: ArraySlice<UInt8>, final: Bool) -> (Key?, Int)? {
        guard let first = bytes.first else { return nil }
        let length: Int
        switch first {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (nil, 1)  // a stray continuation byte or an invalid lead byte
        }
        guard bytes.count >= length else { return final ? (nil, bytes.count) : nil }
        let sequence = Array(bytes.prefix(length))
        guard sequence.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) else { return (nil, 1) }
        let text = String(decoding: sequence, as: UTF8.self)
        guard let character = text.first, !text.contains("\u{FFFD}") else { return (nil, length) }
        return (.character(character), length)
    }

    private static func decodeEscape(_ bytes: ArraySlice<UInt8>, final: Bool) -> (Key?, Int)? {
        let start = bytes.startIndex
        guard bytes.count >= 2 else { return final ? (.escape, 1) : nil }
        let second = bytes[start + 1]
        switch second {
        case UInt8(ascii: "["):
            return decodeCSI(bytes, final: final)
        case UInt8(ascii: "O"):
            guard bytes.count >= 3 else { return final ? (.escape, 1) : nil }
            let key = ss3Keys[bytes[start + 2]]
            return (key, 3)
        case 0x1B:
            return (.escape, 1)  // Esc Esc: the first one is a plain Esc
        default:
            // ESC then a key in the same burst is Alt plus the key, never Esc and the key.
            guard let (key, used) = decodeFirst(bytes.dropFirst(), final: final) else { return nil }
            if case .character(let c)? = key { return (.alt(c), 1 + used) }
            return (.escape, 1)  // Alt with Enter, Tab or a control key: Esc, then that key
        }
    }

    /// Keys from bytes stamped with when they arrived. A byte more than `escapeDelay` after the
    /// one before starts a new burst, and each burst is decoded on its own: ESC alone in its
    /// burst is Esc (back), ESC and a key within the delay is Alt plus the key.
    public static func decode(timed input: [(byte: UInt8, at: Duration)], escapeDelay: Duration) -> [Key] {
        var keys: [Key] = []
        var burst: [UInt8] = []
        var last: Duration?
        for (byte, at) in input {
            if let last, at - last > escapeDelay {
                keys += decode(burst)
                burst = []
            }
            burst.append(byte)
            last = at
        }
        return keys + decode(burst)
    }

    private static func decodeCSI(_ bytes: ArraySlice<UInt8>, final: Bool) -> (Key?, Int)? {
        // ESC [ parameters(0x30–0x3F)* intermediates(0x20–0x2F)* final(0x40–0x7E)
        var index = bytes.startIndex + 2
        var parameters = ""
        while index < bytes.endIndex, (0x20...0x3F).contains(bytes[index]) {
            parameters.append(Character(Unicode.Scalar(bytes[index])))
            index += 1
        }
        guard index < bytes.endIndex else { return final ? (.escape, 1) : nil }
        let finalByte = bytes[index]
        let used = index - bytes.startIndex + 1
        guard (0x40...0x7E).contains(finalByte) else { return (nil, used) }
        let number = Int(parameters.split(separator: ";").first ?? "") ?? 0
        switch finalByte {
        case UInt8(ascii: "~"):
            return (tildeKeys[number], used)
        case UInt8(ascii: "Z"):
            return (.backTab, used)
        default:
            return (ss3Keys[finalByte], used)
        }
    }

    // Final bytes shared by `ESC [ x` and `ESC O x` (cursor keys, Home/End, F1–F4).
    private static let ss3Keys: [UInt8: Key] = [
        UInt8(ascii: "A"): .up, UInt8(ascii: "B"): .down, UInt8(ascii: "C"): .right, UInt8(ascii: "D"): .left,
        UInt8(ascii: "H"): .home, UInt8(ascii: "F"): .end, UInt8(ascii: "M"): .enter,
        UInt8(ascii: "P"): .function(1), UInt8(ascii: "Q"): .function(2), UInt8(ascii: "R"): .function(3),
        UInt8(ascii: "S"): .function(4),
    ]

    // `ESC [ n ~` keys (VT220 style).
    private static let tildeKeys: [Int: Key] = [
        1: .home, 2: .insert, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]
}
