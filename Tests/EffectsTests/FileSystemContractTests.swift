import PosthogTestSupport
import Testing
@testable import Effects

/// The same behaviour checked on the real and the in-memory file system.
@Suite struct FileSystemContractTests {
    enum Flavor: String, CaseIterable, Sendable { case local, memory }

    /// Runs `body` with a file system and an existing empty directory in it.
    private func withFileSystem(_ flavor: Flavor, _ body: (any FileSystem, String, ManualClock) throws -> Void) throws {
        let clock = ManualClock()
        switch flavor {
        case .local:
            let dir = try TemporaryDirectory(prefix: "effects-contract")
            defer { dir.remove() }
            try body(LocalFileSystem(clock: clock), dir.path, clock)
        case .memory:
            let fs = InMemoryFileSystem(clock: clock)
            try fs.makeDirectories("/work", mode: 0o755)
            try body(fs, "/work", clock)
        }
    }

    @Test(arguments: Flavor.allCases) func writeReplaceAndBackups(flavor: Flavor) throws {
        try withFileSystem(flavor) { fs, root, clock in
            let path = root + "/values.yaml"
            #expect(try fs.writeAtomically(path, "one", mode: 0o600, backup: .keepLast(2)) == nil)
            for text in ["two", "three", "four"] {
                clock.advance(by: .seconds(1))
                try fs.writeAtomically(path, text, mode: 0o600, backup: .keepLast(2))
            }
            #expect(try fs.readString(path) == "four")
            #expect(try fs.listDirectory(root) == [
                "values.yaml", "values.yaml.2026-11-24T21-40-05.bak", "values.yaml.2026-11-24T21-40-06.bak",
            ])
            #expect(try fs.readString(root + "/values.yaml.2026-11-24T21-40-05.bak") == "two")
        }
    }

    @Test(arguments: Flavor.allCases) func errorsNameThePath(flavor: Flavor) throws {
        try withFileSystem(flavor) { fs, root, _ in
            try fs.writeAtomically(root + "/file", "x", mode: 0o644, backup: .none)
            let underFile = #expect(throws: FileSystemError.self) { try fs.writeAtomically(root + "/file/values.yaml", "y", mode: 0o600, backup: .none) }
            #expect(underFile?.kind == .notADirectory)
            #expect(underFile?.path == root + "/file")
            let missing = #expect(throws: FileSystemError.self) { try fs.readString(root + "/missing.yaml") }
            #expect(missing?.kind == .notFound)
            #expect(missing?.description == "cannot read \(root)/missing.yaml: no such file or directory")
            let dir = #expect(throws: FileSystemError.self) { try fs.readString(root) }
            #expect(dir?.kind == .isADirectory)
            let noDir = #expect(throws: FileSystemError.self) { try fs.writeAtomically(root + "/a/b.yaml", "x", mode: 0o600, backup: .none) }
            #expect(noDir?.kind == .notFound)
            #expect(noDir?.path == root + "/a")
            #expect(try fs.listDirectory(root) == ["file"])
        }
    }

    @Test(arguments: Flavor.allCases) func directories(flavor: Flavor) throws {
        try withFileSystem(flavor) { fs, root, _ in
            try fs.makeDirectories(root + "/x/y/z", mode: 0o700)
            #expect(fs.kind(of: root + "/x/y") == .directory)
            #expect(try fs.listDirectory(root + "/x") == ["y"])
            try fs.writeAtomically(root + "/x/f", "1", mode: 0o644, backup: .none)
            #expect(fs.exists(root + "/x/f"))
            try fs.removeFile(root + "/x/f")
            #expect(!fs.exists(root + "/x/f"))
            #expect(throws: FileSystemError.self) { try fs.removeFile(root + "/x/f") }
        }
    }
}

@Suite struct InMemoryFileSystemTests {
    @Test func faultsLeaveTheOldFile() throws {
        let fs = InMemoryFileSystem(files: ["/home/me/values.yaml": "old"])
        fs.failNextWrite(.noSpace)
        let error = #expect(throws: FileSystemError.self) { try fs.writeAtomically("/home/me/values.yaml", "new", mode: 0o600, backup: .keepLast(3)) }
        #expect(error?.description == "cannot write /home/me/values.yaml: no space left on the device")
        #expect(try fs.readString("/home/me/values.yaml") == "old")
        #expect(try fs.listDirectory("/home/me") == ["values.yaml"])
        try fs.writeAtomically("/home/me/values.yaml", "new", mode: 0o600, backup: .keepLast(3))
        #expect(fs.mode(of: "/home/me/values.yaml") == 0o600)
        #expect(fs.mode(of: "/home/me/values.yaml.2026-11-24T21-40-03.bak") == 0o644)
    }

    @Test func readOnlyAndUnreadable() throws {
        let fs = InMemoryFileSystem(files: ["/etc/x.yaml": "x"])
        fs.makeReadOnly("/etc")
        fs.makeUnreadable("/etc/x.yaml")
        #expect(throws: FileSystemError.self) { try fs.writeAtomically("/etc/x.yaml", "y", mode: 0o600, backup: .none) }
        let read = #expect(throws: FileSystemError.self) { try fs.readBytes("/etc/x.yaml") }
        #expect(read?.kind == .permissionDenied)
        #expect(fs.allPaths == ["/", "/etc", "/etc/x.yaml"])
    }

    @Test func invalidUTF8IsReportedWithOffset() throws {
        let fs = InMemoryFileSystem()
        try fs.writeAtomically("/v.yaml", [0x61, 0xC3, 0x28], mode: 0o644, backup: .none)
        let error = #expect(throws: FileSystemError.self) { try fs.readString("/v.yaml") }
        #expect(error?.kind == .invalidUTF8(offset: 1))
    }

    @Test func normalizesPaths() {
        #expect(InMemoryFileSystem.normalize("a//b/./c/../d/") == "/a/b/d")
        #expect(InMemoryFileSystem.normalize("/") == "/")
        #expect(InMemoryFileSystem.normalize("/..") == "/")
    }
}
