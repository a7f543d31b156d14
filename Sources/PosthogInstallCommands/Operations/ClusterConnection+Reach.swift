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
}
