import Helm
import YAML

/// Runs fuzz inputs through the template engine and the YAML reader. Errors are the expected
/// outcome; a crash ends the process (the caller records each input before running it, so the
/// input that crashed is known), and an input slower than `slowLimit` is reported as a hang.
public struct FuzzRun {
    /// What one input was and how long it took.
    public struct Slow: Sendable, Hashable {
        /// The input.
        public var input: String
        /// Milliseconds it took.
        public var milliseconds: Int
    }

    /// The counts of a run.
    public struct Summary: Sendable, Hashable {
        /// Inputs run.
        public var inputs = 0
        /// Inputs the engine or reader refused with an error (not a crash).
        public var errors = 0
        /// Inputs slower than the limit.
        public var slow: [Slow] = []
    }

    /// The seed of the input sequence.
    public var seed: UInt64
    /// How long one input may take before it counts as a hang.
    public var slowLimit: Duration = .seconds(2)

    /// A run from `seed`.
    public init(seed: UInt64) { self.seed = seed }

    /// Runs `count` inputs; `before` sees each one first (to save it in case it crashes).
    public func run(count: Int, before: (String) -> Void = { _ in }) -> Summary {
        var random = SeededRandom(seed: seed)
        var summary = Summary()
        let clock = ContinuousClock()
        for index in 0..<count {
            let kind = index % 4
            let input: String
            switch kind {
            case 0, 1: input = FuzzInputs.functionCall(&random)
            case 2: input = FuzzInputs.tokenSoup(&random)
            default:
                let seedText = FuzzInputs.yamlSeeds[Int(random.next() % UInt64(FuzzInputs.yamlSeeds.count))]
                input = FuzzInputs.mutate(seedText, &random)
            }
            before(input)
            let started = clock.now
            let failed = kind == 3 ? Self.readYAML(input) : Self.render(input)
            let took = clock.now - started
            summary.inputs += 1
            if failed { summary.errors += 1 }
            if took > slowLimit {
                let ms = Int(took.components.seconds * 1000 + took.components.attoseconds / 1_000_000_000_000_000)
                summary.slow.append(Slow(input: input, milliseconds: ms))
            }
        }
        return summary
    }

    /// Renders `template` as a chart's only template; true when it was refused with an error.
    public static func render(_ template: String) -> Bool {
        do {
            let chart = try ChartLoader.load(files: [
                ChartFile(path: "Chart.yaml", data: Array("apiVersion: v2\nname: fuzz\nversion: 0.1.0\n".utf8)),
                ChartFile(path: "values.yaml", data: Array("list: [1, 2]\nmap: {a: 1}\n".utf8)),
                ChartFile(path: "templates/_t.tpl", data: Array("{{ define \"t\" }}t{{ end }}".utf8)),
                ChartFile(path: "templates/x.yaml", data: Array(template.utf8)),
            ], source: "fuzz")
            var options = HelmTemplateOptions()
            options.releaseName = "fuzz"
            _ = try HelmTemplate.run(chart: chart, options: options)
            return false
        } catch {
            return true
        }
    }

    /// Parses `text` as YAML (and as a values file); true when it was refused with an error.
    public static func readYAML(_ text: String) -> Bool {
        do {
            _ = try YAML.parse(text, file: "fuzz.yaml")
            _ = try YAMLEditor(text: text, file: "fuzz.yaml")
            return false
        } catch {
            return true
        }
    }
}
