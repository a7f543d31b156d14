import Glibc
import PosthogTestSupport
import Testing
@testable import Effects

private func mode(_ path: String) -> UInt32 {
    var info = stat()
    guard stat(path, &info) == 0 else { return 0 }
    return UInt32(info.st_mode & 0o7777)
}

private func withTemp(_ body: (TemporaryDirectory) throws -> Void) throws {
    let dir = try TemporaryDirectory(prefix: "effects-fs")
    defer { dir.remove() }
    try body(dir)
}

@Suite struct LocalFileSystemTests {
    let clock = ManualClock()
    var fs: LocalFileSystem { LocalFileSystem(clock: clock) }

    @Test func writesNewFileWithModeAndNoBackup() throws {
        try withTemp { dir in
            let path = dir.appending("values.yaml")
            let backup = try fs.writeAtomically(path, "a: 1\n", mode: 0o600, backup: .keepLast(3))
            #expect(backup == nil)
            #expect(try fs.readString(path) == "a: 1\n")
            #expect(mode(path) == 0o600)
            #expect(try fs.listDirectory(dir.path) == ["values.yaml"])
        }
    }

    @Test func modeIsExactRegardlessOfUmask() throws {
        try withTemp { dir in
            let old = umask(0o077)
            defer { umask(old) }
            let path = dir.appending("public.yaml")
            try fs.writeAtomically(path, "x", mode: 0o644, backup: .none)
            #expect(mode(path) == 0o644)
        }
    }

    @Test func replacingKeepsTheOldContentAsATimestampedBackup() throws {
        try withTemp { dir in
            let path = dir.appending("values.yaml")
            try fs.writeAtomically(path, "old\n", mode: 0o600, backup: .keepLast(3))
            let backup = try #require(try fs.writeAtomically(path, "new\n", mode: 0o600, backup: .keepLast(3)))
            #expect(backup == dir.appending("values.yaml.2026-11-24T21-40-03.bak"))
            #expect(try fs.readString(backup) == "old\n")
            #expect(mode(backup) == 0o600)
            #expect(try fs.readString(path) == "new\n")
            // A second replacement in the same second gets its own name.
            let second = try fs.writeAtomically(path, "newer\n", mode: 0o600, backup: .keepLast(3))
            #expect(second == dir.appending("values.yaml.2026-11-24T21-40-03.2.bak"))
            #expect(try fs.readString(backup) == "old\n")
            #expect(try fs.listDirectory(dir.path).count == 3)
        }
    }

    @Test func keepsOnlyTheNewestBackups() throws {
        try withTemp { dir in
            let path = dir.appending("values.yaml")
            for index in 0..<6 {
                try fs.writeAtomically(path, "v\(index)\n", mode: 0o600, backup: .keepLast(2))
                clock.advance(by: .seconds(61))
            }
            let names = try fs.listDirectory(dir.path)
            #expect(names == ["values.yaml", "values.yaml.2026-11-24T21-44-07.bak", "values.yaml.2026-11-24T21-45-08.bak"])
            #expect(try fs.readString(dir.appending("values.yaml.2026-11-24T21-45-08.bak")) == "v4\n")
            #expect(try fs.readString(path) == "v5\n")
        }
    }

    @Test func failedWriteLeavesOldFileAndNoTempFile() throws {
        try withTemp { dir in
            let path = dir.appending("values.yaml")
            try fs.writeAtomically(path, "precious\n", mode: 0o600, backup: .keepLast(3))
            var failing = fs
            failing.faults.write = ENOSPC
            #expect {
                try failing.writeAtomically(path, "half", mode: 0o600, backup: .keepLast(3))
            } throws: { error in
                (error as? FileSystemError)?.kind == .noSpace
            }
            #expect(try fs.readString(path) == "precious\n")
            #expect(try fs.listDirectory(dir.path) == ["values.yaml"])
        }
    }

    @Test func failedRenameRemovesTempFileAndItsBackup() throws {
        try withTemp { dir in
            let path = dir.appending("values.yaml")
            try fs.writeAtomically(path, "precious\n", mode: 0o600, backup: .keepLast(3))
            var failing = fs
            failing.faults.rename = EIO
            #expect(throws: FileSystemError.self) {
                try failing.writeAtomically(path, "new", mode: 0o600, backup: .keepLast(3))
            }
            #expect(try fs.readString(path) == "precious\n")
            #expect(try fs.listDirectory(dir.path) == ["values.yaml"])
        }
    }

    @Test func parentThatIsAFileFailsCleanly() throws {
        try withTemp { dir in
            let blocker = dir.appending("not-a-dir")
            try fs.writeAtomically(blocker, "x", mode: 0o644, backup: .none)
            let error = #expect(throws: FileSystemError.self) {
                try fs.writeAtomically(blocker + "/values.yaml", "y", mode: 0o600, backup: .keepLast(3))
            }
            #expect(error?.kind == .notADirectory)
            #expect(error?.description == "cannot write \(blocker): a part of the path is not a directory")
            #expect(try fs.listDirectory(dir.path) == ["not-a-dir"])
        }
    }

    @Test func missingDirectoryIsNamed() throws {
        try withTemp { dir in
            let error = #expect(throws: FileSystemError.self) {
                try fs.writeAtomically(dir.appending("missing/values.yaml"), "y", mode: 0o600, backup: .none)
            }
            #expect(error?.kind == .notFound)
            #expect(error?.path == dir.appending("missing"))
        }
    }

    @Test func readOnlyDirectoryWhenNotRoot() throws {
        try withTemp { dir in
            let sub = dir.appending("locked")
            try fs.makeDirectories(sub, mode: 0o755)
            let path = sub + "/values.yaml"
            try fs.writeAtomically(path, "keep\n", mode: 0o600, backup: .none)
            chmod(sub, 0o555)
            defer { chmod(sub, 0o755) }
            if geteuid() == 0 {
                // root ignores directory permissions; the parent-is-a-file test covers failure.
                return
            }
            let error = #expect(throws: FileSystemError.self) {
                try fs.writeAtomically(path, "new\n", mode: 0o600, backup: .keepLast(2))
            }
            #expect(error?.kind == .permissionDenied)
            #expect(try fs.readString(path) == "keep\n")
            #expect(try fs.listDirectory(sub) == ["values.yaml"])
        }
    }

    @Test func writingThroughASymlinkReplacesItsTarget() throws {
        try withTemp { dir in
            let real = dir.appending("real.yaml")
            let link = dir.appending("values.yaml")
            try fs.writeAtomically(real, "old", mode: 0o600, backup: .none)
            symlink(real, link)
            try fs.writeAtomically(link, "new", mode: 0o600, backup: .keepLast(1))
            var info = stat()
            #expect(lstat(link, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
            #expect(try fs.readString(real) == "new")
            #expect(try fs.listDirectory(dir.path) == ["real.yaml", "real.yaml.2026-11-24T21-40-03.bak", "values.yaml"])
        }
    }

    @Test func targetThatIsADirectoryIsRefused() throws {
        try withTemp { dir in
            let error = #expect(throws: FileSystemError.self) {
                try fs.writeAtomically(dir.path, "x", mode: 0o600, backup: .none)
            }
            #expect(error?.kind == .isADirectory)
        }
    }

    @Test func readErrorsAreClear() throws {
        try withTemp { dir in
            let missing = #expect(throws: FileSystemError.self) { try fs.readBytes(dir.appending("nope")) }
            #expect(missing?.description == "cannot read \(dir.appending("nope")): no such file or directory")
            let directory = #expect(throws: FileSystemError.self) { try fs.readBytes(dir.path) }
            #expect(directory?.kind == .isADirectory)
            let bad = dir.appending("bad.yaml")
            try fs.writeAtomically(bad, [0x61, 0x62, 0xFF, 0x63], mode: 0o644, backup: .none)
            let utf8 = #expect(throws: FileSystemError.self) { try fs.readString(bad) }
            #expect(utf8?.kind == .invalidUTF8(offset: 2))
            #expect(utf8?.description == "\(bad) is not valid UTF-8 text (first bad byte at offset 2)")
            let big = #expect(throws: FileSystemError.self) { try fs.readBytes(bad, limit: 3) }
            #expect(big?.kind == .tooLarge(limit: 3))
            if geteuid() != 0 {
                chmod(bad, 0)
                let denied = #expect(throws: FileSystemError.self) { try fs.readBytes(bad) }
                #expect(denied?.kind == .permissionDenied)
            }
        }
    }

    @Test func directoriesAndKinds() throws {
        try withTemp { dir in
            let nested = dir.appending("a/b/c")
            try fs.makeDirectories(nested, mode: 0o700)
            try fs.makeDirectories(nested, mode: 0o700)
            #expect(fs.kind(of: nested) == .directory)
            #expect(mode(nested) == 0o700)
            #expect(fs.kind(of: "/dev/null") == .other)
            #expect(fs.kind(of: dir.appending("zzz")) == nil)
            try fs.writeAtomically(dir.appending("a/f"), "x", mode: 0o644, backup: .none)
            #expect(fs.kind(of: dir.appending("a/f")) == .file)
            #expect(try fs.listDirectory(dir.appending("a")) == ["b", "f"])
            let error = #expect(throws: FileSystemError.self) { try fs.makeDirectories(dir.appending("a/f/g"), mode: 0o700) }
            #expect(error?.kind == .notADirectory)
            try fs.removeFile(dir.appending("a/f"))
            #expect(!fs.exists(dir.appending("a/f")))
        }
    }

    @Test func largeFileRoundTrips() throws {
        try withTemp { dir in
            let data = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let path = dir.appending("big.bin")
            try fs.writeAtomically(path, data, mode: 0o600, backup: .none)
            #expect(try fs.readBytes(path) == data)
        }
    }
}

@Suite struct BackupNamesTests {
    @Test func parsesOnlyItsOwnBackups() {
        #expect(BackupNames.parse("values.yaml.2026-11-24T21-40-03.bak", for: "values.yaml")! == ("2026-11-24T21-40-03", 1))
        #expect(BackupNames.parse("values.yaml.2026-11-24T21-40-03.12.bak", for: "values.yaml")! == ("2026-11-24T21-40-03", 12))
        #expect(BackupNames.parse("values.yaml.bak", for: "values.yaml") == nil)
        #expect(BackupNames.parse("values.yaml.2026-11-24T21-40-03.1.bak", for: "values.yaml") == nil)
        #expect(BackupNames.parse("other.yaml.2026-11-24T21-40-03.bak", for: "values.yaml") == nil)
        #expect(BackupNames.parse("values.yaml.2026-11-24 21-40-03.bak", for: "values.yaml") == nil)
    }

    @Test func prunesOldestFirstWithSequences() {
        let names = [
            "values.yaml", "values.yaml.2026-11-24T21-40-03.2.bak", "values.yaml.2026-11-24T21-40-03.bak",
            "values.yaml.2026-11-24T21-40-04.bak", "values.yaml.2026-11-24T21-40-03.10.bak", "notes.txt",
        ]
        #expect(
            BackupNames.toPrune(names, for: "values.yaml", keep: 2) == [
                "values.yaml.2026-11-24T21-40-03.bak", "values.yaml.2026-11-24T21-40-03.2.bak",
            ])
        #expect(BackupNames.toPrune(names, for: "values.yaml", keep: 10).isEmpty)
    }

    @Test func aNewBackupSortsAfterEveryOtherOfTheSameSecondEvenWhenOlderOnesWerePruned() {
        let stamp = "2026-11-24T21-40-03"
        #expect(BackupNames.name(for: "a.yaml", stamp: stamp, existing: ["a.yaml"]) == "a.yaml.\(stamp).bak")
        #expect(BackupNames.name(for: "a.yaml", stamp: stamp, existing: ["a.yaml.\(stamp).bak"]) == "a.yaml.\(stamp).2.bak")
        // Only the second backup of this second is left: the third must not reuse the first's name,
        // or pruning would keep the older one.
        let third = BackupNames.name(for: "a.yaml", stamp: stamp, existing: ["a.yaml.\(stamp).2.bak"])
        #expect(third == "a.yaml.\(stamp).3.bak")
        #expect(BackupNames.toPrune(["a.yaml.\(stamp).2.bak", third], for: "a.yaml", keep: 1) == ["a.yaml.\(stamp).2.bak"])
        #expect(BackupNames.name(for: "a.yaml", stamp: "2026-11-24T21-40-04", existing: [third]) == "a.yaml.2026-11-24T21-40-04.bak")
    }
}
