import Testing
@testable import GoTemplate

@Test func moduleLoads() {
    #expect(GoTemplateModule.name == "GoTemplate")
}
