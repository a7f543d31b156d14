import ArgumentParser

/// `-o text|json` for the commands scripts read (`status`, `info`).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Lines for people (the default).
    case text
    /// One JSON document on standard output; notes and errors go to standard error.
    case json
}
