import Testing
@testable import Kube

@Test func moduleLoads() {
    #expect(KubeModule.name == "Kube")
}
