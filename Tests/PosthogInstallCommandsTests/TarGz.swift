/// A minimal .tgz writer for test archives a normal tar would refuse to make (names with `..`,
/// absolute names, links out): ustar headers, gzip with stored deflate blocks.
enum TarGz {
    static func archive(_ entries: [(String, String)], link: (String, String)? = nil) -> [UInt8] {
        var tar: [UInt8] = []
        for (name, text) in entries { tar += header(name: name, size: text.utf8.count, type: "0", linkName: "") + padded(Array(text.utf8)) }
        if let (name, target) = link { tar += header(name: name, size: 0, type: "2", linkName: target) }
        tar += [UInt8](repeating: 0, count: 1024)
        return gzip(tar)
    }

    private static func padded(_ data: [UInt8]) -> [UInt8] {
        data + [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
    }

    private static func field(_ text: String, _ length: Int) -> [UInt8] {
        let bytes = Array(text.utf8.prefix(length))
        return bytes + [UInt8](repeating: 0, count: length - bytes.count)
    }

    private static func octal(_ value: Int, _ length: Int) -> [UInt8] {
        let text = String(value, radix: 8)
        return field(String(repeating: "0", count: max(0, length - 1 - text.count)) + text, length)
    }

    private static func header(name: String, size: Int, type: String, linkName: String) -> [UInt8] {
        var h = field(name, 100) + octal(0o644, 8) + octal(0, 8) + octal(0, 8) + octal(size, 12) + octal(0, 12)
        h += [UInt8](repeating: 0x20, count: 8)  // checksum, spaces while summing
        h += field(type, 1) + field(linkName, 100) + field("ustar", 6) + field("00", 2)
        h += [UInt8](repeating: 0, count: 512 - h.count)
        let sum = h.reduce(0) { $0 + Int($1) }
        let checksum = octal(sum, 7) + [0x20]
        h.replaceSubrange(148..<156, with: checksum)
        return h
    }

    private static func gzip(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255]
        var offset = 0
        repeat {
            let chunk = min(65_535, data.count - offset)
            let final: UInt8 = offset + chunk >= data.count ? 1 : 0
            out += [final, UInt8(chunk & 0xFF), UInt8(chunk >> 8), UInt8(~chunk & 0xFF), UInt8((~chunk >> 8) & 0xFF)]
            out += data[offset..<(offset + chunk)]
            offset += chunk
        } while offset < data.count
        let crc = crc32(data), size = UInt32(truncatingIfNeeded: data.count)
        for value in [crc, size] { out += (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
        return out
    }

    private static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
