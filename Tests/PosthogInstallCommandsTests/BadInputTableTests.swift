import Foundation
import Testing

/// Bad input of every kind, given to the real program as a person would: each case must end
/// with a clear message on standard error, the documented exit code, no crash and no file
/// lost or changed. Runs the built executable in a scratch directory with its own state.
@Suite(.serialized) struct BadInputTableTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = repository.appendingPathComponent(".build/debug/posthog-install").path

    /// A file to place in the scratch directory before the run.
    enum Setup: Sendable {
        case file(String, String)
        case bytes(String, [UInt8])
        case directory(String)
        case archive(String, [(String, String)], link: (String, String)? = nil)
        case executable(String, String)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var code: Int32
        var says: String
        var setup: [Setup] = []
        var environment: [String: String] = [:]
        var testDescription: String { name }
    }

    static let answers = ["--cloud", "do", "--hostname", "posthog.example.com", "--tls", "--tier", "small", "--email", "ops@example.com"]
    static let chartYAML = "apiVersion: v2\nname: c\nversion: 0.1.0\n"
    static let valuesYAML = "cloud: do\ningress:\n  hostname: posthog.example.com\n"

    static let cases: [Case] = [
        // Flags and commands.
        Case(name: "unknown flag", arguments: ["install", "--bogus"], code: 2, says: "Unknown option '--bogus'"),
        Case(name: "missing value", arguments: ["install", "--tier"], code: 2, says: "Missing value for '--tier"),
        Case(name: "unexpected argument", arguments: ["status", "extra"], code: 2, says: "Unexpected argument 'extra'"),
        Case(name: "mistyped command", arguments: ["instal"], code: 2, says: "Did you mean 'install'?"),
        Case(name: "unknown command", arguments: ["frobnicate"], code: 2, says: "is not a posthog-install command"),
        Case(name: "namespace with capitals", arguments: ["status", "--namespace", "Bad_NS"], code: 2, says: "--namespace Bad_NS"),
        Case(name: "release with punctuation", arguments: ["info", "--release", "UPPER!"], code: 2, says: "--release UPPER!"),
        Case(name: "empty namespace", arguments: ["uninstall", "--namespace", ""], code: 2, says: "cannot be empty"),
        Case(name: "namespace too long", arguments: ["status", "--namespace", String(repeating: "a", count: 64)], code: 2, says: "at most 63"),
        Case(name: "release too long", arguments: ["status", "--release", String(repeating: "a", count: 54)], code: 2, says: "at most 53"),
        Case(name: "bad output format", arguments: ["status", "-o", "yaml"], code: 2, says: "yaml"),
        Case(name: "json with port forward", arguments: ["info", "-o", "json", "--port-forward"], code: 2, says: "-o json does not combine"),
        Case(name: "bad simulated nodes", arguments: ["status", "--simulate", "--simulate-nodes", "lots"], code: 2, says: "--simulate-nodes"),
        Case(name: "resize without a size", arguments: ["resize", "--simulate"], code: 2, says: "say which volume to grow"),
        // Answers.
        Case(name: "bad cloud", arguments: ["values", "--cloud", "azure", "--hostname", "a.example.com", "--tier", "small"], code: 2, says: "--cloud"),
        Case(name: "bad tier", arguments: ["values", "--cloud", "do", "--hostname", "a.example.com", "--tier", "huge"], code: 2, says: "--tier"),
        Case(name: "hostname with scheme", arguments: ["values", "--cloud", "do", "--hostname", "https://a.example.com", "--tier", "small"], code: 2, says: "--hostname"),
        Case(name: "hostname with port", arguments: ["values", "--cloud", "do", "--hostname", "a.example.com:8443", "--tier", "small"], code: 2, says: "--hostname"),
        Case(name: "hostname with path", arguments: ["values", "--cloud", "do", "--hostname", "a.example.com/x", "--tier", "small"], code: 2, says: "--hostname"),
        Case(name: "hostname with space", arguments: ["values", "--cloud", "do", "--hostname", "bad host", "--tier", "small"], code: 2, says: "--hostname"),
        Case(name: "bad email", arguments: ["values"] + answers.dropLast(2) + ["--email", "not-an-email"], code: 2, says: "--email"),
        Case(name: "bad smtp port", arguments: answers.prefixed("values") + ["--smtp-host", "smtp.example.com", "--smtp-port", "99999"], code: 2, says: "port"),
        Case(name: "bad smtp security", arguments: answers.prefixed("values") + ["--smtp-host", "smtp.example.com", "--smtp-security", "maybe"], code: 2, says: "--smtp-security"),
        Case(name: "two smtp passwords", arguments: answers.prefixed("values") + ["--smtp-password", "a", "--smtp-password-file", "pw"], code: 2,
             says: "use only one", setup: [.file("pw", "secret\n")]),
        Case(name: "missing smtp password file", arguments: answers.prefixed("values") + ["--smtp-password-file", "nope"], code: 2, says: "nope"),
        Case(name: "bad external postgres", arguments: answers.prefixed("values") + ["--external-postgres", "mysql://x"], code: 2, says: "--external-postgres"),
        Case(name: "unknown chart version", arguments: answers.prefixed("values") + ["--chart-version", "99.0.0"], code: 2, says: "99.0.0"),
        Case(name: "answers missing", arguments: ["values", "--cloud", "do"], code: 2, says: "some answers are missing"),
        Case(name: "install with a bad answer", arguments: ["install", "--simulate", "--cloud", "do", "--hostname", "x..example.com", "--tier", "small"],
             code: 2, says: "--hostname"),
        // Values and answers files.
        Case(name: "values file is broken YAML", arguments: ["values", "--tier", "large"], code: 2, says: "values.yaml",
             setup: [.file("values.yaml", "a: [unclosed\n")]),
        Case(name: "values file is a list", arguments: answers.prefixed("values"), code: 2, says: "not a values file",
             setup: [.file("values.yaml", "- a\n- b\n")]),
        Case(name: "values file is not UTF-8", arguments: answers.prefixed("values"), code: 2, says: "values.yaml",
             setup: [.bytes("values.yaml", [0x61, 0x3A, 0x20, 0xFF, 0xFE, 0x0A])]),
        Case(name: "values file is a directory", arguments: answers.prefixed("values"), code: 2, says: "values.yaml",
             setup: [.directory("values.yaml")]),
        Case(name: "answers file broken", arguments: ["values", "--answers", "a.yaml"], code: 2, says: "a.yaml", setup: [.file("a.yaml", "{{{")]),
        Case(name: "answers file missing", arguments: ["values", "--answers", "none.yaml"], code: 2, says: "none.yaml"),
        Case(name: "answers file is a directory", arguments: ["values", "--answers", "adir"], code: 2, says: "it is a directory",
             setup: [.directory("adir")]),
        Case(name: "answers file of another tool", arguments: ["values", "--answers", "a.yaml"], code: 2, says: "a.yaml",
             setup: [.file("a.yaml", "profile: chart-99\nanswers:\n  cloud: do\n")]),
        Case(name: "upgrade without values", arguments: ["upgrade", "--simulate"], code: 2, says: "values.yaml"),
        Case(name: "resize with broken values", arguments: ["resize", "--clickhouse", "100Gi", "--simulate"], code: 2, says: "values.yaml",
             setup: [.file("values.yaml", "a: [\n")]),
        Case(name: "resize absurd size", arguments: ["resize", "--clickhouse", "99999999999999999999999Ti", "--simulate"], code: 2,
             says: "larger than any cloud", setup: [.file("values.yaml", valuesYAML)]),
        Case(name: "resize without a unit", arguments: ["resize", "--postgresql", "200", "--simulate"], code: 2, says: "no unit",
             setup: [.file("values.yaml", valuesYAML)]),
        Case(name: "resize in GB", arguments: ["resize", "--kafka", "200GB", "--simulate"], code: 2, says: "200G",
             setup: [.file("values.yaml", valuesYAML)]),
        Case(name: "info with broken values", arguments: ["info", "--simulate", "-f", "v.yaml"], code: 1, says: "Error:",
             setup: [.file("v.yaml", "a: [\n")]),
        // Charts and archives.
        Case(name: "no such chart", arguments: ["template", "x", "nochart"], code: 1, says: "path \"nochart\" not found"),
        Case(name: "chart without Chart.yaml", arguments: ["template", "x", "empty"], code: 1, says: "Chart.yaml file is missing",
             setup: [.directory("empty")]),
        Case(name: "Chart.yaml broken", arguments: ["template", "x", "c"], code: 1, says: "Error:",
             setup: [.file("c/Chart.yaml", "name: [\n")]),
        Case(name: "values file for template is a directory", arguments: ["template", "x", "c", "-f", "vdir"], code: 1, says: "is a directory",
             setup: [.file("c/Chart.yaml", chartYAML), .directory("vdir")]),
        Case(name: "missing values file for template", arguments: ["template", "x", "c", "-f", "none.yaml"], code: 1, says: "no such file",
             setup: [.file("c/Chart.yaml", chartYAML)]),
        Case(name: "bad --set", arguments: ["template", "x", "c", "--set", "a.b.c"], code: 1, says: "Error:",
             setup: [.file("c/Chart.yaml", chartYAML)]),
        Case(name: "bad kube version", arguments: ["template", "x", "c", "--kube-version", "banana"], code: 1, says: "invalid kube version",
             setup: [.file("c/Chart.yaml", chartYAML)]),
        Case(name: "bad release name for template", arguments: ["template", "Bad_Name", "c"], code: 1, says: "invalid release name",
             setup: [.file("c/Chart.yaml", chartYAML)]),
        Case(name: "not a gzip archive", arguments: ["template", "x", "c.tgz"], code: 1, says: "c.tgz", setup: [.file("c.tgz", "plain text")]),
        Case(name: "truncated archive", arguments: ["template", "x", "t.tgz"], code: 1, says: "Error:",
             setup: [.bytes("t.tgz", [0x1F, 0x8B, 0x08, 0x00, 0x00])]),
        Case(name: "archive with ..", arguments: ["template", "x", "up.tgz"], code: 1, says: "parent directory",
             setup: [.archive("up.tgz", [("c/Chart.yaml", chartYAML), ("c/../../escape.yaml", "x: 1\n")])]),
        Case(name: "archive with an absolute path", arguments: ["template", "x", "abs.tgz"], code: 1, says: "Error:",
             setup: [.archive("abs.tgz", [("c/Chart.yaml", chartYAML), ("/tmp/abs-escape.yaml", "x: 1\n")])]),
        Case(name: "archive with a link out", arguments: ["template", "x", "link.tgz"], code: 1, says: "link",
             setup: [.archive("link.tgz", [("c/Chart.yaml", chartYAML)], link: ("c/templates/l.yaml", "/etc/passwd"))]),
        Case(name: "values --chart with a broken archive", arguments: answers.prefixed("values") + ["--chart", "b.tgz"], code: 2, says: "b.tgz",
             setup: [.file("b.tgz", "junk")]),
        // Templates.
        Case(name: "unclosed action", arguments: ["template", "x", "c"], code: 1, says: "unclosed action",
             setup: [.file("c/Chart.yaml", chartYAML), .file("c/templates/a.yaml", "a: {{ .Values.x\n")]),
        Case(name: "unknown function", arguments: ["template", "x", "c"], code: 1, says: "function \"nosuch\" not defined",
             setup: [.file("c/Chart.yaml", chartYAML), .file("c/templates/a.yaml", "a: {{ nosuch 1 }}\n")]),
        Case(name: "fromJson without its argument", arguments: ["template", "x", "c"], code: 1, says: "wrong number of args for fromJson",
             setup: [.file("c/Chart.yaml", chartYAML), .file("c/templates/a.yaml", "a: {{ fromJson }}\n")]),
        Case(name: "huge repeat", arguments: ["template", "x", "c"], code: 1, says: "repeat",
             setup: [.file("c/Chart.yaml", chartYAML), .file("c/templates/a.yaml", "a: {{ repeat 9223372036854775807 \"ab\" }}\n")]),
        Case(name: "template renders invalid YAML", arguments: ["template", "x", "c"], code: 1, says: "YAML parse error",
             setup: [.file("c/Chart.yaml", chartYAML), .file("c/templates/a.yaml", "a: [unclosed\n")]),
        Case(name: "fail in a template", arguments: ["template", "x", "c"], code: 1, says: "no way",
             setup: [.file("c/Chart.yaml", chartYAML), .file("c/templates/a.yaml", "{{ fail \"no way\" }}\n")]),
        // Tool output and kubeconfigs (kubectl and helm stand-ins first on PATH).
        Case(name: "kubectl prints garbage", arguments: ["status", "--context", "fake"], code: 1, says: "Error:",
             setup: [.executable("bin/kubectl", "#!/bin/sh\necho '{not json'\n"), .executable("bin/helm", "#!/bin/sh\necho 'v3.16.3'\n")],
             environment: ["PATH": "bin"]),
        Case(name: "helm prints garbage", arguments: ["info", "--context", "fake"], code: 1, says: "Error:",
             setup: [.executable("bin/kubectl", "#!/bin/sh\necho '{\"contexts\":[{\"name\":\"fake\",\"context\":{\"cluster\":\"c\"}}],\"clusters\":[{\"name\":\"c\",\"cluster\":{\"server\":\"https://127.0.0.1:1\"}}]}'\n"),
                     .executable("bin/helm", "#!/bin/sh\necho '[{\"name\":'\n")],
             environment: ["PATH": "bin"]),
        Case(name: "kubectl missing", arguments: ["info", "--context", "fake"], code: 1, says: "Error:", environment: ["PATH": "nothing-here"]),
        Case(name: "kubeconfig missing", arguments: ["info", "--context", "fake"], code: 1, says: "Error:", environment: ["KUBECONFIG": "no/such/config"]),
        Case(name: "kubeconfig garbage", arguments: ["info", "--context", "fake"], code: 1, says: "Error:",
             setup: [.file("kubeconfig", "this: is: not: yaml: [")], environment: ["KUBECONFIG": "kubeconfig"]),
    ]

    @Test(arguments: cases)
    func badInputGetsAClearMessageTheDocumentedCodeAndLosesNothing(_ item: Case) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build first: swift build --build-tests")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bad-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let work = dir.appendingPathComponent("work"), state = dir.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        for setup in item.setup { try Self.place(setup, in: work) }
        let before = try Self.snapshot(work)

        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = state.path
        environment["XDG_CACHE_HOME"] = dir.appendingPathComponent("cache").path
        environment["HOME"] = dir.path
        for (key, value) in item.environment {
            environment[key] = value.hasPrefix("/") ? value : work.appendingPathComponent(value).path
        }
        let (code, stdout, stderr) = try Self.run(item.arguments, in: work, environment: environment)

        #expect(code == item.code, "\(item.name): exit \(code)\nstdout: \(stdout)\nstderr: \(stderr)")
        #expect(stderr.contains(item.says), "\(item.name): the message should say \"\(item.says)\"\nstderr: \(stderr)")
        #expect(!stderr.contains("Fatal error") && !stderr.contains("Program crashed") && !stderr.contains("NSURLErrorDomain"))
        #expect(!stdout.contains("Error:"), "\(item.name): errors belong on standard error\nstdout: \(stdout)")
        #expect(try Self.snapshot(work) == before, "\(item.name): a file was changed or lost")
    }

    @Test func theTableIsLargeEnough() {
        #expect(Self.cases.count >= 60)
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count)
    }

    // MARK: plumbing

    static func place(_ setup: Setup, in dir: URL) throws {
        let manager = FileManager.default
        func parent(_ path: String) throws -> URL {
            let url = dir.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            return url
        }
        switch setup {
        case .file(let path, let text): try Data(text.utf8).write(to: try parent(path))
        case .bytes(let path, let bytes): try Data(bytes).write(to: try parent(path))
        case .directory(let path): try manager.createDirectory(at: dir.appendingPathComponent(path), withIntermediateDirectories: true)
        case .executable(let path, let text):
            let url = try parent(path)
            try Data(text.utf8).write(to: url)
            try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        case .archive(let path, let entries, let link):
            let url = try parent(path)
            try Data(TarGz.archive(entries, link: link)).write(to: url)
        }
    }

    /// Every file under `dir` with its contents (directories as names only).
    static func snapshot(_ dir: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: dir.path) else { return result }
        for case let path as String in walker {
            let url = dir.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            result[path] = isDirectory.boolValue ? Data() : (try? Data(contentsOf: url)) ?? Data([0])
        }
        return result
    }

    static func run(_ arguments: [String], in dir: URL, environment: [String: String]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = dir
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}

extension Array where Element == String {
    /// The command name first, then these arguments.
    func prefixed(_ command: String) -> [String] { [command] + self }
}

extension ArraySlice where Element == String {
    static func + (lhs: ArraySlice<String>, rhs: [String]) -> [String] { Array(lhs) + rhs }
}
