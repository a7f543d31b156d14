import Effects
import Foundation
import PosthogTestSupport
import Synchronization
import Testing
@testable import Cluster

/// The saved simulated cluster's text: files written before the shared JSON writer (by Foundation's
/// JSONEncoder, keys sorted, `/` escaped, floats in its own form) are still read, to the same state.
@Suite struct SimulatedStateFileFormatTests {
    @Test func filesWrittenByTheEarlierEncoderAreReadToTheSameState() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("simulated-cluster.json")
        let clock = ManualClock()
        let harness = try SimulationHarness(stateFile: path, clock: clock)
        try await harness.addRepository()
        let helm = harness.helm
        let request = harness.request
        let done = Mutex(false)
        let install = Task {
            defer { done.withLock { $0 = true } }
            return try await helm.install(request) { _ in }
        }
        var steps = 0
        while !done.withLock({ $0 }) && steps < 2000 {
            if await clock.waitForSleepers(1, limit: .milliseconds(20)) {
                clock.advance(by: .seconds(2))
                steps += 1
            }
        }
        #expect(try await install.value.status == .exited(0))

        let file = SimulatedStateFile(path: path)
        let saved = try LocalFileSystem().readBytes(path)
        let state = try file.decode(saved)
        #expect(try file.encode(state) == saved, "writing what was read gives the same bytes")
        #expect(state.pods.count > 10)

        // The same state as the earlier writer saved it.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let earlier = Array("{\"format\":\(SimulatedStateFile.format),\"state\":".utf8) + Array(try encoder.encode(state)) + Array("}".utf8)
        #expect(earlier != saved)
        #expect(String(decoding: earlier, as: UTF8.self).contains("\\/"), "the earlier writer escaped slashes")
        #expect(try file.encode(try file.decode(earlier)) == saved)
    }
}
