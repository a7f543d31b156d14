import Cluster
import Installer
import Kube

/// What a cluster operation (install, upgrade, status, uninstall) reports as it goes. The
/// headless commands print these as lines (`HeadlessPrinter`); the wizard turns them into its
/// progress and post-install screens, so both show the same facts.
enum OperationEvent: Sendable {
    /// A line of plain text for the person.
    case note(String)
    /// Why the operation could not go on (one or more lines, the first starting "Error:");
    /// the headless commands print it on standard error.
    case failure(String)
    /// The preflight's findings.
    case preflight(PreflightReport)
    /// The steps that will run, and the kubectl context they run against.
    case plan([PlanStep], context: String?)
    /// A step began.
    case stepStarted(PlanStep)
    /// A step ended.
    case stepFinished(PlanStep, succeeded: Bool)
    /// One line of helm's (or kubectl's) own output while a step runs.
    case toolOutput(String)
    /// Why a wait ended without success (a problem that waiting will not solve, the time limit,
    /// a cluster that stopped answering): one line, printed as a note, and kept by the wizard
    /// as the reason the run ended.
    case stopped(String)
    /// Advice about the headless command's own flags (the wizard, which wrote the file itself,
    /// leaves it out).
    case headlessHint(String)
    /// A step is still running and has been quiet for a while (headless runs print it, so a
    /// log never sits silent; the wizard shows its own clock).
    case heartbeat(String)
    /// One reading of the namespace, `elapsed` after the watch began.
    case progress(NamespacePollUpdate, elapsed: Duration)
    /// A problem worth showing (each one once).
    case diagnosis(Diagnosis)
    /// Waiting for the load balancer's address from this object.
    case waitingForAddress(AddressSource)
    /// The address did not come; why and what to do.
    case addressProblem(PostInstallFinding)
    /// The DNS record to create, and the address PostHog will answer on.
    case dnsRecord(DNSInstruction, hostname: String, url: String)
    /// The DNS record the run waits for before it changes anything (HTTPS for a 1-click install).
    case recordToCreate(DNSInstruction)
}
