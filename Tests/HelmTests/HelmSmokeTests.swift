import Testing
@testable import Helm

@Test func moduleLoads() {
    #expect(HelmModule.name == "Helm")
}
