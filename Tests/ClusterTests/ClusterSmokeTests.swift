import Testing
@testable import Cluster

@Test func moduleLoads() {
    #expect(ClusterModule.name == "Cluster")
}
