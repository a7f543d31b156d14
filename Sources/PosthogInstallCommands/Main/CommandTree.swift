import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON

/// The command definitions as ArgumentParser describes them (its help dump), read into plain
/// values: the manual page and the test that keeps docs/commands.md in step with `--help` are
/// both made from it, so neither can drift from the flags the program really takes.
struct CommandTree: Decodable, Sendable {
    /// One flag, option or positional argument.
    struct Argument: Decodable, Sendable {
        struct Name: Decodable, Sendable {
            var kind: String
            var name: String
        }

        var kind: String
        var names: [Name]?
        var valueName: String?
        var abstract: String?
        var discussion: String?
        var defaultValue: String?
        var shouldDisplay: Bool
        var isOptional: Bool
        var isRepeating: Bool

        /// `-f, --values <file>` as `--help` shows it.
        var synopsis: String {
            let spelled = (names ?? []).map { $0.kind == "long" ? "--\($0.name)" : $0.kind == "short" ? "-\($0.name)" : "-\($0.name)" }
            let value = kind == "flag" ? "" : " <\(valueName ?? "value")>"
            if spelled.isEmpty { return "<\(valueName ?? "value")>" + (isRepeating ? " ..." : "") }
            return spelled.joined(separator: ", ") + value
        }

        /// The long names (`values` for `--values`).
        var longNames: [String] { (names ?? []).filter { $0.kind == "long" }.map(\.name) }
    }

    var commandName: String
    var abstract: String?
    var discussion: String?
    var shouldDisplay: Bool?
    var arguments: [Argument]?
    var subcommands: [CommandTree]?

    private struct Dump: Decodable {
        var command: CommandTree
    }

    /// The tree of `posthog-install` and its subcommands.
    static func load() throws -> CommandTree {
        try JSONValueDecoder().decode(Dump.self, from: Data(PosthogInstall._dumpHelp().utf8)).command
    }

    /// The subcommands a person sees in `--help`.
    var visibleSubcommands: [CommandTree] { (subcommands ?? []).filter { ($0.shouldDisplay ?? true) && $0.commandName != "help" } }

    /// The arguments `--help` shows (without `--help` and `--version`).
    var visibleArguments: [Argument] {
        (arguments ?? []).filter { $0.shouldDisplay && !$0.longNames.contains("help") && !$0.longNames.contains("version") }
    }
}
