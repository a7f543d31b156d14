import Glibc
import Testing
@testable import Effects

/// Output is written as it happens, to the right stream, and a reader that went away neither
/// kills the program nor loses the lines that follow.
@Suite struct ConsoleTests {
    private func pipeEnds() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        return (ends[0], ends[1])
    }

    private func readAvailable(_ fd: Int32) -> String {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(fd, &buffer, buffer.count)
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
    }

    @Test func eachLineReachesItsStreamAtOnce() throws {
        let out = try pipeEnds(), err = try pipeEnds()
        defer { [out.read, out.write, err.read, err.write].forEach { close($0) } }
        let console = Console(outputDescriptor: out.write, errorDescriptor: err.write)
        console.line("progress 1/3")
        // Nothing buffered: the line is readable before the console is gone or flushed.
        #expect(readAvailable(out.read) == "progress 1/3\n")
        console.error("Error: something")
        #expect(readAvailable(err.read) == "Error: something\n")
        #expect(readAvailable(out.read) == "")
    }

    @Test func aClosedOutputPipeSendsTheRestToStandardError() throws {
        Console.prepareProcess()  // SIGPIPE ignored, as in the program
        let out = try pipeEnds(), err = try pipeEnds()
        defer { [out.write, err.read, err.write].forEach { close($0) } }
        close(out.read)  // `install | head` after head exited
        let console = Console(outputDescriptor: out.write, errorDescriptor: err.write)
        console.line("Stopped. Run: posthog-install status --watch")
        #expect(console.outputWasClosed)
        #expect(readAvailable(err.read) == "Stopped. Run: posthog-install status --watch\n")
    }
}
