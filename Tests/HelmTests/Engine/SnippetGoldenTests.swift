import Testing
@testable import Helm

/// Snippets whose output or error real Helm v4.3.0 produced, run through our engine.
@Suite struct SnippetGoldenTests {
    /// Prints the differing cases (their count is what the test checks).
    private func report(_ mismatches: [(SnippetGoldens.Case, output: String?, error: String?)]) -> String {
        mismatches.prefix(15).map { item, output, error in
            "\(item.template)\n  helm: \(item.output ?? "error: " + (item.error ?? ""))\n  ours: \(output ?? "error: " + (error ?? ""))"
        }.joined(separator: "\n")
    }

    @Test func nilFieldAccessAndFromYamlBehaveAsInHelm() throws {
        let goldens = try SnippetGoldens.load("helm-semantics.json")
        #expect(goldens.cases.count > 20)
        let mismatches = goldens.mismatches()
        #expect(mismatches.isEmpty, "\(report(mismatches))")
    }

    @Test func everyFunctionChecksItsArgumentCountAsHelmDoes() throws {
        let goldens = try SnippetGoldens.load("function-arguments.json")
        #expect(goldens.cases.count > 400)
        let mismatches = goldens.unexpectedMismatches()
        #expect(mismatches.isEmpty, "\(mismatches.count) differ:\n\(report(mismatches))")
        // The known differences (argument type errors) are still differences, or the list is stale.
        #expect(goldens.mismatches().count == goldens.knownDifferences?.count)
    }

    @Test func functionsGivenOddArgumentTypesAnswerAsHelmDoes() throws {
        let goldens = try SnippetGoldens.load("sprig-argument-types.json")
        #expect(goldens.cases.count > 1_500)
        let mismatches = goldens.unexpectedMismatches()
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(goldens.cases.count) differ:\n\(report(mismatches))")
        #expect(goldens.mismatches().count == goldens.knownDifferences?.count)
    }

    @Test func goTemplateTablesMatchHelm() throws {
        let goldens = try SnippetGoldens.load("go-template-tables.json")
        #expect(goldens.cases.count > 300)
        let mismatches = goldens.unexpectedMismatches()
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(goldens.cases.count) differ:\n\(report(mismatches))")
        #expect(goldens.mismatches().count == goldens.knownDifferences?.count)
    }

    @Test func runawayAndBrokenTemplatesFailAsHelmDoes() throws {
        let goldens = try SnippetGoldens.load("bad-templates.json")
        #expect(goldens.cases.count >= 8)
        let mismatches = goldens.mismatches()
        #expect(mismatches.isEmpty, "\(report(mismatches))")
    }

    /// Helm itself overflows its stack here; we stop at include's limit with an error.
    @Test func tplTextThatRunsItselfStopsWithAnError() throws {
        let goldens = SnippetGoldens(valuesYAML: "x: \"{{ tpl .Values.x . }}\"\n", cases: [], knownDifferences: nil)
        let result = goldens.render("{{ tpl .Values.x . }}")
        #expect(result.output == nil)
        #expect(result.error?.hasSuffix("rendering tpl text nested more than 1000 levels deep (does the text run tpl on itself?): unable to execute template") == true)
    }
}
