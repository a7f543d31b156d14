/// How the wizard was started: fixed at launch by the edge, never changed by a key. Kept apart
/// from `WizardState`'s answers and screen state.
public struct WizardLaunch: Sendable, Equatable {
    /// What Enter on the review does, for its key hint ("install", "write values.yaml").
    public var confirmAction = "install"
    /// Whether confirming the review goes on to install (otherwise the wizard ends there).
    public var runsInstall = false
    /// Whether a values.yaml from an earlier install is in the working directory.
    public var hasSavedValues = false
    /// Its path, for the menu's explanations.
    public var savedValuesPath: String?

    /// A launch that only writes values.yaml, with no saved file.
    public init() {}
}
