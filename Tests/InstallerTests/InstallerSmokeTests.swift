import Testing
@testable import Installer

@Test func moduleLoads() {
    #expect(InstallerModule.name == "Installer")
}
