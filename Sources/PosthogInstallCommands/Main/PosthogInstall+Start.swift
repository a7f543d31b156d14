import ArgumentParser
import Effects
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PosthogInstall {
    /// The program's entry point: parses the command line, runs the command and exits with
    /// the documented code (usage errors exit 2, where ArgumentParser's own `main` uses 64).
    /// Output is written line by line (`Console`), so pipes and CI logs see it as it happens.
    public static func start() async -> Never {
        Console.prepareProcess()
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try await asyncParseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            Glibc.exit(0)
        } catch {
            let ending = CommandLineEnding.make(for: error, arguments: arguments)
            if !ending.text.isEmpty {
                Console.standard.write(ending.text + "\n", to: ending.toStandardOutput ? .output : .error)
            }
            Glibc.exit(ending.code)
        }
    }
}
