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

    /// Draws the table in `rect`; with `selected`, that row is highlighted and kept in view
    /// (the rows around it shown, and which rows those are).
    public static func draw(_ canvas: inout Canvas, pods: [PodRow], selected: Int? = nil, in rect: Rect, glyphs: Glyphs) {
        let columns = [
            TableColumn("NAME"), TableColumn("STATUS", width: 22), TableColumn("READY", width: 5),
            TableColumn("RESTARTS", width: 8, alignRight: true), TableColumn("AGE", width: 5, alignRight: true),
        ]
        let rows = pods.enumerated().map { index, pod -> [TableCell] in
            let (mark, style) = symbol(pod.health, glyphs: glyphs)
            let marker = selected == nil ? "" : (index == selected ? glyphs.pointer + " " : "  ")
            return [TableCell(marker + pod.name, style: index == selected ? CellStyle(bold: true, reverse: true) : .plain),
                    TableCell(mark + " " + pod.status, style: style), TableCell(pod.ready),
                    TableCell(String(pod.restarts), style: pod.restarts > 0 ? .warning : .plain), TableCell(pod.age)]
        }
        let room = rect.height - 1
        guard let selected, rows.count > room, room > 1 else {
            Table.draw(&canvas, columns: columns, rows: rows, in: rect, glyphs: glyphs)
            return
        }
        let window = window(count: rows.count, room: room - 1, selected: selected)
        Table.draw(&canvas, columns: columns, rows: Array(rows[window]), in: Rect(x: rect.x, y: rect.y, width: rect.width, height: room),
                   glyphs: glyphs)
        canvas.write("pods \(window.lowerBound + 1)-\(window.upperBound) of \(rows.count)", x: rect.x, y: rect.y + room, style: .muted)
    }

    /// The rows shown when `count` rows share `room` lines and `selected` must be visible.
    static func window(count: Int, room: Int, selected: Int) -> Range<Int> {
        let size = min(count, max(1, room))
        let start = min(max(0, selected - size / 2), count - size)
        return start..<(start + size)
    }
}
