/// One file of a chart, by its path relative to the chart's top directory.
public struct ChartFile: Sendable, Equatable {
    /// Path relative to the chart root, `/`-separated (e.g. `templates/deployment.yaml`).
    public let path: String
    /// Raw contents (a UTF-8 byte-order mark already removed, as Helm does).
    public let data: [UInt8]

    /// Creates a file entry, dropping a leading UTF-8 byte-order mark.
    public init(path: String, data: [UInt8]) {
        self.path = path
        if data.count >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF {
            self.data = Array(data[3...])
        } else {
            self.data = data
        }
    }

    /// The contents as text (invalid UTF-8 replaced, as Go's string conversion keeps bytes).
    public var text: String { String(decoding: data, as: UTF8.self) }
}

/// Why a chart could not be read; messages follow Helm's wording where Helm has one.
public struct ChartLoadError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The chart path or archive being read.
    public let source: String
    /// What went wrong.
    public let message: String

    /// Creates an error about `source`.
    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }

    /// A message naming the chart.
    public var description: String { "\(source): \(message)" }
}

/// Size limits Helm applies when reading charts.
public enum ChartLimits {
    /// Largest total decompressed size of an archive (Helm: 100 MiB).
    public static let maxDecompressedChartSize = 100 * 1024 * 1024
    /// Largest single file (Helm: 5 MiB).
    public static let maxFileSize = 5 * 1024 * 1024
}
