/// What stands between the person and `helm upgrade`, decided from the installed and target
/// chart versions and the upgrade notes (pure; the command layer asks or reads flags, then decides again).
public struct UpgradeDecision: Equatable, Sendable {
    /// Why the upgrade cannot go ahead yet.
    public enum Blocker: Hashable, Sendable {
        /// The installed chart version could not be read.
        case unknownInstalledVersion(String)
        /// The target chart version could not be read.
        case unknownTargetVersion(String)
        /// The target is older than what is installed.
        case downgrade(installed: VersionNumber, target: VersionNumber)
        /// Notes with steps need the person's go-ahead (`--yes`).
        case needsConfirmation(noteIDs: [String])
        /// Notes whose steps can lose data need `--accept-data-loss` as well.
        case needsDataLossAcceptance(noteIDs: [String])

        /// What is wrong, for people.
        public var message: String {
            switch self {
            case .unknownInstalledVersion(let t):
                return "Could not tell which chart version is installed (helm reports \"\(t)\")."
            case .unknownTargetVersion(let t):
                return "\"\(t)\" is not a chart version (expected something like 30.46.0)."
            case let .downgrade(i, t):
                return "Chart \(t) is older than the installed \(i); helm upgrade cannot go back safely."
            case .needsConfirmation(let ids):
                return "This upgrade first runs the steps of \(ids.count == 1 ? "an upgrade note" : "\(ids.count) upgrade notes") (\(ids.joined(separator: ", "))), which change what runs in the cluster."
            case .needsDataLossAcceptance(let ids):
                return "A step of \(ids.joined(separator: ", ")) deletes a volume: events not yet stored in ClickHouse can be lost."
            }
        }

        /// What to do, for people.
        public var fix: String {
            switch self {
            case .unknownInstalledVersion:
                return "Check `helm list --namespace posthog`; pass the release and namespace of your install."
            case .unknownTargetVersion:
                return "Pass --chart-version with a version from the chart repository (for example 30.46.0)."
            case .downgrade:
                return "To go back, use `helm rollback` to an earlier revision, or choose a version at least as new as the installed one."
            case .needsConfirmation:
                return "Read the notes above, then answer yes, or pass --yes when running without questions."
            case .needsDataLossAcceptance:
                return "Stop sending events for a few minutes first. When you accept the loss, answer yes to it, or pass --accept-data-loss together with --yes."
            }
        }
    }

    /// The installed chart version (nil when unreadable).
    public var installed: VersionNumber?
    /// The target chart version (nil when unreadable).
    public var target: VersionNumber?
    /// The notes of every major boundary crossed, in order.
    public var notes: [UpgradeNote]
    /// Renamed keys whose rename falls between the installed and the target version.
    public var renamedKeys: [RenamedKey]
    /// What still stops the upgrade; empty means go.
    public var blockers: [Blocker]

    /// Whether the upgrade may run now.
    public var canProceed: Bool { blockers.isEmpty }

    /// Whether the upgrade crosses a major version.
    public var crossesMajor: Bool {
        guard let i = installed, let t = target else { return false }
        return t.major > i.major
    }

    /// Whether a crossed note can lose data.
    public var losesData: Bool { notes.contains(where: \.destructive) }

    /// The command-line flags still missing for a run without questions (`--yes`, `--accept-data-loss`).
    public var missingFlags: [String] {
        blockers.compactMap {
            switch $0 {
            case .needsConfirmation: return "--yes"
            case .needsDataLossAcceptance: return "--accept-data-loss"
            default: return nil
            }
        }
    }

    /// Decides an upgrade from `installed` (`30.2.1`, or helm's `posthog-30.2.1`) to `target`.
    /// `confirmed` is a yes to the notes' steps (or --yes); `acceptDataLoss` a yes to losing data.
    public static func decide(installed installedText: String, target targetText: String, notes all: [UpgradeNote],
                              renamedKeys allKeys: [RenamedKey] = [], confirmed: Bool, acceptDataLoss: Bool) -> UpgradeDecision {
        let installedVersion = parse(installedText)
        let targetVersion = parse(targetText)
        var blockers: [Blocker] = []
        if installedVersion == nil { blockers.append(.unknownInstalledVersion(installedText)) }
        if targetVersion == nil { blockers.append(.unknownTargetVersion(targetText)) }
        guard let i = installedVersion, let t = targetVersion else {
            return UpgradeDecision(installed: installedVersion, target: targetVersion, notes: [], renamedKeys: [], blockers: blockers)
        }
        if t < i { blockers.append(.downgrade(installed: i, target: t)) }
        let notes = t.major > i.major ? UpgradeNote.notes(from: i.major, to: t.major, in: all) : []
        let keys = allKeys.filter { key in
            guard let since = VersionNumber(key.since) else { return false }
            return i < since && since <= t
        }
        let withSteps = notes.filter { !$0.steps.isEmpty }
        if !withSteps.isEmpty && !confirmed { blockers.append(.needsConfirmation(noteIDs: withSteps.map(\.id))) }
        let losing = notes.filter(\.destructive)
        if !losing.isEmpty && !acceptDataLoss { blockers.append(.needsDataLossAcceptance(noteIDs: losing.map(\.id))) }
        return UpgradeDecision(installed: i, target: t, notes: notes, renamedKeys: keys, blockers: blockers)
    }

    /// A version from `30.2.1` or helm's chart column `posthog-30.2.1`.
    static func parse(_ text: String) -> VersionNumber? {
        if let v = VersionNumber(text) { return v }
        let release = InstalledRelease(name: "", namespace: "", chart: text)
        return release.chartVersion
    }
}
