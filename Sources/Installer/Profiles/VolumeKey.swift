/// A data volume the chart sizes through one value key (`chart.yaml` `volumes:`).
public struct VolumeKey: Equatable, Sendable {
    /// The component as the person names it (`clickhouse`, `postgresql`, `kafka`, `redis`).
    public let component: String
    /// The size key.
    public let path: [String]
}
