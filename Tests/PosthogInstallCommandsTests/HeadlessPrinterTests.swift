import Cluster
import Foundation
import Installer
import Kube
import Testing
@testable import PosthogInstallCommands

/// The headless printer: the lines a script's log shows for each event.
@Suite struct HeadlessPrinterTests {
    func update(ready: Int, of total: Int, podsReady: Int = 0, pods: Int = 0) -> NamespacePollUpdate {
        var update = NamespacePollUpdate.evaluate(NamespaceObjects(), now: Date(timeIntervalSince1970: 0))
        update.summary.ready = ready
        update.summary.total = total
        update.summary.pods = (0..<pods).map { i in
            ObjectProgress(kind: "Pod", name: "pod-\(i)", status: ObjectStatus(i < podsReady ? .current : .inProgress, ""))
        }
        return update
    }

    @Test func progressCountsPodsAsThePreflightDoesAndIsPrintedOnlyWhenItChanges() {
        let printer = HeadlessPrinter(emit: { _ in })
        #expect(printer.lines(for: .progress(update(ready: 0, of: 13, pods: 9), elapsed: .seconds(2))) == ["  0/9 pods ready, 0/13 objects (2s)"])
        #expect(printer.lines(for: .progress(update(ready: 0, of: 13, pods: 9), elapsed: .seconds(4))).isEmpty)
        #expect(printer.lines(for: .progress(update(ready: 3, of: 13, podsReady: 2, pods: 9), elapsed: .seconds(6)))
                == ["  2/9 pods ready, 3/13 objects (6s)"])
    }

    @Test func afterASimulatedRunTheSuggestedStatusCommandCarriesSimulate() {
        let record = DNSInstruction.make(hostname: "posthog.example.com", address: ExternalAddress(kind: .ipv4, value: "203.0.113.9"))
        let simulated = HeadlessPrinter(emit: { _ in }, simulated: true)
            .lines(for: .dnsRecord(record, hostname: "posthog.example.com", url: "https://posthog.example.com"))
        #expect(simulated.last == "Check it any time with: posthog-install status --simulate")
        let real = HeadlessPrinter(emit: { _ in }).lines(for: .dnsRecord(record, hostname: "posthog.example.com", url: "https://posthog.example.com"))
        #expect(real.last == "Check it any time with: posthog-install status")
    }

    @Test func preflightChecksShowASymbolAndTheFixForProblems() {
        let report = PreflightReport(checks: [
            PreflightCheck(.storage, .pass, "default class do-block-storage"),
            PreflightCheck(.clusterSize, .fail, "1 usable node", fix: "add a node", details: ["node a: 2 vCPU"]),
        ])
        let lines = HeadlessPrinter(emit: { _ in }).lines(for: .preflight(report))
        #expect(lines == ["  ✓ \(report.checks[0].title): default class do-block-storage", "  ✗ \(report.checks[1].title): 1 usable node",
                          "      node a: 2 vCPU", "      fix: add a node"])
    }

    @Test func notesWithSeveralLinesBecomeSeveralLines() {
        #expect(HeadlessPrinter(emit: { _ in }).lines(for: .note("a\n\nb")) == ["a", "", "b"])
    }
}
