#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why a download from a chart repository failed, in words, with what to do, never a raw
/// library error code.
public enum DownloadProblem: Hashable, Sendable, CustomStringConvertible {
    /// No network at all.
    case offline
    /// The host name did not resolve.
    case hostNotFound(String)
    /// Nothing answered in time.
    case timedOut
    /// The server refused or dropped the connection.
    case connectionFailed
    /// The HTTPS handshake failed (certificate, proxy, clock).
    case secureConnection
    /// The server answered with an HTTP error.
    case http(Int)
    /// Anything else, described as well as we can.
    case other(String)

    /// The problem for an error thrown by a fetch of `url` (libcurl's codes: CURLcode).
    public static func from(_ error: any Error, url: String) -> DownloadProblem {
        let host = URL(string: url)?.host ?? url
        guard let fetch = error as? HTTPFetchError else { return .other("\(error)") }
        switch fetch.curlCode {
        case 5, 6: return .hostNotFound(host)
        case 28: return .timedOut
        case 7, 52, 55, 56: return .connectionFailed
        case 35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91: return .secureConnection
        default: return .other(fetch.reason)
        }
    }

    /// What happened and what to do, in a few words.
    public var description: String {
        switch self {
        case .offline:
            return "this computer is not connected to the internet; connect it, or use a chart you downloaded elsewhere"
        case .hostNotFound(let host):
            return "the name \(host) could not be looked up (DNS); check the internet connection and DNS or proxy settings (HTTPS_PROXY)"
        case .timedOut:
            return "the server did not answer in time; a firewall may be blocking it, or try again later"
        case .connectionFailed:
            return "the connection to the server failed; a firewall or proxy may be in the way, or try again later"
        case .secureConnection:
            return "the secure (HTTPS) connection failed: a proxy or firewall that inspects HTTPS, a missing CA certificate, "
                + "or a wrong system clock usually causes this"
        case .http(let status):
            switch status {
            case 404, 410: return "the server has nothing at that address (HTTP \(status)); the chart may have moved"
            case 401, 403: return "the server refused access (HTTP \(status)); a proxy may need a login"
            case 429: return "the server asks to slow down (HTTP 429); try again in a few minutes"
            case 500...599: return "the chart repository's server has a problem (HTTP \(status)); try again later"
            default: return "the server answered HTTP \(status)"
            }
        case .other(let text):
            return text
        }
    }
}
