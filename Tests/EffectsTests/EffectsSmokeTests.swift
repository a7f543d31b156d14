import Testing
@testable import Effects

@Test func moduleLoads() {
    #expect(EffectsModule.name == "Effects")
}
