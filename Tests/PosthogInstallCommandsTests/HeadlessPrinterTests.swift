import Cluster
import Foundation
import Installer
import Kube
import Effects
import PosthogTestSupport
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
        #expect(printer.lines(for: .progress(update(ready: 0, of: 13, pods: 9), elapsed: .seconds(2))) == ["  0/9 pods ready (2s)"])
        #expect(printer.lines(for: .progress(update(ready: 0, of: 13, pods: 9), elapsed: .seconds(4))).isEmpty)
        #expect(printer.lines(for: .progress(update(ready: 3, of: 13, podsReady: 2, pods: 9), elapsed: .seconds(6)))
                == ["  2/9 pods ready (6s)"])
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

    @Test func aLongWaitPrintsAtLeastEveryThirtySecondsWithWhatIsNotReady() {
        let printer = HeadlessPrinter(emit: { _ in })
        var waiting = update(ready: 1, of: 2)
        waiting.summary.items = [ObjectProgress(kind: "Deployment", name: "posthog-web", status: ObjectStatus(.current, "1 of 1 available")),
                                 ObjectProgress(kind: "StatefulSet", name: "posthog-clickhouse", status: ObjectStatus(.inProgress, "0 of 1 ready"))]
        #expect(printer.lines(for: .progress(waiting, elapsed: .seconds(10)))
                == ["  1/2 objects ready (10s); waiting for StatefulSet posthog-clickhouse (0 of 1 ready)"])
        #expect(printer.lines(for: .progress(waiting, elapsed: .seconds(34))).isEmpty)
        #expect(printer.lines(for: .progress(waiting, elapsed: .seconds(35))).count == 1, "25 s without a line")
        #expect(printer.lines(for: .progress(waiting, elapsed: .seconds(125))).first?.hasPrefix("  1/2 objects ready (2m05s)") == true)
        #expect(printer.lines(for: .heartbeat("still running (30s): Install")) == ["  … still running (30s): Install"])
    }

    @Test func multiLineDetailsAreIndentedWhole() {
        let report = PreflightReport(checks: [PreflightCheck(.staticIP, .warn, "gcloud failed", details: ["gcloud said:", "  a\nb"])])
        #expect(HeadlessPrinter(emit: { _ in }).lines(for: .preflight(report)).dropFirst() == ["      gcloud said:", "        a", "      b"])
    }

    @Test func notesWithSeveralLinesBecomeSeveralLines() {
        #expect(HeadlessPrinter(emit: { _ in }).lines(for: .note("a\n\nb")) == ["a", "", "b"])
    }

    @Test func failuresGoToTheErrorStreamAndNotesDoNot() {
        let out = InstallCommandTests.Lines(), err = InstallCommandTests.Lines()
        let printer = HeadlessPrinter(emit: { out.append($0) }, emitError: { err.append($0) })
        printer.print(.note("Plan ready"))
        printer.print(.failure("Error: helm failed\nfix: run it again"))
        #expect(out.all == ["Plan ready"])
        #expect(err.all == ["Error: helm failed", "fix: run it again"])
    }

    @Test func anInstallRefusingAnAnswerSaysSoOnTheErrorStream() async throws {
        let out = InstallCommandTests.Lines(), err = InstallCommandTests.Lines()
        let files = InMemoryFileSystem()
        let connection = try TestConnections.simulated(nodes: "2x2cpu4gi", clock: FastClock(factor: 20), files: files)
        let run = InstallRun(files: files, profiles: InstallCommandTests.profiles, secrets: SystemSecretSource(), connection: connection,
                             clock: FastClock(factor: 20), emit: { out.append($0) }, emitError: { err.append($0) })
        let command = try InstallCommand.parse(["--cloud", "do", "--hostname", "https://x.example.com", "--tier", "small", "--simulate"])
        #expect(await run.execute(command.request) == .badInput)
        #expect(err.text.hasPrefix("Error: "), "\(err.text)")
        #expect(!out.text.contains("Error:"), "\(out.text)")
    }
}
