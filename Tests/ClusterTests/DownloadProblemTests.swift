import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import Cluster

/// Failures to reach the chart repository are told in words with what to do, never as
/// Foundation's error text.
@Suite struct DownloadProblemTests {
    static let url = "https://posthog.github.io/charts-clickhouse/index.yaml"

    @Test(arguments: [
        (URLError.Code.notConnectedToInternet, "not connected to the internet"),
        (.cannotFindHost, "posthog.github.io could not be looked up (DNS)"),
        (.dnsLookupFailed, "(DNS)"),
        (.timedOut, "did not answer in time"),
        (.cannotConnectToHost, "connection to the server failed"),
        (.secureConnectionFailed, "secure (HTTPS) connection failed"),
        (.serverCertificateUntrusted, "proxy or firewall that inspects HTTPS"),
        (.serverCertificateHasBadDate, "wrong system clock"),
    ])
    func urlErrorsInWords(_ code: URLError.Code, _ words: String) {
        let text = DownloadProblem.from(URLError(code), url: Self.url).description
        #expect(text.contains(words), "\(text)")
        #expect(!text.contains("NSURLErrorDomain"))
        #expect(!text.contains("Error Domain"))
    }

    @Test func anNSErrorOfTheURLDomainIsRecognisedToo() {
        let error = NSError(domain: NSURLErrorDomain, code: URLError.Code.notConnectedToInternet.rawValue)
        #expect(DownloadProblem.from(error, url: Self.url) == .offline)
    }

    @Test(arguments: [(404, "nothing at that address"), (403, "refused access"), (503, "try again later"), (429, "slow down")])
    func httpErrors(_ status: Int, _ words: String) {
        #expect(DownloadProblem.http(status).description.contains(words))
    }

    @Test func theMessageSaysToUseADownloadedChart() async throws {
        struct Failing: HTTPFetcher {
            func get(_ url: String) async throws -> HTTPResponse { throw URLError(.notConnectedToInternet) }
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("download-problem-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let source = ChartSource(fetcher: Failing(), paths: .init(environment: ["HOME": dir]))
        do {
            _ = try await source.resolve(ChartRequest(version: "30.46.0", allowStandin: false))
            Issue.record("resolved without a network")
        } catch {
            let text = "\(error)"
            #expect(text.contains("not connected to the internet"), "\(text)")
            #expect(text.contains("--chart"))
            #expect(!text.contains("NSURLErrorDomain"))
        }
    }
}
