import Foundation
import Testing

/// Compares text with a file in Goldens/; `UPDATE_GOLDENS=1` rewrites the file instead.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(name).txt; run with UPDATE_GOLDENS=1 and review it", sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record("\(name).txt differs at line \(line + 1):\nexpected: \(line < a.count ? String(a[line]) : "<end>")\nactual:   \(line < b.count ? String(b[line]) : "<end>")\n--- actual ---\n\(text)",
                         sourceLocation: sourceLocation)
        }
    }
}
