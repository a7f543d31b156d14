import Foundation
import Testing
@testable import EmbeddedData

/// Keeps `Sources/EmbeddedData/EmbeddedProfiles.swift` in step with `profiles/`.
/// Run with `UPDATE_EMBEDDED=1` to regenerate it after changing anything in profiles/.
@Suite struct EmbeddedProfilesTests {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func profileFiles() throws -> [String: String] {
        let base = root.appendingPathComponent("profiles")
        var result: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return result
        }
        for case let url as URL in walker {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let relative = String(url.path.dropFirst(base.path.count + 1))
            result[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        return result
    }

    /// A raw string literal delimiter long enough that the text cannot close it early.
    static func delimiter(for text: String) -> String {
        var hashes = "#"
        while text.contains("\"" + hashes) { hashes += "#" }
        return hashes
    }

    static func generatedSource(_ files: [String: String]) -> String {
        var out = """
        // Generated from profiles/ by `UPDATE_EMBEDDED=1 swift test --filter EmbeddedDataTests`.
        // Do not edit: change the files under profiles/ and regenerate.

        enum EmbeddedProfiles {
            static let files: [String: String] = [

        """
        for path in files.keys.sorted() {
            let text = files[path] ?? ""
            let d = delimiter(for: text)
            out += "        \"\(path)\": \(d)\"\"\"\n\(text)\n\"\"\"\(d),\n"
        }
        out += "    ]\n}\n"
        return out
    }

    @Test func embeddedCopyMatchesProfilesDirectory() throws {
        let files = try Self.profileFiles()
        #expect(!files.isEmpty, "profiles/ should not be empty")
        let target = Self.root.appendingPathComponent("Sources/EmbeddedData/EmbeddedProfiles.swift")
        let expected = Self.generatedSource(files)
        if ProcessInfo.processInfo.environment["UPDATE_EMBEDDED"] == "1" {
            try expected.write(to: target, atomically: true, encoding: .utf8)
        }
        let current = (try? String(contentsOf: target, encoding: .utf8)) ?? ""
        #expect(current == expected, "Sources/EmbeddedData/EmbeddedProfiles.swift is stale: run UPDATE_EMBEDDED=1 swift test --filter EmbeddedDataTests")
        #expect(EmbeddedFiles.all == files)
    }

    @Test func standInChartIsEmbedded() {
        #expect(EmbeddedFiles.file("standin-chart/posthog/Chart.yaml")?.contains("name: posthog") == true)
        #expect(EmbeddedFiles.paths(under: "standin-chart/posthog/templates").contains("standin-chart/posthog/templates/_helpers.tpl"))
    }
}
