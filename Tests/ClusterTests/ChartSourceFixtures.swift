import Foundation
@testable import Cluster

/// A tiny gzipped tar written by the tests themselves (ustar headers, stored deflate blocks).
enum TinyTarball {
    static func make(_ files: [(path: String, text: String)]) -> [UInt8] {
        var tar: [UInt8] = []
        for f in files {
            let data = Array(f.text.utf8)
            tar += header(path: f.path, size: data.count)
            tar += data
            tar += [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
        }
        tar += [UInt8](repeating: 0, count: 1024)
        return gzip(tar)
    }

    static func header(path: String, size: Int) -> [UInt8] {
        var h = [UInt8](repeating: 0, count: 512)
        func put(_ s: String, at offset: Int) { for (i, b) in s.utf8.enumerated() { h[offset + i] = b } }
        func octal(_ n: Int, width: Int) -> String {
            let s = String(n, radix: 8)
            return String(repeating: "0", count: width - 1 - s.count) + s
        }
        put(path, at: 0)
        put(octal(0o644, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(0, width: 12), at: 136)
        put("        ", at: 148)
        h[156] = UInt8(ascii: "0")
        put("ustar", at: 257)
        put("00", at: 263)
        let sum = h.reduce(0) { $0 + Int($1) }
        put(octal(sum, width: 7), at: 148)
        h[155] = UInt8(ascii: " ")
        return h
    }

    static func gzip(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]
        var offset = 0
        repeat {
            let n = min(65535, data.count - offset)
            let final = offset + n == data.count
            out.append(final ? 1 : 0)
            out += [UInt8(n & 0xff), UInt8(n >> 8), UInt8(~n & 0xff), UInt8((~n >> 8) & 0xff)]
            out += data[offset..<(offset + n)]
            offset += n
        } while offset < data.count
        let crc = crc32(data)
        out += withUnsafeBytes(of: crc.littleEndian, Array.init)
        out += withUnsafeBytes(of: UInt32(truncatingIfNeeded: data.count).littleEndian, Array.init)
        return out
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for b in data {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xedb8_8320 : 0) }
        }
        return ~crc
    }

    /// A chart `posthog` at `version` with one ConfigMap template.
    static func chart(version: String) -> [UInt8] {
        make([
            ("posthog/Chart.yaml", "apiVersion: v2\nname: posthog\nversion: \(version)\nappVersion: 1.43.0\n"),
            ("posthog/values.yaml", "greeting: hello\n"),
            ("posthog/templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  greeting: {{ .Values.greeting }}\n"),
        ])
    }
}

/// An `HTTPFetcher` answering from a table, recording every request.
final class FakeFetcher: HTTPFetcher, @unchecked Sendable {
    struct Offline: Error, CustomStringConvertible { var description: String { "network is unreachable" } }
    private let lock = NSLock()
    private var answers: [String: HTTPResponse]
    private var log: [String] = []

    init(_ answers: [String: HTTPResponse] = [:]) { self.answers = answers }

    var requests: [String] { lock.withLock { log } }

    func set(_ url: String, _ response: HTTPResponse?) { lock.withLock { answers[url] = response } }

    func get(_ url: String) async throws -> HTTPResponse {
        let answer: HTTPResponse? = lock.withLock { log.append(url); return answers[url] }
        guard let answer else { throw Offline() }
        return answer
    }
}

enum ChartSourceFixture {
    static let repo = "https://posthog.github.io/charts-clickhouse/"

    static func index(digest: String, extra: String = "") -> String {
        """
        apiVersion: v1
        entries:
          posthog:
            - name: posthog
              version: 30.45.0
              appVersion: 1.42.0
              urls: [https://github.com/PostHog/charts-clickhouse/releases/download/posthog-30.45.0/posthog-30.45.0.tgz]
              digest: 0000
            - name: posthog
              version: 30.46.0
              appVersion: 1.43.0
              urls: [posthog-30.46.0.tgz]
              digest: \(digest)
            - name: posthog
              version: 31.0.0-rc.1
              urls: [posthog-31.0.0-rc.1.tgz]
        \(extra)
        generated: "2025-06-01T00:00:00Z"
        """
    }
}
