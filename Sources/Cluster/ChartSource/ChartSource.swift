import Effects

/// Resolves `--chart` / `--chart-version` to a chart: a directory or archive on disk, or a
/// repository chart downloaded (index.yaml, pinned version, sha256-checked .tgz) into the cache
/// and reused offline; the built-in stand-in when nothing can be fetched and no chart was given.
public struct ChartSource: Sendable {
    /// The network.
    public var fetcher: any HTTPFetcher
    /// The disk.
    public var files: any FileSystem
    /// `$XDG_CACHE_HOME/posthog-install/charts`.
    public var cacheDirectory: String

    /// A source caching under `cacheDirectory`.
    public init(fetcher: any HTTPFetcher, files: any FileSystem, cacheDirectory: String) {
        self.fetcher = fetcher; self.files = files; self.cacheDirectory = cacheDirectory
    }

    /// A source caching in the XDG cache directory (`…/posthog-install/charts`).
    public init(fetcher: any HTTPFetcher = CurlFetcher(), files: any FileSystem = LocalFileSystem(), paths: XDGPaths) {
        self.init(fetcher: fetcher, files: files, cacheDirectory: joinPath(paths.cacheDirectory, "charts"))
    }

    /// Resolves the request.
    public func resolve(_ request: ChartRequest) async throws(ChartSourceError) -> ResolvedChart {
        if let given = request.chart {
            let fs = files
            let ref = try ChartReference.classify(given) { path in
                switch fs.kind(of: path) {
                case .directory?: return .directory
                case .file?: return .file
                default: return nil
                }
            }
            return try await resolve(ref, request: request)
        }
        let ref = try ChartReference.classify(request.defaultChart) { _ in nil }
        do {
            return try await resolve(ref, request: request)
        } catch {
            guard case let .unreachable(url, reason) = error, request.allowStandin else { throw error }
            let why = "the PostHog chart could not be fetched from \(url) (\(reason)) and no copy is cached"
            return ResolvedChart(origin: .standin(reason: why), name: "posthog", version: "", archive: nil,
                                 notes: ["Using the built-in STAND-IN chart because \(why). It only imitates the real chart's shape: fine for --simulate and previews, not for a real install. Pass --chart with a downloaded chart to use the real one."])
        }
    }

    private func resolve(_ ref: ChartReference, request: ChartRequest) async throws(ChartSourceError) -> ResolvedChart {
        switch ref {
        case .directory(let dir):
            guard files.kind(of: joinPath(dir, "Chart.yaml")) == .file else { throw .notAChart(dir) }
            return ResolvedChart(origin: .directory(dir), name: "", version: "", archive: nil, notes: [])
        case .archive(let path):
            let bytes: [UInt8]
            do { bytes = try files.readBytes(path) } catch { throw .cache("\(error)") }
            return ResolvedChart(origin: .archive(path), name: "", version: "", archive: bytes, notes: [])
        case let .repository(name, chart):
            guard let url = request.repositories[name] else { throw .unknownRepository(name) }
            return try await fromRepository(url: url, chart: chart, version: request.version ?? request.defaultVersion)
        }
    }

    /// The cache file of a repository's index.
    func indexCachePath(_ url: String) -> String {
        let slug = String(url.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        return joinPath(cacheDirectory, "index-\(slug).yaml")
    }

    /// The cache file of a chart archive.
    public func archiveCachePath(chart: String, version: String) -> String {
        joinPath(cacheDirectory, "\(chart)-\(version).tgz")
    }

    private func fromRepository(url: String, chart: String, version: String?) async throws(ChartSourceError) -> ResolvedChart {
        let base = url.hasSuffix("/") ? url : url + "/"
        let indexURL = base + "index.yaml"
        var notes: [String] = []
        var index: ChartRepositoryIndex?
        var failure = ""
        switch await download(indexURL) {
        case .success(let body):
            index = try ChartRepositoryIndex(yaml: String(decoding: body, as: UTF8.self), source: indexURL)
            store(body, at: indexCachePath(url))
        case .failure(let reason):
            failure = reason
            if let cached = cached(indexCachePath(url)) {
                index = try ChartRepositoryIndex(yaml: String(decoding: cached, as: UTF8.self), source: indexCachePath(url))
                notes.append("Could not reach \(indexURL) (\(reason)); using the chart index cached earlier.")
            }
        }
        guard let index else {
            // Offline without an index: a pinned version already in the cache is still usable.
            if let version, let bytes = cached(archiveCachePath(chart: chart, version: version)) {
                notes.append("Could not reach \(indexURL) (\(failure)); using the cached \(chart) \(version), checked when it was downloaded.")
                return ResolvedChart(origin: .repository(url: url, cachePath: archiveCachePath(chart: chart, version: version), fromCache: true),
                                     name: chart, version: version, archive: bytes, notes: notes)
            }
            throw .unreachable(url: indexURL, reason: failure)
        }
        guard index.entries[chart] != nil else { throw .chartNotInIndex(chart: chart, url: url) }
        let picked = version.map { index.entry(chart: chart, version: $0) } ?? index.newest(chart: chart)
        guard let entry = picked else {
            throw .versionNotFound(chart: chart, version: version ?? "(newest)", nearest: index.nearest(chart: chart, to: version ?? ""))
        }
        if entry.deprecated { notes.append("\(chart) \(entry.version) is marked deprecated in the repository.") }
        let path = archiveCachePath(chart: chart, version: entry.version)
        if let bytes = cached(path), entry.digest.isEmpty || ChartDigest.sha256Hex(bytes) == entry.digest {
            return ResolvedChart(origin: .repository(url: url, cachePath: path, fromCache: true), name: chart,
                                 version: entry.version, archive: bytes, notes: notes)
        }
        var lastFailure = "the index lists no download address"
        for link in entry.urls {
            let absolute = link.contains("://") ? link : base + link
            switch await download(absolute) {
            case .failure(let reason):
                lastFailure = reason
            case .success(let bytes):
                let actual = ChartDigest.sha256Hex(bytes)
                if !entry.digest.isEmpty && actual != entry.digest {
                    throw .digestMismatch(file: absolute, expected: entry.digest, actual: actual)
                }
                if entry.digest.isEmpty { notes.append("The repository publishes no checksum for \(chart) \(entry.version); it could not be verified.") }
                store(bytes, at: path)
                return ResolvedChart(origin: .repository(url: url, cachePath: path, fromCache: false), name: chart,
                                     version: entry.version, archive: bytes, notes: notes)
            }
        }
        throw .unreachable(url: entry.urls.first ?? indexURL, reason: lastFailure)
    }

    private enum Download { case success([UInt8]), failure(String) }

    private func download(_ url: String) async -> Download {
        do {
            let r = try await fetcher.get(url)
            return r.status == 200 ? .success(r.body) : .failure(DownloadProblem.http(r.status).description)
        } catch {
            return .failure(DownloadProblem.from(error, url: url).description)
        }
    }

    private func cached(_ path: String) -> [UInt8]? {
        guard files.kind(of: path) == .file else { return nil }
        return try? files.readBytes(path)
    }

    /// Writes into the cache; a cache that cannot be written only costs a later download.
    private func store(_ bytes: [UInt8], at path: String) {
        do {
            try files.makeDirectories(cacheDirectory, mode: 0o700)
            _ = try files.writeAtomically(path, bytes, mode: 0o644, backup: .none)
        } catch {
            return
        }
    }
}
