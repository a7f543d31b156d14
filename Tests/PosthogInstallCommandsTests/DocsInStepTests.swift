import Foundation
import Testing
@testable import PosthogInstallCommands

/// docs/commands.md stays in step with `--help`: every flag of every command is documented in
/// that command's section (or in a shared table whose heading names the command), and the
/// manual page made from the same definitions lists them all.
@Suite struct DocsInStepTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The text documenting `command`: its own `## command` section and every `## Title (a, b)` naming it.
    static func documentation(of command: String, in markdown: String) -> String {
        var sections: [(heading: String, body: String)] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { sections.append((String(line.dropFirst(3)), "")) } else if !sections.isEmpty {
                sections[sections.count - 1].body += line + "\n"
            }
        }
        return sections.filter { section in
            section.heading == command || section.heading.split(separator: "(").dropFirst().first.map { list in
                list.dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.contains(command)
            } ?? false
        }.map(\.body).joined()
    }

    @Test func everyFlagOfEveryCommandIsInCommandsMarkdown() throws {
        let markdown = try String(contentsOf: Self.repository.appendingPathComponent("docs/commands.md"), encoding: .utf8)
        let tree = try CommandTree.load()
        var missing: [String] = []
        for command in tree.visibleSubcommands {
            let docs = Self.documentation(of: command.commandName, in: markdown)
            #expect(!docs.isEmpty, "docs/commands.md has no section for \(command.commandName)")
            for argument in command.visibleArguments {
                for name in argument.longNames where !docs.contains("--\(name)") {
                    missing.append("\(command.commandName) --\(name)")
                }
            }
        }
        #expect(missing.isEmpty, "not documented in docs/commands.md: \(missing.joined(separator: ", "))")
    }

    @Test func theSectionFinderSeesSharedTables() {
        let markdown = "## Answers (install, values)\n`--tier`\n## install\n`--yes`\n## values\n`-o`\n"
        #expect(Self.documentation(of: "install", in: markdown) == "`--tier`\n`--yes`\n")
        #expect(Self.documentation(of: "status", in: markdown).isEmpty)
    }

    @Test func theManualPageListsEveryCommandAndFlag() throws {
        let tree = try CommandTree.load()
        let page = ManualPage.render(tree, version: "1.2.3", date: "2026-12-06")
        #expect(page.hasPrefix(".TH POSTHOG-INSTALL 1 \"2026-12-06\" \"posthog-install 1.2.3\""))
        for command in tree.visibleSubcommands {
            #expect(page.contains(".SS \(command.commandName)\n"))
            for argument in command.visibleArguments {
                for name in argument.longNames { #expect(page.contains("\\-\\-\(name)") || page.contains("--\(name)"), "\(name)") }
            }
        }
        #expect(!page.contains(".SS generate-manual"))
        #expect(ManualPage.escape(".start \\ end") == "\\&.start \\e end")
    }
}
