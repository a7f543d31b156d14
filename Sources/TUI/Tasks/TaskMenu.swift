/// The welcome screen's list of jobs, decided from what the wizard knows at start: whether a
/// PostHog release is installed in the cluster and whether a values.yaml is saved here. Pure.
public enum TaskMenu {
    /// One line of the menu.
    public struct Entry: Sendable, Hashable {
        /// The job.
        public var task: WizardTask
        /// Why it cannot be chosen now, or nil when it can.
        public var unavailable: String?
        /// The line under the title.
        public var detail: String

        /// Creates an entry.
        public init(task: WizardTask, unavailable: String? = nil, detail: String? = nil) {
            self.task = task
            self.unavailable = unavailable
            self.detail = detail ?? task.summary
        }
    }

    /// The entries to offer: none while no release is known (the welcome screen is then the
    /// start of an install), otherwise the day-2 jobs with the reason any of them must wait.
    public static func entries(_ state: WizardState) -> [Entry] {
        guard let release = state.cluster?.release else { return [] }
        let newest = state.profile.chart.defaultVersion
        let values = state.launch.savedValuesPath ?? "values.yaml"
        let needsValues = state.launch.hasSavedValues ? nil : "start the wizard in the folder that holds \(values)"
        let needsAnswers =
            needsValues
            ?? (state.answers["cloud"] == nil
                ? "needs the answers.yaml saved beside \(values); use posthog-install values" : nil)
        return [
            Entry(task: .changeSettings, unavailable: needsAnswers),
            Entry(
                task: .upgrade, unavailable: needsValues,
                detail: release.chartVersion == newest ? "already at chart \(newest): apply your saved \(values) to it again" : nil),
            Entry(task: .resize, unavailable: needsValues),
            Entry(task: .info),
            Entry(task: .oneClickTLS),
            Entry(task: .uninstall),
        ]
    }

    /// Which entries show their explanation line in `rows` rows: all when two rows each fit,
    /// otherwise only the highlighted one.
    public static func detailRows(_ entries: [Entry], highlighted: Int, rows: Int) -> Set<Int> {
        entries.count * 2 <= rows ? Set(entries.indices) : [highlighted]
    }

    /// The entry highlighted by default: the first one that can be chosen.
    public static func defaultHighlight(_ entries: [Entry]) -> Int {
        entries.firstIndex { $0.unavailable == nil } ?? 0
    }
}
