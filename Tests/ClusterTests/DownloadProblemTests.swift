import Foundation
import Testing
@testable import Cluster

/// Failures to reach the chart repository are told in words with what to do, never as
/// Foundation's error text.
@Suite struct DownloadProblemTests {
    static let url = "https://posthog.github.io/charts-clickhouse/index.yaml"

    @Test(arguments: [
        (6, "posthog.github.io could not be looked up (DNS)"),
        (5, "(DNS)"),
        (28, "did not answer in time"),
        (7, "connection to the server failed"),
        (35, "secure (HTTPS) connection failed"),
        (60, "proxy or firewall that inspects HTTPS"),
        (60, "wrong system clock"),
    ])
    func curlErrorsInWords(_ code: Int, _ words: String) {
        let text = DownloadProblem.from(HTTPFetchError(reason: "libcurl said something", curlCode: code), url: Self.url).description
        #expect(text.contains(words), "\(text)")
        #expect(!text.contains("libcurl said"))
    }

    @Test func anUnknownCodeKeepsLibcurlsOwnWords() {
        #expect(DownloadProblem.from(HTTPFetchError(reason: "Weird failure", curlCode: 99), url: Self.url) == .other("Weird failure"))
    }

    @Test(arguments: [(404, "nothing at that address"), (403, "refused access"), (503, "try again later"), (429, "slow down")])
    func httpErrors(_ status: Int, _ words: String) {
        #expect(DownloadProblem.http(status).description.contains(words))
    }

    @Test func theMessageSaysToUseADownloadedChart() async throws {
        struct Failing: HTTPFetcher {
            func get(_ url: String) async throws -> HTTPResponse { throw HTTPFetchError(reason: "Could not resolve host: posthog.github.io", curlCode: 6) }
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("download-problem-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let source = ChartSource(fetcher: Failing(), paths: .init(environment: ["HOME": dir]))
        do {
            _ = try await source.resolve(ChartRequest(version: "30.46.0", allowStandin: false))
            Issue.record("resolved without a network")
        } catch {
            let text = "\(error)"
            #expect(text.contains("could not be looked up (DNS)"), "\(text)")
            #expect(text.contains("--chart"))
            #expect(!text.contains("Could not resolve host"))
        }
    }
}
