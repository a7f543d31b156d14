import Effects
import Installer
@testable import TUI

/// The chart-30 profile set (embedded data) and helpers to drive the wizard.
enum WizardFixtures {
    static let profile: ProfileSet = {
        do { return try ProfileSet(id: "chart-30") } catch { fatalError("chart-30 profile: \(error)") }
    }()

    static func start() -> WizardState { WizardState(profile: profile) }

    /// Applies keys one by one, collecting the effects.
    static func press(_ keys: [Key], on state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        var effects: [WizardEffect] = []
        for key in keys {
            let (next, new) = Wizard.update(state, .key(key))
            state = next
            effects += new
        }
        return (state, effects)
    }

    static func type(_ text: String) -> [Key] { text.map { Key.character($0) } }

    /// The keys from the welcome screen to the review, on DigitalOcean with the defaults.
    static let toReview: [Key] = [.enter, .enter] + type("posthog.example.com") + [.enter, .enter, .enter, .enter, .enter]

    static let preview = ReviewPreview(
        values: """
            cloud: do
            ingress:
              hostname: posthog.example.com
              nginx:
                enabled: true
            cert-manager:
              enabled: true
            postgresql:
              postgresqlPassword: s3cret-generated
            """,
        existing: nil, valuesPath: "values.yaml",
        commands: [
            ["helm", "repo", "add", "posthog", "https://posthog.github.io/charts-clickhouse/"],
            ["helm", "repo", "update"],
            ["helm", "install", "-f", "values.yaml", "--timeout", "20m", "--create-namespace", "--namespace", "posthog",
             "posthog", "posthog/posthog"],
        ],
        kubeContext: "do-nyc1-posthog")
}
