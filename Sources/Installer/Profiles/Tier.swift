/// The scale an install is sized for.
public enum Tier: String, CaseIterable, Sendable {
    /// Smallest volumes and one pod of everything: lowest cost.
    case minimal
    /// Fewer than 1M events a month.
    case small
    /// More than 1M events a month, with autoscaling.
    case large
}
