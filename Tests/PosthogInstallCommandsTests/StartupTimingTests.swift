import Foundation
import Testing
@testable import PosthogInstallCommands

/// The start-up figures `scripts/first-screen.sh` reads: `main` before the marks before the first
/// draw, on the wall clock, and the CPU time used.
@Suite(.serialized) struct StartupTimingTests {
    @Test func writesMainTheMarksAndTheFirstDrawToTheNamedFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("startup-\(UUID().uuidString)").path
        defer { unsetenv(StartupTiming.variable); try? FileManager.default.removeItem(atPath: path) }
        setenv(StartupTiming.variable, path, 1)
        StartupTiming.markMain()
        StartupTiming.mark("profiles")
        StartupTiming.firstDrawn()

        let text = try String(contentsOfFile: path, encoding: .utf8)
        var fields: [String: [Substring]] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            fields[String(parts[0])] = Array(parts.dropFirst())
        }
        let main = try #require(fields["main"]?.first.flatMap { Double($0) })
        let drawn = try #require(fields["first-draw"]?.first.flatMap { Double($0) })
        let marked = try #require(fields["mark-profiles"]?.first.flatMap { Double($0) })
        #expect(main > 1_000_000_000, "wall-clock seconds since 1970")
        #expect(main <= marked && marked <= drawn)
        #expect(drawn - main < 60)
        let cpu = try #require(fields["cpu-ms"]?.first.flatMap { Double($0) })
        #expect(cpu > 0)
        #expect(fields["mark-profiles"]?.count == 2, "wall time and CPU time")
    }
}
