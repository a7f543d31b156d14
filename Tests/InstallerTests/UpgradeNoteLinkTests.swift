import Kube
import Testing
@testable import Installer

/// helm's StatefulSet errors point at upgrade notes by id; those ids must exist in the data.
@Suite struct UpgradeNoteLinkTests {
    @Test(arguments: ["posthog-posthog-redis-master", "posthog-posthog-kafka", "posthog-posthog-zookeeper"])
    func statefulSetErrorsNameAnExistingNote(_ statefulSet: String) throws {
        let id = try #require(HelmErrors.upgradeNoteID(forStatefulSet: statefulSet))
        let notes = try UpgradeNote.all()
        #expect(notes.contains { $0.id == id }, "\(id) is not an id in profiles/upgrade-notes.yaml")
    }
}
