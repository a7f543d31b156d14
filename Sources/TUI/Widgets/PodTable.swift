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

import Effects

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
    /// Age as read at the poll (`3m`), shown when the creation time is not known.
    public var age: String
    /// When the pod was created; the table counts its age from this against the clock at
    /// draw time, so AGE keeps moving between polls.
    public var created: Timestamp?

    /// Creates a row.
    public init(
        name: String, health: PodHealth, status: String, ready: String, restarts: Int, age: String, created: Timestamp? = nil
    ) {
        self.name = name
        self.health = health
        self.status = status
        self.ready = ready
        self.restarts = restarts
        self.age = age
        self.created = created
    }

    /// The AGE column at `now`: from the creation time when both are known, else as polled.
    public func age(at now: Timestamp?) -> String {
        guard let created, let now else { return age }
        return Self.age(seconds: Int((now - created).components.seconds))
    }

    /// `42s`, `3m`, `2h`, `4d`, as kubectl prints ages.
    public static func age(seconds: Int) -> String {
        let s = max(0, seconds)
        if s < 120 { return "\(s)s" }
        if s < 3600 * 2 { return "\(s / 60)m" }
        if s < 86_400 * 2 { return "\(s / 3600)h" }
        return "\(s / 86_400)d"
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
    /// `now` is the clock at draw time: ages count from each pod's creation against it.
    public static func draw(
        _ canvas: inout Canvas, pods: [PodRow], selected: Int? = nil, now: Timestamp? = nil, in rect: Rect, glyphs: Glyphs
    ) {
        let columns = [
            TableColumn("NAME"), TableColumn("STATUS", width: 22), TableColumn("READY", width: 5),
            TableColumn("RESTARTS", width: 8, alignRight: true), TableColumn("AGE", width: 5, alignRight: true),
        ]
        let rows = pods.enumerated().map { index, pod -> [TableCell] in
            let (mark, style) = symbol(pod.health, glyphs: glyphs)
            let marker = selected == nil ? "" : (index == selected ? glyphs.pointer + " " : "  ")
            return [
                TableCell(marker + pod.name, style: index == selected ? CellStyle(bold: true, reverse: true) : .plain),
                TableCell(mark + " " + pod.status, style: style), TableCell(pod.ready),
                TableCell(String(pod.restarts), style: pod.restarts > 0 ? .warning : .plain), TableCell(pod.age(at: now)),
            ]
        }
        let room = rect.height - 1
        guard let selected, rows.count > room, room > 1 else {
            Table.draw(&canvas, columns: columns, rows: rows, in: rect, glyphs: glyphs)
            return
        }
        let window = window(count: rows.count, room: room - 1, selected: selected)
        Table.draw(
            &canvas, columns: columns, rows: Array(rows[window]), in: Rect(x: rect.x, y: rect.y, width: rect.width, height: room),
            glyphs: glyphs)
        canvas.write(
            "+\(rows.count - window.count) more (pods \(window.lowerBound + 1)-\(window.upperBound) of \(rows.count); Up/Down)",
            x: rect.x, y: rect.y + room, style: .muted, maxWidth: rect.width)
    }

    /// Rows the table needs for `pods` pods: the heading and one row each.
    public static func rowsNeeded(pods: Int) -> Int { max(pods, 1) + 1 }

    /// The rows shown when `count` rows share `room` lines and `selected` must be visible.
    static func window(count: Int, room: Int, selected: Int) -> Range<Int> {
        let size = min(count, max(1, room))
        let start = min(max(0, selected - size / 2), count - size)
        return start..<(start + size)
    }
}
