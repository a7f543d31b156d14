#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
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

/// An `HTTPFetcher` on libcurl, with a timeout and a size limit. (libcurl rather than
/// URLSession: Foundation's networking would link all of Foundation and its ICU data, a
/// third of the program's size.)
public struct CurlFetcher: HTTPFetcher {
    /// Seconds before a request is given up.
    public var timeout: TimeInterval
    /// The largest body accepted, in bytes.
    public var maxBytes: Int

    /// A fetcher; 30 s and 64 MiB suit chart indexes and archives.
    public init(timeout: TimeInterval = 30, maxBytes: Int = 64 << 20) { self.timeout = timeout; self.maxBytes = maxBytes }

    /// GETs `url` (https or http: chart digests guard integrity, HTTPS guards the index itself).
    public func get(_ url: String) async throws -> HTTPResponse {
        guard let u = URL(string: url), u.scheme == "https" || u.scheme == "http" else {
            throw ChartSourceError.badURL(url)
        }
        let (timeout, maxBytes) = (timeout, maxBytes)
        let outcome = await BlockingWork.run(timeout: .seconds(timeout + 5),
                                             onTimeout: CurlTransfer.Outcome.failed("no answer within \(Int(timeout)) seconds", code: 28)) {
            CurlTransfer.get(url, timeout: timeout, maxBytes: maxBytes)
        }
        switch outcome {
        case .response(let status, let body): return HTTPResponse(status: status, body: body)
        case .tooLarge(let bytes): throw ChartSourceError.tooLarge(url: url, bytes: bytes)
        case .failed(let reason, let code): throw HTTPFetchError(reason: reason, curlCode: code)
        }
    }
}

/// Why a download got no answer (offline, DNS, TLS, timeout), in libcurl's words.
public struct HTTPFetchError: Error, Equatable, CustomStringConvertible {
    /// libcurl's explanation, e.g. `Could not resolve host: charts.example.com`.
    public let reason: String
    /// libcurl's CURLcode (6: host not found, 7: connection refused, 28: timeout, 35/51/60: TLS); 0 when unknown.
    public var curlCode: Int = 0

    /// An error.
    public init(reason: String, curlCode: Int = 0) { self.reason = reason; self.curlCode = curlCode }
    /// The reason.
    public var description: String { reason }
}
