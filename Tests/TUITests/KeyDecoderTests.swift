import Testing
@testable import TUI

@Suite struct KeyDecoderTests {
    static let table: [([UInt8], [Key])] = [
        ([0x1B, 0x5B, 0x41], [.up]), ([0x1B, 0x5B, 0x42], [.down]), ([0x1B, 0x5B, 0x43], [.right]), ([0x1B, 0x5B, 0x44], [.left]),
        ([0x1B, 0x4F, 0x41], [.up]), ([0x1B, 0x4F, 0x48], [.home]), ([0x1B, 0x5B, 0x46], [.end]),
        (Array("\u{1B}[1~".utf8), [.home]), (Array("\u{1B}[4~".utf8), [.end]), (Array("\u{1B}[3~".utf8), [.delete]),
        (Array("\u{1B}[5~".utf8), [.pageUp]), (Array("\u{1B}[6~".utf8), [.pageDown]), (Array("\u{1B}[2~".utf8), [.insert]),
        (Array("\u{1B}[Z".utf8), [.backTab]), (Array("\u{1B}[1;5A".utf8), [.up]), (Array("\u{1B}OP".utf8), [.function(1)]),
        (Array("\u{1B}[15~".utf8), [.function(5)]), (Array("\u{1B}[24~".utf8), [.function(12)]),
        ([0x0D], [.enter]), ([0x0A], [.enter]), ([0x09], [.tab]), ([0x7F], [.backspace]), ([0x08], [.backspace]),
        ([0x03], [.ctrlC]), ([0x15], [.control("u")]), ([0x1B], [.escape]), ([0x1B, 0x1B], [.escape, .escape]),
        (Array("q?".utf8), [.character("q"), .character("?")]),
        (Array("é".utf8), [.character("é")]), (Array("日".utf8), [.character("日")]), (Array("🚀".utf8), [.character("🚀")]),
        (Array("a\u{1B}[Bb".utf8), [.character("a"), .down, .character("b")]),
        ([0xFF, 0x41], [.character("A")]),  // an invalid byte is skipped
    ]

    @Test(arguments: table) func decodes(bytes: [UInt8], keys: [Key]) {
        #expect(KeyDecoder.decode(bytes) == keys)
    }

    @Test func incompleteSequencesWaitForMoreBytes() {
        #expect(KeyDecoder.decodeFirst([0x1B][...], final: false) == nil)
        #expect(KeyDecoder.decodeFirst([0x1B, 0x5B][...], final: false) == nil)
        #expect(KeyDecoder.decodeFirst([0xE6, 0x97][...], final: false) == nil)
        #expect(KeyDecoder.decodeFirst([0x1B][...], final: true)?.0 == .escape)
    }

    @Test func unknownSequencesAreSkippedWhole() {
        #expect(KeyDecoder.decode(Array("\u{1B}[99~x".utf8)) == [.character("x")])
    }

    @Test func keysHaveReadableNames() {
        #expect(Key.ctrlC.description == "Ctrl-C")
        #expect(Key.control("u").description == "Ctrl-U")
        #expect(Key.backTab.description == "Shift-Tab")
    }
}
