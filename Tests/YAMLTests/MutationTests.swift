import Foundation
import Testing
@testable import YAML

/// Thousands of damaged inputs must each end in a value or a positioned error: never a crash or hang.
@Suite struct MutationTests {
    /// A small deterministic generator so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func damagedInputsNeverCrash() throws {
        let base = Array((EditorTests.userFile + "\nanchors: &a {x: [1, 2, {y: \"q\"}]}\nuse: *a\nmerge:\n  <<: *a\n").utf8)
        let pieces: [[UInt8]] = ["\t", ":", "- ", "[", "]", "{", "}", "\"", "'", "&a ", "*a", "<<: ", "|", ">", "\n", "#", "---\n", "\u{FF}", "!!int "]
            .map { Array($0.utf8) }
        var rng = SplitMix(state: 42)
        var errors = 0
        for _ in 0..<3000 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let at = Int.random(in: 0...bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes.insert(contentsOf: pieces.randomElement(using: &rng) ?? [], at: at)
                case 1 where at < bytes.count: bytes.remove(at: at)
                default: bytes = Array(bytes.prefix(at))
                }
            }
            do {
                _ = try YAML.parseDocuments(bytes: bytes, file: "fuzz.yaml")
            } catch let error as YAMLError {
                errors += 1
                #expect(error.line >= 1 && error.column >= 1)
            }
        }
        #expect(errors > 100, "the mutations should break many inputs")
    }

    @Test func fiftyMegabyteFileIsRefusedQuickly() {
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 50 * 1024 * 1024)
        let error = #expect(throws: YAMLError.self) { _ = try YAML.parseDocuments(bytes: big, file: "huge.yaml") }
        #expect(error?.message.contains("50 MiB") == true)
    }
}
