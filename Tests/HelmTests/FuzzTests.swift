import PosthogFuzzing
import Testing

/// A fixed, short fuzz run of the template engine and the YAML reader in every test run: odd
/// inputs must end in an error, never a crash (which would end the whole test run) or a hang.
/// `scripts/fuzz.sh` runs a longer one with fresh seeds.
@Suite struct FuzzTests {
    @Test func aFixedBudgetOfOddInputsEndsInErrorsNotCrashes() {
        var run = FuzzRun(seed: 20_261_206)
        run.slowLimit = .seconds(20)  // RSA key generation in a debug build takes seconds
        let summary = run.run(count: 3_000)
        #expect(summary.inputs == 3_000)
        #expect(summary.errors > 500, "most inputs are refused with an error")
        #expect(summary.slow.isEmpty, "hangs: \(summary.slow)")
    }

    @Test func everyFunctionWithNoArgumentsIsAnErrorOrAValue() {
        for name in FuzzInputs.functionNames {
            _ = FuzzRun.render("{{ \(name) }}")
            _ = FuzzRun.render("{{ \(name) nil nil nil }}")
        }
        #expect(FuzzRun.render("{{ fromJson }}"), "fromJson without its argument is Helm's arity error")
    }

    /// Inputs the fuzzer found crashing (traps and failed allocations), now errors.
    @Test(arguments: [
        "{{ fromJson }}", "{{ 9223372036854775807 | randAlpha }}", "{{ randAlphaNum 9223372036854775807 }}",
        "{{ 9223372036854775807 | randAscii }}", "{{ 9223372036854775807 | randBytes }}",
        "{{ \"x\" | nindent 9223372036854775807 }}", "{{ indent 9223372036854775807 \"x\" }}",
        "{{ repeat 9223372036854775807 \"ab\" }}", "{{ 1 | seq 9223372036854775807 }}", "{{ seq 1 9223372036854775806 }}",
        "{{ until 9223372036854775807 }}", "{{ untilStep 0 9223372036854775807 4611686018427387904 | len }}",
    ])
    func foundCrashesAreErrorsNow(_ template: String) {
        #expect(FuzzRun.render(template))
    }

    @Test func aHugeCertificateLifetimeDoesNotTrap() {
        _ = FuzzRun.render("{{ genCA \"x\" 9223372036854775807 }}")
    }
}
