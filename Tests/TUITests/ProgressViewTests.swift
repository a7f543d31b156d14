import Effects
import Testing
@testable import TUI

@Suite struct ProgressViewTests {
    static let pods = [
        PodRow(name: "posthog-web-7d9f8c6b5-x2x7q", health: .ready, status: "Running", ready: "1/1", restarts: 0, age: "4m"),
        PodRow(name: "posthog-worker-5c4b7f9d8-abcde", health: .failing, status: "CrashLoopBackOff", ready: "0/1", restarts: 5, age: "4m"),
        PodRow(name: "chi-posthog-posthog-0-0-0", health: .waiting, status: "Pending", ready: "0/1", restarts: 0, age: "4m"),
        PodRow(name: "posthog-migrate-2024-x8z", health: .completed, status: "Completed", ready: "0/1", restarts: 0, age: "5m"),
    ]

    static let model = InstallProgressModel(
        steps: [.init("Add the chart repository", .done), .init("Update chart repositories", .done),
                .init("Install the chart (helm install)", .running), .init("Wait for pods to be ready", .pending)],
        outputTail: ["NAME: posthog", "LAST DEPLOYED: Mon Jun  3 10:00:00 2024", "NAMESPACE: posthog", "STATUS: pending-install"],
        pods: pods, ready: 2, total: 12, elapsedSeconds: 272)

    @Test func progress() {
        let canvas = InstallProgressView.render(Self.model, size: .minimum)
        Golden.check(canvas.plainText(), "progress")
        #expect(canvas.plainText().contains("✗ CrashLoopBackOff"), "status carries a symbol, not colour alone")
    }

    @Test func progressWithADiagnosis() {
        var model = Self.model
        model.diagnosis = .init(title: "3 pods cannot be scheduled",
                                cause: "The cluster has too little memory: kubectl describe pod shows FailedScheduling, Insufficient memory.",
                                fix: ["Add nodes or use bigger ones: at least 4 vCPU and 4 GiB memory in total.",
                                      "Then run posthog-install status to watch the pods start."])
        Golden.check(InstallProgressView.render(model, size: .minimum, glyphs: .ascii).plainText(), "progress-diagnosis")
    }

    @Test func postInstall() {
        let model = PostInstallModel(hostname: "posthog.example.com", recordType: "A", address: "203.0.113.10", checks: [
            .init(.ok, "DNS: posthog.example.com resolves to 203.0.113.10"),
            .init(.pending, "TLS: the certificate is not issued yet", fix: "cert-manager retries every few minutes; run posthog-install status to check again."),
        ], url: "https://posthog.example.com")
        Golden.check(InstallProgressView.renderPostInstall(model, size: .minimum).plainText(), "post-install")
    }

    @Test func durations() {
        #expect(InstallProgressView.duration(42) == "42s")
        #expect(InstallProgressView.duration(272) == "4m 32s")
        #expect(InstallProgressView.duration(3845) == "1h 04m")
    }

    @Test func progressBarCounts() {
        var canvas = Canvas(width: 20, height: 1)
        ProgressBar.draw(&canvas, done: 5, total: 10, x: 0, y: 0, width: 20, glyphs: .ascii)
        #expect(canvas.row(0) == "[######.......] 5/10")
        var empty = Canvas(width: 12, height: 1)
        ProgressBar.draw(&empty, done: 0, total: 0, x: 0, y: 0, width: 12, glyphs: .ascii)
        #expect(empty.row(0) == "[......] 0/0")
    }
}
