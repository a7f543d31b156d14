import ArgumentParser
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `posthog-install generate-manual`: prints the manual page (roff) made from the command
/// definitions; `scripts/run.sh` installs it. Hidden from `--help`.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-manual",
        abstract: "Print the posthog-install(1) manual page (roff), made from the command definitions.",
        shouldDisplay: false
    )

    /// Prints the page.
    func run() throws {
        let tree = try CommandTree.load()
        let date = String(Date().ISO8601Format().prefix(10))
        Console.standard.write(ManualPage.render(tree, version: ToolVersion.current, date: date), to: .output)
    }
}
