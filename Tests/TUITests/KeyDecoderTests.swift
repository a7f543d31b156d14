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

/// A bare Esc is never confused with Alt plus a key: ESC and a key within the escape delay is
/// Alt+key (neither back nor the key), ESC alone in its time is Esc.
@Suite struct EscapeTimingTests {
    static let delay: Duration = .milliseconds(25)

    static func timed(_ parts: [(String, Int)]) -> [(byte: UInt8, at: Duration)] {
        parts.flatMap { text, ms in
            (text == "ESC" ? [UInt8(0x1B)] : Array(text.utf8)).map { (byte: $0, at: Duration.milliseconds(ms)) }
        }
    }

    @Test func escThenAKeyWithinTheDelayIsAlt() {
        #expect(KeyDecoder.decode(timed: Self.timed([("ESC", 0), ("q", 1)]), escapeDelay: Self.delay) == [.alt("q")])
        #expect(KeyDecoder.decode(timed: Self.timed([("ESC", 0), ("?", 20)]), escapeDelay: Self.delay) == [.alt("?")])
        #expect(KeyDecoder.decode(Array("\u{1B}é".utf8)) == [.alt("é")])
    }

    @Test func escAloneThenAKeyLaterIsEscThenTheKey() {
        #expect(KeyDecoder.decode(timed: Self.timed([("ESC", 0), ("q", 60)]), escapeDelay: Self.delay) == [.escape, .character("q")])
        #expect(KeyDecoder.decode(timed: Self.timed([("ESC", 0)]), escapeDelay: Self.delay) == [.escape])
        #expect(
            KeyDecoder.decode(timed: Self.timed([("ESC", 0), ("ESC", 200), ("x", 201)]), escapeDelay: Self.delay)
                == [.escape, .alt("x")])
    }

    @Test func sequencesStillDecodeWhateverTheirTiming() {
        #expect(KeyDecoder.decode(timed: Self.timed([("ESC", 0), ("[A", 2)]), escapeDelay: Self.delay) == [.up])
        #expect(
            KeyDecoder.decode(timed: Self.timed([("ESC", 0), ("[A", 90)]), escapeDelay: Self.delay) == [
                .escape, .character("["), .character("A"),
            ])
    }

    @Test func altWithAControlKeyIsEscThenThatKey() {
        #expect(KeyDecoder.decode([0x1B, 0x0D]) == [.escape, .enter])
    }

    @Test func altKeysNeitherGoBackNorQuit() {
        let menu = WizardTaskTests.atMenu()
        for key: Key in [.alt("q"), .alt("?"), .alt("1")] {
            let (next, effects) = Wizard.update(menu, .key(key))
            #expect(next == menu && effects.isEmpty, "\(key) changes nothing on the menu")
        }
        let question = WizardFixtures.press([.enter, .enter], on: WizardFixtures.start()).0
        let (typed, _) = Wizard.update(question, .key(.alt("q")))
        #expect(typed.step == question.step && typed.drafts == question.drafts && typed.overlay == nil, "Alt-q is not typed, nor back")
        #expect(Key.alt("q").description == "Alt-q")
    }
}
