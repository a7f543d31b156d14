import Cluster
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer
#if canImport(Glibc)
import Glibc
#endif

/// Gets a repository chart through helm itself (`helm repo add`, `helm pull --version`) when our
/// own download cannot reach the repository: helm may be set up with a proxy, a mirror or
/// credentials that we do not know about, and it is the helm that will install the chart. The
/// archive is kept in our chart cache, so the next run works offline too.
struct ChartPullThroughHelm {
    let connection: ClusterConnection
    let files: any FileSystem
    /// Where the archive is cached (`ChartSource.archiveCachePath`).
    let cachePath: String

    /// Why helm could not get the chart; `isVersionMissing` when the repository lacks that version.
    struct Failure: Error {
        let message: String
        let isVersionMissing: Bool
    }

    /// The chart archive's bytes.
    func pull(info: ChartInfo, version: String) async throws -> [UInt8] {
        let helm = connection.helm
        let add = try await connection.runner.run(helm.repoAddCommand(name: info.repositoryName, url: info.repository))
        guard add.status.isSuccess else { throw failure(add, doing: "helm repo add \(info.repositoryName) \(info.repository)") }
        let update = try await connection.runner.run(helm.repoUpdateCommand)
        guard update.status.isSuccess else { throw failure(update, doing: "helm repo update") }
        let directory = FileManager.default.temporaryDirectory.path + "/posthog-install-pull-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try files.makeDirectories(directory, mode: 0o700)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let reference = "\(info.repositoryName)/\(info.chart)"
        let pull = try await connection.runner.run(ProcessCommand(helm.options.executable,
            ["pull", reference, "--version", version, "--destination", directory], timeout: helm.options.repositoryTimeout))
        guard pull.status.isSuccess else { throw failure(pull, doing: "helm pull \(reference) --version \(version)") }
        guard let name = try files.listDirectory(directory).first(where: { $0.hasSuffix(".tgz") }) else {
            throw Failure(message: "helm pull \(reference) --version \(version) finished but left no chart archive.", isVersionMissing: false)
        }
        let bytes = try files.readBytes(joinPath(directory, name))
        _ = try? files.writeAtomically(cachePath, bytes, mode: 0o600, backup: .none)
        return bytes
    }

    private func failure(_ result: ProcessResult, doing command: String) -> Failure {
        let said = result.standardError.split(separator: "\n").last { $0.hasPrefix("Error") }.map(String.init)
            ?? result.status.description
        return Failure(message: "`\(command)` failed: \(said)", isVersionMissing: said.contains("matching"))
    }
}
