import Testing
@testable import TUI

@Suite struct CanvasTests {
    @Test func writesAndClipsAtMaxWidth() {
        var canvas = Canvas(width: 10, height: 2)
        let used = canvas.write("hello world", x: 2, y: 0, maxWidth: 5)
        #expect(used == 5)
        #expect(canvas.row(0) == "  hello   ")
    }

    @Test func clipsAtTheCanvasEdge() {
        var canvas = Canvas(width: 6, height: 1)
        #expect(canvas.write("abcdefgh", x: 3, y: 0) == 3)
        #expect(canvas.plainText() == "   abc\n")
    }

    @Test func wideCharactersTakeTwoCells() {
        var canvas = Canvas(width: 8, height: 1)
        let used = canvas.write("日本x", x: 0, y: 0)
        #expect(used == 5)
        #expect(canvas[0, 0].text == "日")
        #expect(canvas[1, 0].isContinuation)
        #expect(canvas[4, 0].text == "x")
        #expect(canvas.row(0) == "日本x   ")
    }

    @Test func aWideCharacterThatDoesNotFitIsNotDrawnHalf() {
        var canvas = Canvas(width: 3, height: 1)
        #expect(canvas.write("a日本", x: 0, y: 0) == 3)
        #expect(canvas.row(0) == "a日")
        var narrow = Canvas(width: 4, height: 1)
        #expect(narrow.write("ab日", x: 0, y: 0, maxWidth: 3) == 2)
        #expect(narrow.row(0) == "ab  ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.write("日本", x: 0, y: 0)
        canvas.write("x", x: 1, y: 0)
        #expect(canvas.row(0) == " x本")
        canvas.write("y", x: 2, y: 0)
        #expect(canvas.row(0) == " xy ")
    }

    @Test func combiningMarksStayWithTheirLetter() {
        var canvas = Canvas(width: 5, height: 1)
        // "e" + COMBINING ACUTE ACCENT is one grapheme of width 1.
        #expect(canvas.write("ce\u{301}x", x: 0, y: 0) == 3)
        #expect(canvas[1, 0].text == "e\u{301}")
        #expect(canvas[2, 0].text == "x")
    }

    @Test func displayWidths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("✓✗→") == 3)
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("\u{301}") == 0)
        #expect(DisplayWidth.of("한글") == 4)
        #expect(DisplayWidth.of("ｆｕｌｌ") == 8)
    }

    @Test func wrapsAtSpacesByDisplayWidth() {
        #expect(TextLayout.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(TextLayout.wrap("日本語 の テキスト", width: 7) == ["日本語", "の", "テキス", "ト"])
        #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextLayout.wrap("a\n\nb", width: 5) == ["a", "", "b"])
        #expect(TextLayout.wrap("  indented text here", width: 10) == ["  indented", "text here"])
    }

    @Test func truncatesWithAnEllipsis() {
        #expect(TextLayout.truncate("posthog.example.com", width: 10) == "posthog.e…")
        #expect(TextLayout.truncate("short", width: 10) == "short")
        #expect(TextLayout.truncate("日本語テキスト", width: 6, ellipsis: "...") == "日...")
        #expect(TextLayout.pad("7", width: 3, alignRight: true) == "  7")
    }

    @Test func boxesUseTheGlyphSet() {
        var canvas = Canvas(width: 12, height: 3)
        canvas.box(canvas.bounds, glyphs: .ascii, title: "Hi")
        #expect(canvas.plainText() == "+- Hi -----+\n|          |\n+----------+\n")
        var fancy = Canvas(width: 4, height: 2)
        fancy.box(fancy.bounds, glyphs: .unicode)
        #expect(fancy.plainText() == "┌──┐\n└──┘\n")
    }

    @Test func fillAndRestyle() {
        var canvas = Canvas(width: 3, height: 2)
        canvas.fill(Rect(x: 1, y: 0, width: 5, height: 1), with: "#", style: .strong)
        #expect(canvas.plainText() == " ##\n\n")
        #expect(canvas[2, 0].style.bold)
        canvas.restyle(canvas.bounds, style: .error)
        #expect(canvas[2, 0].text == "#" && canvas[2, 0].style == .error)
    }

    @Test func wrappedWritingStopsAtTheRectangle() {
        var canvas = Canvas(width: 10, height: 3)
        let rows = canvas.writeWrapped("aaa bbb ccc ddd eee", in: Rect(x: 0, y: 0, width: 7, height: 2))
        #expect(rows == 2)
        #expect(canvas.plainText() == "aaa bbb\nccc ddd\n\n")
    }

    @Test func unfoldsFileLineBreaksButKeepsParagraphs() {
        #expect(TextLayout.unfold("one\ntwo\n\nthree\n") == "one two\n\nthree")
    }

    @Test func hangingIndentLinesUpUnderTheText() {
        var canvas = Canvas(width: 12, height: 3)
        canvas.writeWrapped("* aaa bbb ccc ddd", in: canvas.bounds, hangingIndent: 2)
        #expect(canvas.plainText() == "* aaa bbb\n  ccc ddd\n\n")
    }
}
