import Effects
import Foundation
import PosthogTestSupport
import Testing
@testable import Cluster

@Suite struct ChartSourceTests {
    typealias F = ChartSourceFixture
    static let cache = "/home/me/.cache/posthog-install/charts"

    static func setup(tgz: [UInt8], digest: String? = nil) -> (FakeFetcher, InMemoryFileSystem, ChartSource) {
        let fetcher = FakeFetcher([
            F.repo + "index.yaml": HTTPResponse(status: 200, body: Array(F.index(digest: digest ?? ChartDigest.sha256Hex(tgz)).utf8)),
            F.repo + "posthog-30.46.0.tgz": HTTPResponse(status: 200, body: tgz),
        ])
        let fs = InMemoryFileSystem()
        return (fetcher, fs, ChartSource(fetcher: fetcher, files: fs, cacheDirectory: Self.cache))
    }

    @Test func digestIsSHA256() {
        #expect(ChartDigest.sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ChartDigest.sha256Hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func downloadsThePinnedVersionVerifiesAndCaches() async throws {
        let tgz = TinyTarball.chart(version: "30.46.0")
        let (fetcher, fs, source) = Self.setup(tgz: tgz)
        let chart = try await source.resolve(ChartRequest(version: "30.46.0"))
        #expect(chart.origin == .repository(url: F.repo, cachePath: Self.cache + "/posthog-30.46.0.tgz", fromCache: false))
        #expect(chart.version == "30.46.0")
        #expect(chart.label == "posthog 30.46.0 from \(F.repo)")
        #expect(!chart.isStandin)
        #expect(fetcher.requests == [F.repo + "index.yaml", F.repo + "posthog-30.46.0.tgz"])
        #expect(fs.node(Self.cache + "/posthog-30.46.0.tgz") != nil)
        let loaded = try chart.load()
        #expect(loaded.metadata.version == "30.46.0")
        #expect(chart.helmPath == Self.cache + "/posthog-30.46.0.tgz")
    }

    @Test func defaultVersionIsUsedWhenNoneIsPinned() async throws {
        let tgz = TinyTarball.chart(version: "30.46.0")
        let (_, _, source) = Self.setup(tgz: tgz)
        let chart = try await source.resolve(ChartRequest(defaultVersion: "30.46.0"))
        #expect(chart.version == "30.46.0")
    }

    @Test func reusesTheCacheWithoutDownloadingAgain() async throws {
        let tgz = TinyTarball.chart(version: "30.46.0")
        let (fetcher, _, source) = Self.setup(tgz: tgz)
        _ = try await source.resolve(ChartRequest(version: "30.46.0"))
        let again = try await source.resolve(ChartRequest(version: "30.46.0"))
        guard case .repository(_, _, let fromCache) = again.origin else { Issue.record("not a repository chart"); return }
        #expect(fromCache)
        #expect(fetcher.requests.filter { $0.hasSuffix(".tgz") }.count == 1)
    }

    @Test func worksOfflineFromTheCache() async throws {
        let tgz = TinyTarball.chart(version: "30.46.0")
        let (fetcher, _, source) = Self.setup(tgz: tgz)
        _ = try await source.resolve(ChartRequest(version: "30.46.0"))
        fetcher.set(F.repo + "index.yaml", nil)
        fetcher.set(F.repo + "posthog-30.46.0.tgz", nil)
        let offline = try await source.resolve(ChartRequest(version: "30.46.0"))
        #expect(offline.archive == tgz)
        #expect(offline.notes.first?.contains("using the chart index cached earlier") == true)
    }

    @Test func offlineWithoutIndexButCachedArchive() async throws {
        let tgz = TinyTarball.chart(version: "30.46.0")
        let fs = InMemoryFileSystem()
        try fs.makeDirectories(Self.cache, mode: 0o700)
        _ = try fs.writeAtomically(Self.cache + "/posthog-30.46.0.tgz", tgz, mode: 0o644, backup: .none)
        let source = ChartSource(fetcher: FakeFetcher(), files: fs, cacheDirectory: Self.cache)
        let chart = try await source.resolve(ChartRequest(version: "30.46.0"))
        #expect(chart.archive == tgz)
        #expect(chart.notes.first?.contains("network is unreachable") == true)
    }

    @Test func digestMismatchIsRefusedAndNotCached() async throws {
        let tgz = TinyTarball.chart(version: "30.46.0")
        let (_, fs, source) = Self.setup(tgz: tgz, digest: String(repeating: "ab", count: 32))
        await #expect(throws: ChartSourceError.digestMismatch(file: F.repo + "posthog-30.46.0.tgz",
                                                              expected: String(repeating: "ab", count: 32),
                                                              actual: ChartDigest.sha256Hex(tgz))) {
            _ = try await source.resolve(ChartRequest(version: "30.46.0"))
        }
        #expect(fs.node(Self.cache + "/posthog-30.46.0.tgz") == nil)
    }

    @Test func corruptCacheIsDownloadedAgain() async throws {
        let tgz = TinyTarball.chart(version: "30.46.0")
        let (fetcher, fs, source) = Self.setup(tgz: tgz)
        try fs.makeDirectories(Self.cache, mode: 0o700)
        _ = try fs.writeAtomically(Self.cache + "/posthog-30.46.0.tgz", [1, 2, 3], mode: 0o644, backup: .none)
        let chart = try await source.resolve(ChartRequest(version: "30.46.0"))
        #expect(chart.archive == tgz)
        #expect(fetcher.requests.last == F.repo + "posthog-30.46.0.tgz")
    }

    @Test func unknownVersionNamesNearbyOnes() async throws {
        let (_, _, source) = Self.setup(tgz: TinyTarball.chart(version: "30.46.0"))
        await #expect(throws: ChartSourceError.versionNotFound(chart: "posthog", version: "30.47.0", nearest: ["30.46.0", "30.45.0", "31.0.0-rc.1"])) {
            _ = try await source.resolve(ChartRequest(version: "30.47.0"))
        }
    }

    @Test func newestReleaseSkipsPreReleases() throws {
        let index = try ChartRepositoryIndex(yaml: F.index(digest: "x"), source: "index.yaml")
        #expect(index.newest(chart: "posthog")?.version == "30.46.0")
        #expect(index.entries["posthog"]?.map(\.version) == ["31.0.0-rc.1", "30.46.0", "30.45.0"])
        #expect(index.entry(chart: "posthog", version: "v30.45.0")?.urls.first?.hasSuffix("posthog-30.45.0.tgz") == true)
    }

    @Test(arguments: [
        ("[1, 2]", "it is not a YAML mapping"),
        ("apiVersion: v1", "it has no `entries` mapping"),
        ("entries:\n  posthog: 3", "entries.posthog is not a list"),
        ("entries:\n  posthog:\n    - name: posthog", "entries.posthog[0] has no version"),
    ])
    func badIndexes(text: String, message: String) {
        #expect(throws: ChartSourceError.badIndex(url: "index.yaml", message: message)) {
            _ = try ChartRepositoryIndex(yaml: text, source: "index.yaml")
        }
    }

    @Test func fallsBackToTheStandinOnlyWhenNoChartWasGiven() async throws {
        let source = ChartSource(fetcher: FakeFetcher(), files: InMemoryFileSystem(), cacheDirectory: Self.cache)
        let standin = try await source.resolve(ChartRequest(defaultVersion: "30.46.0"))
        #expect(standin.isStandin)
        #expect(standin.label.hasPrefix("STAND-IN chart"))
        #expect(standin.notes.first?.contains("not for a real install") == true)
        #expect(standin.helmPath == nil)
        let chart = try standin.load()
        #expect(chart.metadata.name == "posthog")
        await #expect(throws: ChartSourceError.unreachable(url: F.repo + "index.yaml", reason: "network is unreachable")) {
            _ = try await source.resolve(ChartRequest(chart: "posthog/posthog", version: "30.46.0"))
        }
        await #expect(throws: ChartSourceError.self) {
            _ = try await source.resolve(ChartRequest(defaultVersion: "30.46.0", allowStandin: false))
        }
    }

    @Test func localChartsAndBadReferences() async throws {
        let fs = InMemoryFileSystem(files: ["/charts/posthog/Chart.yaml": "name: posthog\n", "/charts/empty/README": "x",
                                            "/charts/posthog-1.0.0.tgz": "not really"])
        let source = ChartSource(fetcher: FakeFetcher(), files: fs, cacheDirectory: Self.cache)
        #expect(try await source.resolve(ChartRequest(chart: "/charts/posthog")).origin == .directory("/charts/posthog"))
        let tgz = try await source.resolve(ChartRequest(chart: "/charts/posthog-1.0.0.tgz"))
        #expect(tgz.origin == .archive("/charts/posthog-1.0.0.tgz"))
        #expect(tgz.archive == Array("not really".utf8))
        await #expect(throws: ChartSourceError.notAChart("/charts/empty")) { _ = try await source.resolve(ChartRequest(chart: "/charts/empty")) }
        await #expect(throws: ChartSourceError.notFound("./missing.tgz")) { _ = try await source.resolve(ChartRequest(chart: "./missing.tgz")) }
        await #expect(throws: ChartSourceError.unknownRepository("bitnami")) { _ = try await source.resolve(ChartRequest(chart: "bitnami/redis")) }
    }

    @Test(arguments: [
        ("posthog/posthog", ChartReference?.some(.repository(name: "posthog", chart: "posthog"))),
        ("posthog", nil), ("a/b/c", nil), ("/posthog", nil), ("posthog/", nil), ("./x/y", nil), ("x/y.tgz", nil),
    ])
    func classify(text: String, expected: ChartReference?) {
        let got = try? ChartReference.classify(text) { _ in nil }
        #expect(got == expected)
    }

    @Test func errorsSpeakToPeople() {
        #expect(ChartSourceError.unknownRepository("bitnami").description.contains("helm repo add bitnami URL"))
        #expect(ChartSourceError.versionNotFound(chart: "posthog", version: "9", nearest: ["30.1.0"]).description
                == "Chart posthog has no version 9 in the repository. Nearby versions: 30.1.0. Pass one of them with --chart-version.")
        #expect(ChartSourceError.unreachable(url: "u", reason: "r").description.contains("--chart"))
    }

    @Test func cacheLivesUnderXDG() {
        let paths = XDGPaths(environment: ["HOME": "/home/me", "XDG_CACHE_HOME": "/var/cache/me"])
        let source = ChartSource(fetcher: FakeFetcher(), files: InMemoryFileSystem(), paths: paths)
        #expect(source.cacheDirectory == "/var/cache/me/posthog-install/charts")
    }
}
