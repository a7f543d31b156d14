import Effects

/// Real time sped up by a factor, for tests: the production `ScaledClock` (which also serves
/// `POSTHOG_INSTALL_SIMULATION_SPEED`), under the name the tests use.
public typealias FastClock = ScaledClock
