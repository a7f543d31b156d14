/// How a pod is doing, in the words and symbols of the pod table.
public enum PodHealth: String, Sendable, Hashable {
    /// Running and ready.
    case ready
    /// Starting, pending or not ready yet.
    case waiting
    /// Crashing, failed, or unschedulable.
    case failing
    /// Finished successfully (a job's pod).
    case completed
}

/// One pod row of the install-progress table.
public struct PodRow: Sendable, Hashable {
    /// Pod name.
    public var name: String
    /// Health, drawn as a symbol and a colour.
    public var health: PodHealth
    /// The status word (`Running`, `Pending`, `CrashLoopBackOff`).
    public var status: String
    /// Ready containers (`1/1`).
    public var ready: String
    /// Container restarts.
    public var restarts: Int
    /// Age (`3m`).
    public var age: String

    /// Creates a row.
    public init(name: String, health: PodHealth, status: String, ready: String, restarts: Int, age: String) {
        self.name = name
        self.health = health
        self.status = status
        self.ready = ready
        self.restarts = restarts
        self.age = age
    }
}

/// The pods table: name, status with a symbol (never colour alone), ready, restarts, age.
public enum PodTable {
    /// The symbol and style for a health.
    public static func symbol(_ health: PodHealth, glyphs: Glyphs) -> (String, CellStyle) {
        switch health {
        case .ready, .completed: return (glyphs.ok, .success)
        case .waiting: return (glyphs.warning, .warning)
        case .failing: return (glyphs.failure, .error)
        }
    }

    /// Draws the table in `rect`.
    public static func draw(_ canvas: inout Canvas, pods: [PodRow], in rect: Rect, glyphs: Glyphs) {
        let columns = [
            TableColumn("NAME"), TableColumn("STATUS", width: 22), TableColumn("READY", width: 5),
            TableColumn("RESTARTS", width: 8, alignRight: true), TableColumn("AGE", width: 5, alignRight: true),
        ]
        let rows = pods.map { pod -> [TableCell] in
            let (mark, style) = symbol(pod.health, glyphs: glyphs)
            return [TableCell(pod.name), TableCell(mark + " " + pod.status, style: style), TableCell(pod.ready),
                    TableCell(String(pod.restarts), style: pod.restarts > 0 ? .warning : .plain), TableCell(pod.age)]
        }
        Table.draw(&canvas, columns: columns, rows: rows, in: rect, glyphs: glyphs)
    }
}
