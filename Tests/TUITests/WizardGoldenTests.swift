import Effects
import Testing
@testable import TUI

/// 80×24 screens compared with plain-text goldens (`UPDATE_GOLDENS=1` rewrites them).
@Suite struct WizardGoldenTests {
    typealias F = WizardFixtures

    static func screen(_ keys: [Key], from state: WizardState = F.start(), preview: ReviewPreview? = nil,
                       size: TerminalSize = .minimum, glyphs: Glyphs = .unicode) -> Canvas {
        var state = F.press(keys, on: state).0
        if let preview { state = Wizard.update(state, .previewReady(preview)).0 }
        return WizardView.render(state, size: size, glyphs: glyphs)
    }

    @Test func welcome() { Golden.check(Self.screen([]).plainText(), "welcome") }

    @Test func cloud() { Golden.check(Self.screen([.enter]).plainText(), "cloud") }

    @Test func cloudInASCII() { Golden.check(Self.screen([.enter, .down], glyphs: .ascii).plainText(), "cloud-ascii") }

    @Test func hostnameWithAProblem() {
        let canvas = Self.screen([.enter, .enter] + F.type("https://posthog.example.com/app") + [.enter])
        Golden.check(canvas.plainText(), "hostname-error")
        #expect(canvas.cursor != nil, "the cursor is shown in a text field")
    }

    @Test func hostnameAccepted() {
        Golden.check(Self.screen([.enter, .enter] + F.type("PostHog.Example.com")).plainText(), "hostname-ok")
    }

    @Test func tlsOnDigitalOcean() {
        Golden.check(Self.screen([.enter, .enter] + F.type("posthog.example.com") + [.enter]).plainText(), "tls-do")
    }

    @Test func tlsOnGoogleCloud() {
        Golden.check(Self.screen([.enter, .home, .enter] + F.type("posthog.example.com") + [.enter]).plainText(), "tls-gcp")
    }

    @Test func httpOnlyWarns() {
        Golden.check(Self.screen([.enter, .enter] + F.type("posthog.example.com") + [.enter, .down]).plainText(), "tls-off")
    }

    @Test func tierShowsTheCost() {
        Golden.check(Self.screen(Array(F.toReview.dropLast(2))).plainText(), "tier-do")
    }

    @Test func extrasWithOneOpen() {
        Golden.check(Self.screen(Array(F.toReview.dropLast()) + [.home, .down, .character(" ")]).plainText(), "extras")
    }

    @Test func reviewOfANewFile() {
        Golden.check(Self.screen(F.toReview, preview: F.preview).plainText(), "review-new")
    }

    @Test func reviewOfChanges() {
        var preview = F.preview
        preview.existing = """
            cloud: do
            ingress:
              hostname: old.example.com
              nginx:
                enabled: true
            cert-manager:
              enabled: true
            postgresql:
              postgresqlPassword: s3cret-generated
            """
        preview.kubeContext = nil
        let canvas = Self.screen(F.toReview, preview: preview)
        Golden.check(canvas.plainText(), "review-diff")
        #expect(!canvas.plainText().contains("s3cret"), "passwords are never shown")
    }

    @Test func reviewWhilePreparing() { Golden.check(Self.screen(F.toReview).plainText(), "review-preparing") }

    @Test func helpOverlay() { Golden.check(Self.screen([.enter, .enter, .character("?")]).plainText(), "help-hostname") }

    @Test func quitConfirmation() { Golden.check(Self.screen([.enter, .ctrlC]).plainText(), "quit-confirm") }

    @Test func passwordsAreMasked() {
        var state = F.start()
        state.enabledSections = ["email"]
        state.step = .question("smtp-password")
        let canvas = Self.screen(F.type("hunter2"), from: state)
        Golden.check(canvas.plainText(), "password")
        #expect(!canvas.plainText().contains("hunter2"))
    }

    @Test func tooSmall() {
        Golden.check(Self.screen([.enter], size: TerminalSize(columns: 60, rows: 15)).plainText(), "too-small")
    }

    @Test func largerTerminalsUseTheSpace() {
        let canvas = Self.screen([.enter], size: TerminalSize(columns: 100, rows: 30))
        #expect(canvas.width == 100 && canvas.height == 30)
        #expect(canvas.row(0).contains("Step 2 of 8"))
        #expect(canvas.row(29).contains("Enter accept"))
    }
}
