import Testing
@testable import TUI

@Test func moduleLoads() {
    #expect(TUIModule.name == "TUI")
}
