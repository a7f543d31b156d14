extension ClusterConnection {
    /// The context commands run against: the one asked for, else the pinned one, else kubectl's
    /// current context (nil when there is none).
    func effectiveContext(requested: String? = nil) async -> String? {
        if let context = requested ?? context { return context }
        return try? await kubectl.currentContext()
    }

    /// Why the cluster does not answer (`kubectl version`), or nil when it does.
    func unreachableReason() async -> String? {
        do { return try await kubectl.version().serverError?.message } catch { return "\(error)" }
    }

    /// The refusal for a change to a real cluster the person neither named (`--context`) nor
    /// accepted (`--yes`): scripts never change a cluster by accident. `action` is what would
    /// happen ("install into", "upgrade the release in"); nil when the change may go ahead.
    func unconfirmedContextRefusal(requested: String?, yes: Bool, context: String?, action: String) -> String? {
        guard !simulated && requested == nil && !yes else { return nil }
        return "Error: this would \(action) kubectl's current context \(context ?? "(none)"). Run again with --context "
            + "\(context ?? "NAME") (or --yes) to confirm that is the cluster you mean."
    }
}
