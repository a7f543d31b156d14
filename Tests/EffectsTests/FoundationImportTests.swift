import Foundation
import Testing

/// The program links only FoundationEssentials on Linux. One source file that imports
/// `Foundation` outside the `#if canImport(FoundationEssentials)` guard links all of
/// Foundation and ICU's data (the static binary grew from 37 to 86 MB) and switches its whole
/// module's string methods to Foundation's, with nothing failing to compile.
@Suite struct FoundationImportTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// Targets that are not part of the shipped program.
    static let exempt = ["PosthogBenchmarks", "PosthogFuzz"]

    @Test func everyFoundationImportOfTheProgramIsTheGuardedFallback() throws {
        let files = FileManager.default.enumerator(atPath: Self.sources.path)?
            .compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !Self.exempt.contains(where: $0.hasPrefix) } ?? []
        #expect(files.count > 100, "the sources were not found at \(Self.sources.path)")
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            for (index, line) in lines.enumerated()
            where ["import Foundation", "import FoundationInternationalization", "import FoundationNetworking"].contains(line) {
                if index == 0 || lines[index - 1] != "#else" { offenders.append("\(file):\(index + 1)") }
            }
        }
        #expect(offenders.isEmpty, "import FoundationEssentials (with Foundation only under #else) in: \(offenders)")
    }
}
