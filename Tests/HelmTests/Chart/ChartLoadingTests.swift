#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Helm

/// Fixtures live next to the tests; found through the source path so no bundle is needed.
private let fixtures: String = {
    let file = #filePath
    let testsDir = file.split(separator: "/").dropLast(2).joined(separator: "/")
    return "/" + testsDir + "/Fixtures"
}()

private func bytes(_ name: String) throws -> [UInt8] {
    try ChartDirectoryReader.readBytes(fixtures + "/archives/" + name, source: name)
}

@Suite struct ChartArchiveReaderTests {
    @Test func readsAGoodArchiveStrippingTheTopDirectoryAndBOM() throws {
        let files = try ChartArchiveReader.read(try bytes("good-0.1.0.tgz"), source: "good-0.1.0.tgz")
        #expect(files.map(\.path) == ["Chart.yaml", "values.yaml", "templates/cm.yaml"])
        #expect(files[1].text == "replicas: 1\n")
    }

    @Test(arguments: [
        ("escape.tgz", "chart illegally references parent directory"),
        ("absolute.tgz", "chart illegally contains absolute paths"),
        ("symlink.tgz", "chart contains a link or special file that is not allowed: \"evil/templates/link.yaml\""),
        ("toplevel-chart.tgz", "chart yaml not in base directory"),
        ("empty.tgz", "no files in chart archive"),
        ("not-gzip.tgz", "file 'not-gzip.tgz' does not appear to be a gzipped archive; got 'application/octet-stream'"),
    ])
    func refusesUnsafeOrBrokenArchives(name: String, message: String) throws {
        let error = #expect(throws: ChartLoadError.self) {
            _ = try ChartArchiveReader.read(try bytes(name), source: name)
        }
        #expect(error?.message == message)
    }

    @Test func truncatedArchiveIsAnErrorNotACrash() throws {
        let error = #expect(throws: ChartLoadError.self) {
            _ = try ChartArchiveReader.read(try bytes("truncated.tgz"), source: "truncated.tgz")
        }
        #expect(error?.message.contains("corrupt or truncated") == true || error?.message.contains("truncated") == true)
    }

    @Test(arguments: [
        ("a/b/../c", "a/c"), ("./a//b/", "a/b"), ("..", ".."), ("a/../..", ".."), ("", "."), ("/a/../../b", "/b"),
    ])
    func cleansPathsLikeGo(input: String, expected: String) {
        #expect(ChartArchiveReader.cleanPath(input) == expected)
    }

    /// The byte-level shortcut for entry names gives what the full check gives, or leaves it to it.
    @Test func cleanEntryNamesTakeTheShortcutWithTheSameOutcome() {
        let names = [
            "top/templates/a.yaml", "top/Chart.yaml", "Chart.yaml", "Chart.yaml/x", "top/", "top", "/top/a",
            "top//a", "top/./a", "top/../a", "top/..a/b", "top/...", "top/a/..", "top/a/.", "top/.helmignore",
            "top/c:/x", "top/a\\b", "top\\a", "top/é/ü.yaml", "top/a/", "top/..", "top/.../x", "t/x:/y",
        ]
        var shortcuts = 0
        for name in names {
            let full = Result { try ChartArchiveReader.checkedRelativePath(name, source: "s") }
            guard let quick = ChartArchiveReader.alreadyClean(name) else { continue }
            shortcuts += 1
            #expect((try? full.get()) == quick, "\(name)")
        }
        #expect(shortcuts >= 4)
    }
}

@Suite struct GoGlobTests {
    @Test(arguments: [
        ("abc", "abc", true), ("*", "abc", true), ("*c", "abc", true), ("a*", "a", true),
        ("a*/b", "abc/b", true), ("a*/b", "a/c/b", false), ("a*b*c*d*e*/f", "axbxcxdxe/f", true),
        ("a*b*c*d*e*/f", "axbxcxdxexxx/f", true), ("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false),
        ("ab[c]", "abc", true), ("ab[b-d]", "abc", true), ("ab[e-g]", "abc", false), ("ab[^c]", "abc", false),
        ("ab[^b-d]", "abe", true), ("a\\*b", "a*b", true), ("a\\*b", "ab", false), ("a?b", "a☺b", true),
        ("a[^a]b", "a☺b", true), ("a???b", "a☺b", false), ("*.txt", "dir/a.txt", false), ("?", "/", false),
        ("[\\-]", "-", true), ("[x\\-]", "z", false), ("templates/.?*", "templates/.hidden", true),
        ("templates/.?*", "templates/.", false),
    ])
    func matchesLikeFilepathMatch(pattern: String, name: String, expected: Bool) throws {
        #expect(try GoGlob(pattern).matches(name) == expected)
    }

    @Test(arguments: ["[", "[^", "[^bc", "a[", "[]a]", "[-]", "[x-]", "[-x]", "\\", "[a-b-c]", "*x\\"])
    func rejectsBadPatterns(pattern: String) {
        #expect(throws: GoGlob.BadPattern.self) { _ = try GoGlob(pattern) }
    }
}

@Suite struct HelmIgnoreTests {
    @Test func followsHelmRules() throws {
        let rules = try HelmIgnore(
            parsing: """
                # comment
                *.bak
                /rootonly.txt
                docs/
                sub/*.md
                """)
        #expect(rules.ignores("values.yaml.bak", isDirectory: false))
        #expect(rules.ignores("templates/x.bak", isDirectory: false))
        #expect(rules.ignores("rootonly.txt", isDirectory: false))
        #expect(!rules.ignores("charts/rootonly.txt", isDirectory: false))
        #expect(rules.ignores("docs", isDirectory: true))
        #expect(!rules.ignores("docs", isDirectory: false))
        #expect(rules.ignores("sub/readme.md", isDirectory: false))
        #expect(!rules.ignores("sub/deeper/readme.md", isDirectory: false))
        #expect(rules.ignores("templates/.swp", isDirectory: false), "Helm's default rule")
        #expect(!rules.ignores("templates/deployment.yaml", isDirectory: false))
    }

    @Test func baseNameRulesMatchTheLastElementWithTrailingSlashesDropped() throws {
        let rules = try HelmIgnore(parsing: "*.bak\nnotes\n")
        #expect(rules.ignores("deep/er/x.bak/", isDirectory: true))
        #expect(rules.ignores("a/notes//", isDirectory: true))
        #expect(rules.ignores("naïve/é.bak", isDirectory: false))
        #expect(!rules.ignores("notes/kept.txt", isDirectory: false))
        #expect(!rules.ignores("/", isDirectory: true))
    }

    @Test func negatedRuleIgnoresWhatDoesNotMatchAsHelmDoes() throws {
        let rules = try HelmIgnore(parsing: "!keep.txt\n")
        #expect(rules.ignores("other.txt", isDirectory: false))
        #expect(!rules.ignores("keep.txt", isDirectory: false))
    }

    @Test func doubleStarIsRejectedWithTheLine() {
        let error = #expect(throws: HelmIgnore.InvalidRule.self) { _ = try HelmIgnore(parsing: "ok\nfoo/**/bar\n") }
        #expect(error?.line == 2)
        #expect(error?.description == ".helmignore:2: double-star (**) syntax is not supported in rule \"foo/**/bar\"")
    }
}

@Suite struct ChartDirectoryReaderTests {
    private func makeChart() throws -> String {
        var template = Array("/tmp/chartdir-XXXXXX".utf8CString)
        let dir = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        for sub in ["templates", "docs", "charts", "charts/sub", "charts/sub/templates"] { mkdir(dir + "/" + sub, 0o755) }
        func put(_ path: String, _ text: String) {
            let fd = open(dir + "/" + path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count - 1) }
            close(fd)
        }
        put("Chart.yaml", "apiVersion: v2\nname: demo\nversion: 1.0.0\n")
        put(".helmignore", "docs/\n*.orig\n")
        put("templates/a.yaml", "a")
        put("templates/.editor.swp", "junk")
        put("templates/b.yaml.orig", "old")
        put("docs/readme.md", "doc")
        put("charts/sub/Chart.yaml", "name: sub\n")
        return dir
    }

    @Test func readsFilesHonouringHelmIgnore() throws {
        let dir = try makeChart()
        let paths = try ChartDirectoryReader.read(directory: dir).map(\.path)
        #expect(paths == [".helmignore", "Chart.yaml", "charts/sub/Chart.yaml", "templates/a.yaml"])
    }

    @Test func refusesSymlinksLeavingTheChart() throws {
        let dir = try makeChart()
        symlink("/etc/hostname", dir + "/templates/leak.yaml")
        let error = #expect(throws: ChartLoadError.self) { _ = try ChartDirectoryReader.read(directory: dir) }
        #expect(error?.message == "symbolic link \"templates/leak.yaml\" points outside the chart")
    }

    @Test func missingDirectoryIsNamed() {
        let error = #expect(throws: ChartLoadError.self) { _ = try ChartDirectoryReader.read(directory: "/nonexistent/chart") }
        #expect(error?.description == "/nonexistent/chart: no such chart directory")
    }
}
