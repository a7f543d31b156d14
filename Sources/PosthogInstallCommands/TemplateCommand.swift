import Effects
import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Effects
import Helm
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `posthog-install template`: renders a chart exactly as `helm template` would, with the
/// embedded engine (no helm binary needed).
public struct TemplateCommand: ParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Render a Helm chart locally, exactly as `helm template` prints it.",
        discussion: """
            CHART is a chart directory or a packaged .tgz. Nothing is sent to a cluster: \
            `lookup` finds nothing and the Kubernetes version is the one Helm assumes \
            (v1.37.0) unless you pass --kube-version.
            """
    )

    /// Creates the command.
    public init() {}

    @Argument(
        help: ArgumentHelp(
            "Release name (optional; `release-name` when left out), then the chart.",
            valueName: "name-and-chart"))
    var nameAndChart: [String] = []

    @Option(
        name: [.customShort("f"), .customLong("values")],
        help: ArgumentHelp(
            "A values file (YAML); repeat to merge several, later files win. `-` reads standard input.", valueName: "file"))
    var valueFiles: [String] = []

    @Option(
        name: .customLong("set"), help: ArgumentHelp("Set a value, e.g. --set web.replicacount=2 (repeatable).", valueName: "key=value"))
    var set: [String] = []

    @Option(
        name: .customLong("set-string"), help: ArgumentHelp("Set a value that is always a string (repeatable).", valueName: "key=value"))
    var setString: [String] = []

    @Option(name: [.customShort("n"), .customLong("namespace")], help: ArgumentHelp("Namespace for the release.", valueName: "namespace"))
    var namespace: String = "default"

    @Option(
        name: [.customShort("s"), .customLong("show-only")],
        help: ArgumentHelp(
            "Only print manifests rendered from these templates, e.g. templates/web-deployment.yaml (repeatable).", valueName: "path"))
    var showOnly: [String] = []

    @Option(name: .customLong("kube-version"), help: ArgumentHelp("Kubernetes version the templates should assume.", valueName: "version"))
    var kubeVersion: String?

    @Option(
        name: [.customShort("a"), .customLong("api-versions")], parsing: .singleValue,
        help: ArgumentHelp(
            "Extra Kubernetes API versions the templates may ask for, e.g. monitoring.coreos.com/v1 (repeatable).",
            valueName: "group/version"))
    var apiVersions: [String] = []

    @Flag(name: .customLong("include-crds"), help: "Also print the chart's CustomResourceDefinitions.")
    var includeCRDs = false

    @Flag(name: .customLong("skip-tests"), help: "Leave out `helm test` hooks.")
    var skipTests = false

    @Flag(name: .customLong("is-upgrade"), help: "Render as an upgrade (.Release.IsUpgrade) instead of an install.")
    var isUpgrade = false

    @Flag(name: .customLong("notes"), help: "Also print the chart's NOTES.txt, to standard error.")
    var notes = false

    @Flag(
        name: .customLong("debug"),
        help: ArgumentHelp(
            "As Helm's --debug: when the chart renders invalid YAML, print what it rendered, then the error."))
    var debug = false

    /// Renders and prints; errors are printed as Helm prints them, with exit status 1.
    public func run() throws {
        // The chart and the render are held to the end and the process exits straight after
        // printing (Console writes unbuffered): freeing them piece by piece would cost about
        // a tenth of the command's time for memory the exit gives back anyway.
        let keepAlive = KeptAlive()
        let output = TemplateRun(standardInput: { Data(StandardStream.readInput()) }, keepAlive: keepAlive).execute(self.request)
        Console.standard.write(output.stdout, to: .output)
        Console.standard.write(output.stderr, to: .error)
        withExtendedLifetime(keepAlive) {
            #if canImport(Glibc)
            Glibc.exit(output.status)
            #else
            Darwin.exit(output.status)
            #endif
        }
    }

    var request: TemplateRun.Request {
        TemplateRun.Request(
            arguments: nameAndChart, valueFiles: valueFiles, set: set, setString: setString,
            namespace: namespace, showOnly: showOnly, kubeVersion: kubeVersion,
            apiVersions: apiVersions.flatMap { $0.split(separator: ",").map(String.init) },
            includeCRDs: includeCRDs, skipTests: skipTests, isUpgrade: isUpgrade, notes: notes,
            debug: debug)
    }
}
