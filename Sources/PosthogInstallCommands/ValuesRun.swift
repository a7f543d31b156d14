import Effects
import Helm
import Installer
import YAML

/// The work behind `posthog-install values`, apart from argument parsing so tests can run it
/// against in-memory files and read exactly what would be printed.
struct ValuesRun {
    /// The parsed command line.
    struct Request {
        var flags = AnswerFlags()
        var answersFile: String?
        var smtpPasswordFile: String?
        var output = "values.yaml"
        var chart: String?
        var dryRun = false
        /// Print passwords in clear with `--dry-run` (otherwise they are masked as `***`).
        var showSecrets = false
    }

    /// What to print and the exit status.
    struct Output: Equatable {
        var stdout = ""
        var stderr = ""
        var status: ToolExitCode = .success
    }

    /// A failure with the exit code it maps to.
    struct Failure: Error {
        let message: String
        let status: ToolExitCode
        static func input(_ message: String) -> Failure { Failure(message: message, status: .badInput) }
    }

    let files: any FileSystem
    let secrets: any SecretSource
    let profiles: [ProfileSet]
    /// Where a downloaded chart of a version is cached, for linting without `--chart`.
    var cachedChart: (String) -> String? = { _ in nil }

    /// Generates, checks and writes values.yaml and answers.yaml.
    func execute(_ request: Request) -> Output {
        do {
            return try run(request)
        } catch let failure as Failure {
            return Output(stderr: "Error: \(failure.message)\n", status: failure.status)
        } catch {
            return Output(stderr: "Error: \(error)\n", status: .failed)
        }
    }

    private func run(_ request: Request) throws -> Output {
        // Another run changing the same files waits until this one is done (read, change, write).
        let lock = request.dryRun ? nil : files.lockForChanges(request.output)
        defer { withExtendedLifetime(lock) {} }
        var flags = request.flags
        if let passwordFile = request.smtpPasswordFile {
            guard flags.smtpPassword == nil else {
                throw Failure.input(
                    "--smtp-password and --smtp-password-file both give the SMTP password; use only one (the file keeps it out of your shell history)"
                )
            }
            flags.smtpPassword = try readText(passwordFile, what: "SMTP password file").trimming("\n\r")
        }
        let pair = SavedAnswers(files: files, valuesPath: request.output)
        let answersPath = pair.answersPath
        // The answers last given, if saved: this run starts from them.
        let saved = try files.exists(answersPath) ? readAnswers(answersPath) : nil
        // The answers the current values.yaml was written from (older ones if the last run was cut off).
        let writtenFrom = pair.textValuesWereWrittenFrom().flatMap { try? AnswersFile.read($0, file: answersPath, profiles: profiles) }
        let given = try request.answersFile.map(readAnswers)
        let base = given ?? saved

        let profile = try chooseProfile(flags: &flags, chart: request.chart, base: base?.0)
        var sheet = base.map { Self.carry($0.1, to: profile) } ?? AnswerSheet()
        do { sheet = try HeadlessAnswers.apply(flags, to: sheet, profile: profile) } catch let problem as HeadlessAnswers.Problem {
            throw Failure.input(problem.description)
        }

        let existing = files.exists(request.output) ? try readText(request.output, what: "values file") : nil
        let existingValues: YAMLValue
        do { existingValues = try existing.map { try YAML.parse($0, file: request.output) } ?? .null } catch let error as YAMLError {
            throw Failure.input(
                "\(error.description)\n\(request.output) was left as it is; fix the line above (or move the file away) and run again.")
        }
        let missing = sheet.missing(in: profile) { question in
            question.sets.contains { existingValues.value(at: $0.path).map { $0 != .null } ?? false }
        }
        if !missing.isEmpty {
            let list = missing.map { "  --\($0.id): \($0.prompt)" }.joined(separator: "\n")
            throw Failure.input(
                "some answers are missing:\n\(list)\nGive them as flags, or run posthog-install without arguments to be asked.")
        }

        let output: ValuesGeneration.Output
        do {
            output = try ValuesGeneration.generate(
                .init(
                    profile: profile, sheet: sheet, existing: existing, file: request.output,
                    previousSheet: writtenFrom.map { Self.carry($0.1, to: profile) }),
                secrets: secrets)
        } catch let error as YAMLError {
            throw Failure.input("\(error.description)\n\(request.output) was left as it is.")
        }

        let version = sheet.answers["chart-version"] ?? profile.chart.defaultVersion
        let chartPath = request.chart ?? cachedChart(version).flatMap { files.exists($0) ? $0 : nil }
        let findings = try lint(chartPath, text: output.text, file: request.output)
        let blocked = findings.contains { $0.severity == .error }
        var backup: String?
        var wroteAnswers: String?
        if !request.dryRun && !blocked {
            do {
                backup = try pair.write(valuesText: output.text, valuesChanged: !output.unchanged, answers: sheet, profile: profile)
            } catch {
                throw Failure(message: "cannot write \(error.path): \(error.underlying). Nothing was changed.", status: .failed)
            }
            wroteAnswers = answersPath
        }
        let summary = ValuesSummary.text(
            .init(
                profile: profile, sheet: sheet, output: output, valuesPath: request.output,
                answersPath: wroteAnswers, backupPath: backup, findings: findings,
                written: !request.dryRun && !blocked))
        let email = Self.emailReview(output.text, file: request.output).map { $0 + "\n" }.joined()
        let shown = request.dryRun && !request.showSecrets ? Self.masked(output.text, profile: profile) : output.text
        var result = Output(stdout: (request.dryRun ? shown + "\n---\n" + summary : summary) + email)
        if blocked {
            result.stderr = "Error: the chart refuses these values, so \(request.output) was not written. See above.\n"
            result.status = .failed
        }
        return result
    }

    /// `text` with every password the profile knows (generated ones and the person's own, such
    /// as the SMTP password) replaced by `***`, and passwords in URLs and password-like keys
    /// masked as the transcripts do: a dry run's output often ends up in a CI log.
    static func masked(_ text: String, profile: ProfileSet) -> String {
        var redactor = Redactor()
        if let values = try? YAML.parse(text, file: "values.yaml") {
            for path in DesiredValues.secretPaths(profile: profile) {
                switch values.value(at: path) {
                case .string(let secret)?: redactor.register(secret)
                case let other?: if let text = other.stringValue { redactor.register(text) }
                case nil: break
                }
            }
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { redactor.redact(String($0)) }
            .joined(separator: "\n")
    }

    /// `values.yaml` → `answers.yaml`; `prod.yaml` → `prod.answers.yaml`, in the same directory.
    static func answersPath(for valuesPath: String) -> String {
        let (directory, name) = splitPath(valuesPath)
        let prefix = valuesPath.contains("/") ? directory + "/" : ""
        if name == "values.yaml" || name == "values.yml" { return prefix + "answers.yaml" }
        let stem = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name.hasSuffix(".yml") ? String(name.dropLast(4)) : name
        return prefix + stem + ".answers.yaml"
    }

    /// Answers of one profile set carried to another: unknown questions are dropped.
    static func carry(_ sheet: AnswerSheet, to profile: ProfileSet) -> AnswerSheet {
        var carried = AnswerSheet(enabledSections: sheet.enabledSections)
        for (id, answer) in sheet.answers where profile.question(id) != nil && id != "chart-version" {
            carried.answers[id] = answer
        }
        if let version = sheet.answers["chart-version"], profile.chart.supports(version: version) {
            carried.answers["chart-version"] = version
        }
        return carried
    }

    /// The profile set of the chart actually used: a local `--chart` (its Chart.yaml's version,
    /// recorded as the chart-version answer), `--chart-version`, the saved answers, else the newest.
    private func chooseProfile(flags: inout AnswerFlags, chart: String?, base: ProfileSet?) throws -> ProfileSet {
        let local: (ProfileSet, String)?
        do { local = try chart.flatMap { try LocalChartVersion.profile(for: $0, files: files, profiles: profiles) } } catch {
            throw Failure.input(String(describing: error))
        }
        if let (profile, version) = local {
            if let pinned = flags.chartVersion, VersionNumber(pinned) != VersionNumber(version) {
                throw Failure.input(
                    "--chart-version \(pinned) does not match the chart given with --chart, which is version \(version); drop one of them")
            }
            flags.chartVersion = version
            return profile
        }
        if let version = flags.chartVersion {
            guard let profile = ProfileSet.forChartVersion(version, in: profiles) else {
                throw Failure.input(
                    "--chart-version \(version): posthog-install does not support this chart version. "
                        + "Supported: \(LocalChartVersion.supportedRanges(profiles)).")
            }
            return profile
        }
        if let base { return base }
        func major(_ profile: ProfileSet) -> Int { Int(profile.chart.defaultVersion.split(separator: ".").first ?? "") ?? 0 }
        guard let newest = profiles.max(by: { major($0) < major($1) }) else {
            throw Failure(message: "no profile sets are built in", status: .failed)
        }
        return newest
    }

    private func readAnswers(_ path: String) throws -> (ProfileSet, AnswerSheet) {
        let text = try readText(path, what: "answers file")
        do { return try AnswersFile.read(text, file: path, profiles: profiles) } catch let problem as AnswersFile.Problem {
            throw Failure.input(problem.description)
        }
    }

    private func lint(_ chartPath: String?, text: String, file: String) throws -> [ValuesLint.Finding] {
        guard let chartPath else { return [] }
        let chart: Chart
        do { chart = try ChartLoader.load(path: chartPath) } catch {
            throw Failure.input("--chart \(chartPath): \(error)")
        }
        let values = try YAML.parse(text, file: file)
        return ValuesLint.unknownKeys(values, known: ChartValueKeys(chart: chart))
            + ValuesLint.render(chart: chart, valuesText: text, file: file)
    }

    private func readText(_ path: String, what: String) throws -> String {
        do { return try files.readString(path) } catch {
            throw Failure.input("cannot read the \(what) \(path): \(error)")
        }
    }
}
