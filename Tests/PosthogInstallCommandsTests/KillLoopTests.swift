import Foundation
import Testing

/// The real program killed with SIGKILL at random moments while it writes: values.yaml is always
/// the old or the new file (never truncated or mixed), and the simulated cluster's state always
/// reads back. Nothing can clean up after SIGKILL, so only the order of writes protects the files.
@Suite(.serialized) struct KillLoopTests {
    static let binary = BadInputTableTests.binary

    struct Scratch {
        let dir: URL
        let work: URL
        let environment: [String: String]

        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("kill-loop-\(UUID().uuidString)")
            work = dir.appendingPathComponent("work")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            var environment = ProcessInfo.processInfo.environment
            environment["XDG_STATE_HOME"] = dir.appendingPathComponent("state").path
            environment["XDG_CACHE_HOME"] = dir.appendingPathComponent("cache").path
            environment["HOME"] = dir.path
            self.environment = environment
        }

        func run(_ arguments: [String]) throws -> Int32 {
            try BadInputTableTests.run(arguments, in: work, environment: environment).0
        }

        /// Starts the program and kills it with SIGKILL after `delay`; returns once it is gone.
        func killed(_ arguments: [String], after delay: Duration) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            process.currentDirectoryURL = work
            process.environment = environment
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double(delay.components.attoseconds) / 1e18 + Double(delay.components.seconds))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        func read(_ name: String) -> Data? { try? Data(contentsOf: work.appendingPathComponent(name)) }
    }

    static let answers = ["--cloud", "do", "--hostname", "posthog.example.com", "--email", "ops@example.com"]

    @Test func valuesYamlIsAlwaysTheOldOrTheNewFile() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build first: swift build --build-tests")
        let scratch = try Scratch()
        defer { try? FileManager.default.removeItem(at: scratch.dir) }
        // The two files a complete run writes for each tier.
        #expect(try scratch.run(["values", "--tier", "large"] + Self.answers) == 0)
        let large = try #require(scratch.read("values.yaml"))
        #expect(try scratch.run(["values", "--tier", "small"]) == 0)
        let small = try #require(scratch.read("values.yaml"))
        #expect(large != small)
        var generator = SystemRandomNumberGenerator()
        var trials = 0
        var interrupted = 0
        for trial in 0..<40 {
            let tier = trial % 2 == 0 ? "large" : "small"
            try scratch.killed(["values", "--tier", tier], after: .milliseconds(Int.random(in: 0...250, using: &generator)))
            trials += 1
            let now = try #require(scratch.read("values.yaml"), "trial \(trial): values.yaml is gone")
            #expect(
                now == large || now == small,
                "trial \(trial): values.yaml is neither the old nor the new file:\n\(String(decoding: now, as: UTF8.self))")
            if now != (tier == "large" ? large : small) { interrupted += 1 }
        }
        // The next complete run still writes exactly what it should, whatever was left.
        #expect(try scratch.run(["values", "--tier", "large"]) == 0)
        #expect(scratch.read("values.yaml") == large)
        #expect(trials == 40)
        // Some kills must have landed before the write, or the loop tested nothing.
        #expect(interrupted > 0, "no kill landed before values.yaml was replaced")
    }

    @Test func theSimulatedClusterStateAlwaysReadsBack() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build first: swift build --build-tests")
        let scratch = try Scratch()
        defer { try? FileManager.default.removeItem(at: scratch.dir) }
        #expect(try scratch.run(["values", "--tier", "small"] + Self.answers) == 0)
        let state = scratch.dir.appendingPathComponent("state/posthog-install/simulated-cluster.json")
        var generator = SystemRandomNumberGenerator()
        var seen = 0
        for trial in 0..<12 {
            // Install (or, once a release exists, uninstall) and kill it while the simulated
            // cluster is being written several times a second.
            let arguments =
                trial % 3 == 2
                ? ["uninstall", "--simulate", "--yes"]
                : ["install", "--simulate", "--values", "values.yaml", "--yes"]
            try scratch.killed(arguments, after: .milliseconds(Int.random(in: 100...2_500, using: &generator)))
            guard let data = try? Data(contentsOf: state) else { continue }
            seen += 1
            #expect(
                (try? JSONSerialization.jsonObject(with: data)) != nil,
                "trial \(trial): the simulated cluster's state is not whole JSON (\(data.count) bytes)")
            // And the program itself reads it (a damaged file would be reported, never wiped).
            let (_, _, stderr) = try BadInputTableTests.run(["status", "--simulate"], in: scratch.work, environment: scratch.environment)
            #expect(!stderr.contains("damaged") && !stderr.contains("cannot read"), "trial \(trial): \(stderr)")
        }
        #expect(seen > 0, "the simulated cluster was never written")
    }
}
