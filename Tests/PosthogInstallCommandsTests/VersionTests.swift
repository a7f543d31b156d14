import Testing
@testable import PosthogInstallCommands

@Test func versionIsSemantic() {
    let parts = ToolVersion.current.split(separator: ".")
    #expect(parts.count == 3)
    #expect(parts.allSatisfy { Int($0) != nil })
}

@Test func helpNamesTheTool() {
    let help = PosthogInstall.helpMessage()
    #expect(help.contains("posthog-install"))
    #expect(help.contains("self-hosted PostHog"))
}
