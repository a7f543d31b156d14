import GoStrconv
import Testing

/// Go's strconv.FormatFloat(f, 'g' / 'f' / 'e', -1, 64), the one float formatter every module uses.
@Suite struct GoFloatTests {
    @Test(arguments: [
        (1e6, "1e+06"), (123456.0, "123456"), (999999.0, "999999"), (0.0001, "0.0001"), (0.00001, "1e-05"),
        (-0.0, "-0"), (0.0, "0"), (1.5, "1.5"), (-2.25e-7, "-2.25e-07"), (1e100, "1e+100"), (0.1 + 0.2, "0.30000000000000004"),
        (Double.nan, "NaN"), (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"), (8080.0, "8080"),
    ])
    func gFormatMatchesGo(value: Double, expected: String) {
        #expect(GoFloat.g(value) == expected)
    }

    @Test func gFormatWithAHigherExponentThresholdKeepsLargeNumbersWhole() {
        #expect(GoFloat.g(1e20, exponentThreshold: 21) == "100000000000000000000")
        #expect(GoFloat.g(1e21, exponentThreshold: 21) == "1e+21")
        #expect(GoFloat.g(1.5e-5, exponentThreshold: 21) == "1.5e-05")
    }

    @Test func fixedAndExponentFormsUseTheShortestDigits() {
        #expect(GoFloat.fixed(1.5e-7) == "0.00000015")
        #expect(GoFloat.fixed(1e21) == "1000000000000000000000")
        #expect(GoFloat.fixed(-12.5) == "-12.5")
        #expect(GoFloat.exponent(1234.5) == "1.2345e+03")
        #expect(GoFloat.exponent(-0.000125) == "-1.25e-04")
        #expect(GoFloat.exponent(0) == "0e+00")
    }

    @Test func shortestDigitsGiveThePointPosition() {
        #expect(GoFloat.shortestDigits(0.001) == ("1", -2))
        #expect(GoFloat.shortestDigits(8_000_000_000) == ("8", 10))
        #expect(GoFloat.shortestDigits(12.75) == ("1275", 2))
    }
}
