/// Formats CPU and memory amounts for people: `250m CPU`, `1.9 vCPU`, `1.5 GiB`.
public enum ResourceFormat {
    /// CPU in millicores: below one core `250m CPU`, otherwise `1.9 vCPU` (one decimal, trimmed).
    public static func cpu(millicores: Int64) -> String {
        if millicores < 1000 && millicores > -1000 { return "\(millicores)m CPU" }
        return "\(oneDecimal(Double(millicores) / 1000)) vCPU"
    }

    /// Bytes in the largest binary unit that keeps the number ≥ 1: `1.5 GiB`, `512 MiB`, `900 B`.
    public static func bytes(_ bytes: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var v = Double(bytes)
        var i = 0
        while abs(v) >= 1024 && i < units.count - 1 { v /= 1024; i += 1 }
        return "\(oneDecimal(v)) \(units[i])"
    }

    /// A number with at most one decimal, rounded half up; `.0` is dropped.
    static func oneDecimal(_ v: Double) -> String {
        let tenths = (v * 10).rounded(.toNearestOrAwayFromZero)
        let whole = Int64(tenths / 10)
        let frac = Int64(abs(tenths.truncatingRemainder(dividingBy: 10)))
        if frac == 0 { return "\(whole)" }
        return "\(tenths < 0 && whole == 0 ? "-" : "")\(whole).\(frac)"
    }
}

/// CPU, memory and pod-count amounts, as requests, allocatable or free space.
public struct ResourceAmounts: Hashable, Sendable, CustomStringConvertible {
    /// CPU in millicores.
    public var milliCPU: Int64
    /// Memory in bytes.
    public var memory: Int64
    /// Ephemeral storage in bytes (0 when not stated).
    public var ephemeralStorage: Int64
    /// Number of pods (allocatable `pods`, or 1 for a pod's own footprint).
    public var pods: Int64

    /// Builds amounts; all default to zero.
    public init(milliCPU: Int64 = 0, memory: Int64 = 0, ephemeralStorage: Int64 = 0, pods: Int64 = 0) {
        self.milliCPU = milliCPU; self.memory = memory
        self.ephemeralStorage = ephemeralStorage; self.pods = pods
    }

    /// Reads `cpu`, `memory`, `ephemeral-storage` and `pods` from a resource list.
    public init(_ list: [String: Quantity]) {
        self.init(milliCPU: list["cpu"]?.milliValue ?? 0,
                  memory: list["memory"]?.value ?? 0,
                  ephemeralStorage: list["ephemeral-storage"]?.value ?? 0,
                  pods: list["pods"]?.value ?? 0)
    }

    /// Zero of everything.
    public static let zero = ResourceAmounts()

    /// Element-wise sum.
    public static func + (a: ResourceAmounts, b: ResourceAmounts) -> ResourceAmounts {
        ResourceAmounts(milliCPU: a.milliCPU &+ b.milliCPU, memory: a.memory &+ b.memory,
                        ephemeralStorage: a.ephemeralStorage &+ b.ephemeralStorage, pods: a.pods &+ b.pods)
    }

    /// Element-wise difference.
    public static func - (a: ResourceAmounts, b: ResourceAmounts) -> ResourceAmounts {
        ResourceAmounts(milliCPU: a.milliCPU &- b.milliCPU, memory: a.memory &- b.memory,
                        ephemeralStorage: a.ephemeralStorage &- b.ephemeralStorage, pods: a.pods &- b.pods)
    }

    /// Element-wise maximum.
    public static func max(_ a: ResourceAmounts, _ b: ResourceAmounts) -> ResourceAmounts {
        ResourceAmounts(milliCPU: Swift.max(a.milliCPU, b.milliCPU), memory: Swift.max(a.memory, b.memory),
                        ephemeralStorage: Swift.max(a.ephemeralStorage, b.ephemeralStorage), pods: Swift.max(a.pods, b.pods))
    }

    /// `1.9 vCPU, 2.9 GiB`.
    public var description: String {
        "\(ResourceFormat.cpu(millicores: milliCPU)), \(ResourceFormat.bytes(memory))"
    }
}
