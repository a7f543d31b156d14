import Effects
import Foundation
import Installer
import PosthogTestSupport
import Testing
@testable import PosthogInstallCommands

/// The settings written follow the chart actually used: a `--chart` of chart 3.x gets 3.x keys,
/// one of 30.x gets 30.x keys, and anything else is refused naming the supported ranges.
@Suite struct ChartVersionProfileTests {
    static let profiles = (try? ProfileSet.all()) ?? []
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("InstallerTests/Values/Goldens/charts").path

    /// A copy of a test chart whose Chart.yaml says `version`.
    func chart(_ fixture: String, version: String, in dir: TemporaryDirectory) throws -> String {
        let path = dir.appending("chart-\(version)")
        try FileManager.default.copyItem(atPath: joinPath(Self.fixtures, fixture), toPath: path)
        let yaml = joinPath(path, "Chart.yaml")
        let text = try String(contentsOfFile: yaml, encoding: .utf8)
            .replacingOccurrences(of: #"version: [0-9][^\n]*"#, with: "version: \(version)", options: .regularExpression)
        try text.write(toFile: yaml, atomically: true, encoding: .utf8)
        return path
    }

    func values(_ arguments: [String], dir: TemporaryDirectory) throws -> ValuesRun.Output {
        let command = try ValuesCommand.parse(arguments + ["-o", dir.appending("values.yaml")])
        return ValuesRun(files: LocalFileSystem(), secrets: SystemSecretSource(), profiles: Self.profiles).execute(command.request)
    }

    @Test(arguments: [("chart-3", "3.0.3", "chart-3"), ("chart-30", "30.46.0", "chart-30")])
    func valuesFollowTheChartGiven(fixture: String, version: String, profile: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try chart(fixture, version: version, in: dir)
        let output = try values(["--cloud", "do", "--hostname", "posthog.example.com", "--no-tls", "--tier", "small", "--chart", path], dir: dir)
        #expect(output.status == .success, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("Wrote \(dir.appending("values.yaml")) (chart \(version), cloud do"), "\(output.stdout)")
        let answers = try String(contentsOfFile: dir.appending("answers.yaml"), encoding: .utf8)
        #expect(answers.contains("profile: \(profile)\n"), "\(answers)")
        #expect(answers.contains("chart-version: \(version)"), "\(answers)")
    }

    @Test func aChartOutsideTheSupportedRangesIsRefusedNamingThem() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try chart("chart-30", version: "12.0.0", in: dir)
        let output = try values(["--cloud", "do", "--hostname", "posthog.example.com", "--no-tls", "--chart", path], dir: dir)
        #expect(output.status == .badInput)
        #expect(output.stderr.contains("is chart version 12.0.0, which posthog-install does not support"), "\(output.stderr)")
        #expect(output.stderr.contains(">=3.0.0 <4.0.0 (chart-3), >=30.0.0 <31.0.0 (chart-30)"), "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appending("values.yaml")))
    }

    @Test func aChartVersionThatContradictsTheChartIsRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try chart("chart-3", version: "3.0.3", in: dir)
        let output = try values(["--cloud", "do", "--hostname", "posthog.example.com", "--no-tls", "--chart", path,
                                 "--chart-version", "30.46.0"], dir: dir)
        #expect(output.status == .badInput)
        #expect(output.stderr.contains("--chart-version 30.46.0 does not match the chart given with --chart, which is version 3.0.3"), "\(output.stderr)")
    }

    @Test func somethingThatIsNotAChartGetsAClearMessage() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.appending("empty"), withIntermediateDirectories: true)
        try "not a chart".write(toFile: dir.appending("notes.tgz"), atomically: true, encoding: .utf8)
        let folder = try values(["--cloud", "do", "--hostname", "posthog.example.com", "--no-tls", "--chart", dir.appending("empty")], dir: dir)
        #expect(folder.status == .badInput)
        #expect(folder.stderr.contains("this folder has no Chart.yaml, so it is not a Helm chart"), "\(folder.stderr)")
        let archive = try values(["--cloud", "do", "--hostname", "posthog.example.com", "--no-tls", "--chart", dir.appending("notes.tgz")], dir: dir)
        #expect(archive.status == .badInput)
        #expect(archive.stderr.contains("is not a chart archive"), "\(archive.stderr)")
    }

    @Test func anUnsupportedChartVersionNamesTheRanges() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let output = try values(["--cloud", "do", "--hostname", "posthog.example.com", "--no-tls", "--chart-version", "29.0.0"], dir: dir)
        #expect(output.status == .badInput)
        #expect(output.stderr.contains("--chart-version 29.0.0: posthog-install does not support this chart version. Supported: >=3.0.0 <4.0.0 (chart-3), >=30.0.0 <31.0.0 (chart-30)."), "\(output.stderr)")
    }
}
