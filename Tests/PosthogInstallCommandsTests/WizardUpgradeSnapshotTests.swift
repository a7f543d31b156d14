import Cluster
import Effects
import Foundation
import Installer
import PosthogTestSupport
import Testing
import TUI
import YAML
@testable import PosthogInstallCommands

/// The wizard's upgrade screen: each row of the change table opens that object's diff, and
/// VolumeSnapshots of the volumes a blocked change puts at risk are offered (a box, ticked to
/// start with) and taken before helm upgrade.
@Suite struct WizardUpgradeSnapshotTests {
    @Test func eachRowOfTheChangeTableOpensItsObjectsDiffWithPasswordsMasked() async throws {
        let installed = try await InstalledCluster.make()
        var editor = try YAMLEditor(text: try installed.files.readString("values.yaml"), file: "values.yaml")
        try editor.set(["ingress", "hostname"], to: .string("analytics.example.org"))
        installed.files.addFile("values.yaml", editor.text)
        let form = try WizardUpgradeUninstallTests.form(
            await WizardUpgradeUninstallTests.session(installed).prepare(.upgrade, TaskInputs()))
        #expect(!form.details.isEmpty)
        for detail in form.details {
            let row = form.text[detail.line].text
            #expect(
                row.contains(detail.title.split(separator: " ", maxSplits: 1).last.map(String.init) ?? "?"),
                "row \(row) for \(detail.title)")
        }
        let ingress = try #require(form.details.first { $0.title.hasPrefix("change Ingress posthog/") })
        #expect(ingress.lines.contains { $0.text.hasPrefix("+ ") && $0.text.contains("analytics.example.org") }, "\(ingress.lines)")
        let all = form.details.flatMap(\.lines).map(\.text).joined(separator: "\n")
        for password in SupportBundleRun.passwords(in: editor.text) where password.count >= 8 {
            #expect(!all.contains(password), "a password in a diff")
        }
    }

    @Test func theScreenOffersSnapshotsAndTheRunTakesThemWhenTheBoxIsTicked() async throws {
        let installed = try await InstalledCluster.make()
        var editor = try YAMLEditor(text: try installed.files.readString("values.yaml"), file: "values.yaml")
        try editor.set(["postgresql", "persistence", "size"], to: .string("1Gi"))
        installed.files.addFile("values.yaml", editor.text)
        let session = WizardUpgradeUninstallTests.session(installed)
        let form = try WizardUpgradeUninstallTests.form(await session.prepare(.upgrade, TaskInputs()))
        let text = form.text.map(\.text).joined(separator: "\n")
        #expect(
            text.contains(
                "Snapshots: this cluster can take a VolumeSnapshot of the 1 volume at risk before helm upgrade runs (the box below):"),
            "\(text)")
        let box = try #require(form.checks.first { $0.id == "snapshot" })
        #expect(box.label == "Take VolumeSnapshots of the 1 volume at risk first" && !box.required && box.initiallyOn)
        #expect(form.checks.contains { $0.id == "accept-data-loss" })

        let reports = WizardUpgradeUninstallTests.Reports()
        session.run(
            .upgrade, TaskInputs(checks: ["accept-data-loss", "snapshot"]), context: installed.cluster.contextName, report: reports.add)
        _ = try await reports.ended()
        #expect(reports.notes.contains("Taking 1 VolumeSnapshot before the upgrade:"), "\(reports.notes)")
        #expect(reports.notes.contains("VolumeSnapshots taken before this upgrade"), "\(reports.notes)")
        let snapshots = try await installed.connection.kubectl.volumeSnapshots(
            namespace: "posthog", selector: "posthog-install/release=posthog")
        #expect(snapshots.map(\.sourceClaim) == ["data-posthog-posthog-postgresql-0"])
    }
}
