import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The answer to an HTTP GET.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code (200 on success).
    public var status: Int
    /// The body.
    public var body: [UInt8]

    /// A response.
    public init(status: Int, body: [UInt8]) { self.status = status; self.body = body }
}

/// Downloads over HTTPS; the chart source's only contact with the network.
public protocol HTTPFetcher: Sendable {
    /// GETs `url`; throws when no answer arrives (offline, DNS, TLS), returns non-200 answers as they are.
    func get(_ url: String) async throws -> HTTPResponse
}

/// An `HTTPFetcher` on URLSession, with a timeout and a size limit.
public struct URLSessionFetcher: HTTPFetcher {
    /// Seconds before a request is given up.
    public var timeout: TimeInterval
    /// The largest body accepted, in bytes.
    public var maxBytes: Int

    /// A fetcher; 30 s and 64 MiB suit chart indexes and archives.
    public init(timeout: TimeInterval = 30, maxBytes: Int = 64 << 20) { self.timeout = timeout; self.maxBytes = maxBytes }

    /// GETs `url` (https only: chart digests guard integrity, HTTPS guards the index itself).
    public func get(_ url: String) async throws -> HTTPResponse {
        guard let u = URL(string: url), u.scheme == "https" || u.scheme == "http" else {
            throw ChartSourceError.badURL(url)
        }
        var request = URLRequest(url: u, timeoutInterval: timeout)
        request.setValue("posthog-install", forHTTPHeaderField: "User-Agent")
        let data: Data, response: URLResponse
        do { (data, response) = try await URLSession.shared.data(for: request) } catch {
            // URLSession's errors print as a dump of their user info; keep only the sentence.
            throw FetchFailure(description: (error as NSError).localizedDescription)
        }
        guard data.count <= maxBytes else { throw ChartSourceError.tooLarge(url: url, bytes: data.count) }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        return HTTPResponse(status: status, body: [UInt8](data))
    }
}

/// A download that got no answer, in URLSession's own sentence ("Could not resolve host: …").
public struct FetchFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The sentence.
    public var description: String
}
