import Foundation

/// Paths of the Helm test fixtures (charts and goldens produced by real Helm).
enum HelmFixtures {
    /// Tests/HelmTests/Fixtures.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// A chart directory under Fixtures/charts.
    static func chart(_ name: String) -> String { root.appendingPathComponent("charts/\(name)").path }

    /// A golden file's text.
    static func golden(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("goldens/\(relativePath)"), encoding: .utf8)
    }
}
