import Effects
import Testing
@testable import TUI

/// The pods table on the progress screen: AGE counts from each pod's creation against the clock
/// at draw time (it keeps moving between polls), and the table takes the rows the screen has.
@Suite struct PodTableTimeTests {
    static let start = Timestamp(secondsSinceEpoch: 1_780_000_000)

    static func pod(_ n: Int, _ health: PodHealth = .ready, created: Timestamp? = start) -> PodRow {
        PodRow(
            name: "posthog-pod-\(n)", health: health, status: health == .ready ? "Running" : "Pending", ready: "1/1", restarts: 0,
            age: "polled", created: created)
    }

    /// A model as the wizard keeps it: one poll, then clock ticks.
    static func model(pods: [PodRow], now: Timestamp?) -> InstallProgressModel {
        var model = ProgressViewTests.model
        model.pods = pods
        model.now = now
        return model
    }

    @Test func ageKeepsCountingBetweenPolls() {
        // One poll; the clock (a fake one: values passed in) moves on without another poll.
        var state = InstallState()
        state = state.applying(.pods(PodsReading(ready: 1, total: 1, pods: [Self.pod(1)])))
        var ages: [String] = []
        for seconds in [5, 59, 125, 7300] {
            state = state.applying(.elapsed(seconds, now: Self.start + .seconds(seconds)))
            let text = InstallProgressView.render(state.progress, size: .minimum).plainText()
            let row = text.split(separator: "\n").first { $0.contains("posthog-pod-1") }.map(String.init) ?? ""
            ages.append(row.split(separator: " ").last.map(String.init) ?? "")
        }
        #expect(ages == ["5s", "59s", "2m", "2h"], "AGE is counted at draw time: \(ages)")
    }

    @Test func withoutACreationTimeThePolledAgeIsShown() {
        #expect(Self.pod(1, created: nil).age(at: Self.start) == "polled")
        #expect(Self.pod(1).age(at: nil) == "polled")
        #expect(Self.pod(1).age(at: Self.start + .seconds(3 * 86_400)) == "3d")
        #expect(Self.pod(1).age(at: Self.start + .seconds(-10)) == "0s", "a clock behind the API server never shows a negative age")
    }

    static func podRows(_ text: String) -> Int { text.split(separator: "\n").filter { $0.contains("posthog-pod-") }.count }

    @Test(arguments: LayoutSizesTests.sizes)
    func theTableUsesTheHeightItHas(_ size: TerminalSize) {
        // As many pods as fit: all shown, no "more" line.
        let fits = InstallProgressView.Layout(Self.model(pods: [], now: nil), size: size)
        let room = size.rows - 1 - fits.tableTop - 1 - 5 - 1  // footer, gap, the output pane's five rows, heading
        let all = (0..<room).map { Self.pod($0) }
        let text = InstallProgressView.render(Self.model(pods: all, now: nil), size: size, selectedPod: 0).plainText()
        #expect(Self.podRows(text) == room, "\(size.columns)×\(size.rows): every one of \(room) pods is shown:\n\(text)")
        #expect(!text.contains(" more"), "\(text)")
        // One more than fits: a "+N more" line says how many are not shown.
        let many = (0..<(room + 4)).map { Self.pod($0) }
        let cut = InstallProgressView.render(Self.model(pods: many, now: nil), size: size, selectedPod: 0).plainText()
        #expect(cut.contains("+5 more"), "\(size.columns)×\(size.rows):\n\(cut)")
        #expect(Self.podRows(cut) == room - 1)
        let unselected = InstallProgressView.render(Self.model(pods: many, now: nil), size: size).plainText()
        #expect(unselected.contains("+5 more"), "\(unselected)")
    }

    @Test func atTheLargerSizesTheTableIsTallerThanBefore() {
        // 200×60 used to stop at seven rows; now a release's usual 20-odd pods all fit.
        let pods = (0..<25).map { Self.pod($0) }
        let text = InstallProgressView.render(Self.model(pods: pods, now: nil), size: TerminalSize(columns: 200, rows: 60), selectedPod: 0)
            .plainText()
        #expect(Self.podRows(text) == 25, "\(text)")
        let medium = InstallProgressView.render(
            Self.model(pods: pods, now: nil), size: TerminalSize(columns: 100, rows: 30), selectedPod: 0
        )
        .plainText()
        #expect(Self.podRows(medium) >= 10, "\(medium)")
    }

    @Test func aDiagnosisKeepsItsRoom() {
        var model = Self.model(pods: (0..<40).map { Self.pod($0) }, now: nil)
        model.diagnosis = .init(title: "3 pods cannot be scheduled", cause: "Too little memory.", fix: ["Add nodes.", "Then watch."])
        let text = InstallProgressView.render(model, size: .minimum, selectedPod: 0).plainText()
        #expect(text.contains("Fix:") && text.contains("Then watch."), "\(text)")
        #expect(text.contains("more"), "\(text)")
    }
}

/// The DNS record the HTTPS job for a 1-click install waits for stands in its own box, not in
/// helm's output, at every size; once helm runs the pane is helm's again.
@Suite struct RecordToCreateTests {
    static let record = RecordToCreate(
        name: "posthog.example.com", type: "A", value: "203.0.113.11",
        note: "Enter the name as your DNS provider expects (often only the part before your domain).")

    static func waiting() -> InstallState {
        var state = InstallState(task: .oneClickTLS)
        state = state.applying(
            .plan(
                [
                    .init(id: "address", title: "Read the ingress's address"), .init(id: "dns", title: "Wait for the DNS record"),
                    .init(id: "upgrade", title: "Upgrade PostHog with TLS turned on", runsHelm: true),
                ], context: "do-fra1-prod"))
        state = state.applying(.recordToCreate(Self.record))
        state = state.applying(.note("Waiting for the record (checking every 10 s, up to 10 minutes)…"))
        return state
    }

    @Test(arguments: LayoutSizesTests.sizes)
    func theRecordHasItsOwnBox(_ size: TerminalSize) {
        let text = InstallProgressView.render(Self.waiting().progress, size: size).plainText()
        let lines = text.split(separator: "\n").map(String.init)
        let box = lines.firstIndex { $0.contains("Create this DNS record at your DNS provider") }
        let output = lines.firstIndex { $0.contains("helm output") }
        let value = lines.firstIndex { $0.contains("posthog.example.com") && $0.contains("203.0.113.11") }
        #expect(box != nil && output != nil && value != nil, "\(size.columns)×\(size.rows):\n\(text)")
        if let box, let output, let value {
            #expect(box < value && value < output, "the record is above helm's output, in its box:\n\(text)")
        }
        if size == .minimum { Golden.check(text, "progress-record-to-create") }
    }

    @Test func aNarrowBoxPutsTheValueOnItsOwnLines() {
        var state = Self.waiting()
        let long = "k8s-posthog-posthogi-0a1b2c3d4e-1234567890.us-east-1.elb.amazonaws.com"
        state = state.applying(.recordToCreate(RecordToCreate(name: "analytics.posthog.example.com", type: "CNAME", value: long)))
        let text = InstallProgressView.render(state.progress, size: .minimum).plainText()
        #expect(text.contains(long), "\(text)")
    }

    @Test func helmGetsThePaneBackOnceItRuns() {
        let state = Self.waiting().applying(.stepStarted(id: "upgrade", command: "helm upgrade -f values.yaml"))
        #expect(state.progress.record == nil)
        let text = InstallProgressView.render(state.progress, size: .minimum).plainText()
        #expect(!text.contains("Create this DNS record"))
    }
}
