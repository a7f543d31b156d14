import Testing
@testable import YAML

@Test func moduleLoads() {
    #expect(YAMLModule.name == "YAML")
}
