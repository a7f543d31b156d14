import Dispatch
import Effects
import Foundation
import Glibc
import Installer
import PosthogTestSupport
import Synchronization
import Testing
@testable import PosthogInstallCommands

/// values.yaml and answers.yaml under kills and runs at once: no change lost or silently undone.
@Suite struct ValuesWriteSafetyTests {
    static let profiles = ValuesCommandTests.profiles

    /// A file system whose process "dies" after `writes` replacements: every later call fails,
    /// as nothing more happens after a kill -9.
    final class DyingFileSystem: FileSystem, Sendable {
        let base: InMemoryFileSystem
        let remaining: Mutex<Int>
        struct Killed: Error {}

        init(_ base: InMemoryFileSystem, writes: Int) {
            self.base = base
            remaining = Mutex(writes)
        }

        private func alive() throws(FileSystemError) {
            if remaining.withLock({ $0 }) < 0 { throw FileSystemError(.permissionDenied, path: "(killed)", operation: "write") }
        }

        func readBytes(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8] {
            try alive()
            return try base.readBytes(path, limit: limit)
        }
        func kind(of path: String) -> FileKind? { base.kind(of: path) }
        func listDirectory(_ path: String) throws(FileSystemError) -> [String] { try base.listDirectory(path) }
        func makeDirectories(_ path: String, mode: UInt32) throws(FileSystemError) { try base.makeDirectories(path, mode: mode) }
        func removeFile(_ path: String) throws(FileSystemError) {
            try alive()
            try base.removeFile(path)
        }
        func writeAtomically(_ path: String, _ data: [UInt8], mode: UInt32, backup: BackupPolicy) throws(FileSystemError) -> String? {
            let left = remaining.withLock { count -> Int in
                count -= 1
                return count
            }
            if left < 0 { throw FileSystemError(.permissionDenied, path: path, operation: "write") }
            return try base.writeAtomically(path, data, mode: mode, backup: backup)
        }
    }

    func values(_ arguments: [String], _ files: any FileSystem) throws -> ValuesRun.Output {
        ValuesRun(files: files, secrets: SystemSecretSource(), profiles: Self.profiles).execute(try ValuesCommand.parse(arguments).request)
    }

    @Test func aKillBetweenTheTwoWritesDoesNotUndoTheChangeNextTime() throws {
        let memory = InMemoryFileSystem()
        #expect(try values(ValuesCommandTests.doArgs, memory).status == .success)
        // Killed after the first of the two files was replaced.
        let dying = DyingFileSystem(memory, writes: 1)
        _ = try values(["--tier", "large"], dying)
        // The next run, without flags, starts from what was saved: the change is kept.
        #expect(try values([], memory).status == .success)
        #expect(try memory.readString("answers.yaml").contains("tier: large"))
        let text = try memory.readString("values.yaml")
        let large = try values(["--tier", "large", "--dry-run", "--show-secrets"], memory).stdout
        #expect(large.hasPrefix(text), "values.yaml holds the large tier")
    }

    @Test(arguments: [("large", "large"), ("small", "small"), ("large", "small"), ("small", "large")])
    func aRunCutOffBetweenTheTwoWritesLeavesTheNextRunWritingExactlyTheOldOrTheNewFile(cut: String, next: String) throws {
        let memory = InMemoryFileSystem()
        #expect(
            try values(["--tier", "large"] + ValuesCommandTests.doArgs.filter { $0 != "small" && $0 != "--tier" }, memory).status
                == .success)
        let large = try memory.readString("values.yaml")
        #expect(try values(["--tier", "small"], memory).status == .success)
        let small = try memory.readString("values.yaml")
        #expect(large != small)
        if cut == "large" {
            // From small: answers.yaml says large, values.yaml is still small.
        } else {
            #expect(try values(["--tier", "large"], memory).status == .success)
        }
        _ = try values(["--tier", cut], DyingFileSystem(memory, writes: 1))
        #expect(try memory.readString("values.yaml") == (cut == "large" ? small : large), "the cut run did not replace values.yaml")
        // values.yaml was written from the answers before the cut run: the tidy-up of keys only
        // those answers asked for must use them, or the result is neither file.
        #expect(try values(["--tier", next], memory).status == .success)
        #expect(try memory.readString("values.yaml") == (next == "large" ? large : small))
        #expect(AnswersFile.valuesSHA256(in: try memory.readString("answers.yaml")) != nil)
    }

    @Test func answersRecordTheValuesTheyWereWrittenWithAndAHandEditKeepsTheLatestAnswers() throws {
        let memory = InMemoryFileSystem()
        #expect(try values(ValuesCommandTests.doArgs, memory).status == .success)
        let pair = SavedAnswers(files: memory, valuesPath: "values.yaml")
        let latest = try pair.latestText()
        #expect(pair.textValuesWereWrittenFrom() == latest)
        _ = try memory.writeAtomically(
            "values.yaml", try memory.readString("values.yaml") + "# edited by hand\n", mode: 0o600, backup: .none)
        #expect(pair.textValuesWereWrittenFrom() == latest, "a hand edit is not a cut-off run")
    }

    @Test func aFailedValuesWritePutsTheAnswersBack() throws {
        let memory = InMemoryFileSystem()
        #expect(try values(ValuesCommandTests.doArgs, memory).status == .success)
        let answers = try memory.readString("answers.yaml")
        // values.yaml cannot be written (the second write): the answers must match it again.
        let output = try values(["--tier", "large"], FailingSecondWrite(memory))
        #expect(output.status == .failed)
        #expect(try memory.readString("answers.yaml") == answers)
    }

    /// Fails the second replacement (values.yaml) the way a full disk would, without dying.
    final class FailingSecondWrite: FileSystem, Sendable {
        let base: InMemoryFileSystem
        let count = Mutex(0)
        init(_ base: InMemoryFileSystem) { self.base = base }
        func readBytes(_ path: String, limit: Int) throws(FileSystemError) -> [UInt8] { try base.readBytes(path, limit: limit) }
        func kind(of path: String) -> FileKind? { base.kind(of: path) }
        func listDirectory(_ path: String) throws(FileSystemError) -> [String] { try base.listDirectory(path) }
        func makeDirectories(_ path: String, mode: UInt32) throws(FileSystemError) { try base.makeDirectories(path, mode: mode) }
        func removeFile(_ path: String) throws(FileSystemError) { try base.removeFile(path) }
        func writeAtomically(_ path: String, _ data: [UInt8], mode: UInt32, backup: BackupPolicy) throws(FileSystemError) -> String? {
            let n = count.withLock {
                $0 += 1
                return $0
            }
            if n == 2 { throw FileSystemError(.noSpace, path: path, operation: "write") }
            return try base.writeAtomically(path, data, mode: mode, backup: backup)
        }
    }

    @Test func twoValuesRunsAtOnceKeepBothChanges() throws {
        let dir = try TemporaryDirectory(prefix: "values-lock")
        defer { dir.remove() }
        let output = dir.appending("values.yaml")
        let files = LocalFileSystem()
        let first = try values(ValuesCommandTests.doArgs + ["-o", output], files)
        #expect(first.status == .success, "\(first.stderr)")
        for round in 0..<8 {
            let tier = round % 2 == 0 ? "large" : "minimal"
            let email = "ops\(round)@example.com"
            let changes = [["--tier", tier], ["--email", email]]
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                _ = try? values(changes[index] + ["-o", output], files)
            }
            let answers = try files.readString(dir.appending("answers.yaml"))
            #expect(answers.contains("tier: \(tier)"), "round \(round) lost the tier")
            #expect(answers.contains(email), "round \(round) lost the email")
        }
    }

    @Test func leftoversOfAKilledWriteAreRemovedButNotThoseOfALiveRun() throws {
        #expect(
            StaleTemporaryFiles.select(
                [".values.yaml.tmp-100-7", ".values.yaml.tmp-200-9", "values.yaml", ".other.tmp-100-1"],
                for: "values.yaml", isAlive: { $0 == 200 }) == [".values.yaml.tmp-100-7"])
        let dir = try TemporaryDirectory(prefix: "values-stale")
        defer { dir.remove() }
        let files = LocalFileSystem()
        let dead = dir.appending(".values.yaml.tmp-2147483646-1")
        let live = dir.appending(".values.yaml.tmp-\(getpid())-1")
        try files.writeAtomically(dead, "half", mode: 0o600, backup: .none)
        try files.writeAtomically(live, "busy", mode: 0o600, backup: .none)
        try files.writeAtomically(dir.appending("values.yaml"), "a: 1\n", mode: 0o600, backup: .none)
        #expect(files.kind(of: dead) == nil)
        #expect(files.kind(of: live) == .file)
    }
}
