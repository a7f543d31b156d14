import Testing
@testable import Effects

@Suite struct LineSplitterTests {
    static let cases: [([String], [String])] = [
        (["a\nb\n"], ["a", "b"]),
        (["a", "b\n", "c"], ["ab", "c"]),
        (["one\r\ntwo\r\n"], ["one", "two"]),
        (["\n\n"], ["", ""]),
        (["half\r", "\nrest"], ["half", "rest"]),
        (["no newline"], ["no newline"]),
        ([""], []),
    ]

    @Test(arguments: cases) func splits(chunks: [String], expected: [String]) {
        var splitter = LineSplitter()
        var lines: [String] = []
        for chunk in chunks { lines += splitter.feed(Array(chunk.utf8)) }
        if let last = splitter.finish() { lines.append(last) }
        #expect(lines == expected)
    }

    @Test func longLinesComeInPieces() {
        var splitter = LineSplitter(maxLineLength: 4)
        #expect(splitter.feed(Array("abcdefghij\nxy".utf8)) == ["abcd", "efgh", "ij"])
        #expect(splitter.finish() == "xy")
    }

    @Test func invalidUTF8IsReplaced() {
        var splitter = LineSplitter()
        #expect(splitter.feed([0x61, 0xFF, 0x62, 0x0A]) == ["a\u{FFFD}b"])
    }

    @Test func multiByteCharactersSplitAcrossChunks() {
        var splitter = LineSplitter()
        let bytes = Array("größe\n".utf8)
        #expect(splitter.feed(bytes[..<3]).isEmpty)
        #expect(splitter.feed(bytes[3...]) == ["größe"])
    }
}

@Suite struct ExecutableLookupTests {
    @Test func searchesPathInOrder() {
        let present: Set<String> = ["/b/kubectl", "/c/kubectl", "./helm"]
        let exists: (String) -> Bool = { present.contains($0) }
        #expect(ExecutableLookup.resolve("kubectl", path: "/a:/b:/c", isExecutable: exists) == "/b/kubectl")
        #expect(ExecutableLookup.resolve("kubectl", path: "/a/", isExecutable: exists) == nil)
        #expect(ExecutableLookup.resolve("helm", path: "/a::/b", isExecutable: exists) == "./helm")
        #expect(ExecutableLookup.resolve("/c/kubectl", path: "", isExecutable: exists) == "/c/kubectl")
        #expect(ExecutableLookup.resolve("", path: "/b", isExecutable: exists) == nil)
        #expect(ExecutableLookup.directories(inPath: "/a::/b") == ["/a", ".", "/b"])
    }

    @Test func realFilesMustBeExecutableRegularFiles() {
        #expect(ExecutableLookup.isExecutableFile("/bin/sh"))
        #expect(!ExecutableLookup.isExecutableFile("/bin"))
        #expect(!ExecutableLookup.isExecutableFile("/etc/passwd"))
    }
}
