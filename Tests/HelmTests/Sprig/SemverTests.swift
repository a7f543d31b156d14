import GoTemplate
import Testing
@testable import Helm

/// Masterminds/semver v3 behaviour (tables from its version_test.go and constraints_test.go)
/// and Sprig's `semver`/`semverCompare` as templates see them.
@Suite struct SemverTests {
    @Test func singleConstraintsMatchSemver() throws {
        for (constraint, version, expected) in Self.singleConstraints {
            let c = try SemverConstraints(parsing: constraint)
            #expect(c.check(try SemanticVersion(parsing: version)) == expected, "\(constraint) vs \(version)")
        }
    }

    @Test func constraintSetsMatchSemver() throws {
        for (constraint, version, expected) in Self.constraintSets {
            let c = try SemverConstraints(parsing: constraint)
            #expect(c.check(try SemanticVersion(parsing: version)) == expected, "\(constraint) vs \(version)")
        }
    }

    @Test func comparisonOrdersPrereleases() throws {
        for (a, b, expected) in Self.comparisons {
            #expect(try SemanticVersion(parsing: a).compare(try SemanticVersion(parsing: b)) == expected, "\(a) vs \(b)")
        }
    }

    @Test func parsingAcceptsWhatSemverAccepts() {
        for (text, fails) in Self.versions {
            #expect(((try? SemanticVersion(parsing: text)) == nil) == fails, "\(text)")
        }
    }

    @Test func constraintStructure() {
        for (text, ors, count, fails) in Self.newConstraints {
            guard let c = try? SemverConstraints(parsing: text) else {
                #expect(fails, "\(text)")
                continue
            }
            #expect(!fails, "\(text)")
            #expect(c.groups.count == ors, "\(text)")
            #expect(c.groups.first?.count == count, "\(text)")
        }
    }

    @Test func partsAndNormalizedText() throws {
        let v = try SemanticVersion(parsing: "v1.2-beta.5+build.7")
        #expect(v.major == 1 && v.minor == 2 && v.patch == 0)
        #expect(v.prerelease == "beta.5" && v.metadata == "build.7")
        #expect(v.description == "1.2.0-beta.5+build.7")
        #expect(v.original == "v1.2-beta.5+build.7")
        #expect(try SemanticVersion(parsing: "01.1.1").description == "1.1.1")
    }

    @Test func errorMessagesAreSemvers() {
        func message(_ text: String) -> String? {
            do { _ = try SemanticVersion(parsing: text); return nil } catch { return error.message }
        }
        #expect(message("foo") == "invalid semantic version")
        #expect(message("") == "invalid semantic version")
        #expect(message("1.2.3.4") == "invalid semantic version")
        #expect(message("1.2.3-beta.01") == "version segment starts with 0")
        #expect(message("1.0.0-alpha_beta") == "invalid semantic version")
        #expect(message("99999999999999999999") ==
            "error parsing version segment: strconv.ParseUint: parsing \"99999999999999999999\": value out of range")
        func constraintMessage(_ text: String) -> String? {
            do { _ = try SemverConstraints(parsing: text); return nil } catch { return error.message }
        }
        #expect(constraintMessage("foo") == "improper constraint: \"foo\"")
        #expect(constraintMessage("") == "improper constraint: \"\"")
        #expect(constraintMessage(">= 1.2 || bar") == "improper constraint: \" bar\"")
        #expect(constraintMessage("1x") == "constraint parser error")
    }

    @Test func rangesRewriteAsSemverDoes() {
        let cases = [
            ("2 - 3", ">= 2, <= 3 "),
            ("2 - 3, 2 - 3", ">= 2, <= 3 ,>= 2, <= 3 "),
            ("2 - 3, 4.0.0 - 5.1", ">= 2, <= 3 ,>= 4.0.0, <= 5.1 "),
            ("2 - 3 4.0.0 - 5.1", ">= 2, <= 3 >= 4.0.0, <= 5.1 "),
            ("1.0.0 - 2.0.0 <=2.0.0", ">= 1.0.0, <= 2.0.0 <=2.0.0"),
        ]
        for (input, expected) in cases {
            #expect(SemverConstraintSyntax.rewriteRanges(input) == expected)
        }
    }

    /// Constraints charts write against `.Capabilities.KubeVersion`.
    @Test func kubernetesStyleConstraints() throws {
        let cases: [(String, String, Bool)] = [
            (">=1.19-0", "v1.37.0", true),
            (">=1.19-0", "1.18.9", false),
            (">=1.21-0", "v1.21.3-gke.1200", true),
            (">=1.21", "v1.21.3-gke.1200", false),
            (">=1.21-0", "1.20.15-eks-abcdef", false),
            (">= 1.14-0 < 1.22-0", "v1.37.0", false),
            (">= 1.14-0 < 1.22-0", "v1.21.3", true),
            (">= 1.14-0 < 1.22-0", "1.21.3-gke.100", true),
            ("^1.2.0", "1.5.0", true),
            ("^1.2.0", "2.0.0", false),
            ("1.2 - 1.4.5", "1.4.5", true),
            ("1.2 - 1.4.5", "1.4.6", false),
            ("<1.25.0-0 || >=1.30", "v1.31.2", true),
            ("<1.25.0-0 || >=1.30", "v1.27.0", false),
            ("~1.30.x", "1.30.9", true),
        ]
        for (constraint, version, expected) in cases {
            #expect(try SprigSemver.compare(constraint: constraint, version: version) == expected, "\(constraint) vs \(version)")
        }
    }

    private func render(_ source: String) throws -> String {
        let set = TemplateSet(functions: SprigSemver.functions.merging(SprigCore.functions) { a, _ in a })
        try set.parse(name: "t", source: source)
        return try set.execute("t", data: .null)
    }

    @Test func templateFunctions() throws {
        #expect(try render(#"{{ semverCompare ">=1.19-0" "v1.37.0" }}"#) == "true")
        #expect(try render(#"{{ semverCompare "<1.19" "v1.37.0" }}"#) == "false")
        #expect(try render(#"{{ semver "v1.2" }}"#) == "1.2.0")
        #expect(try render(#"{{ typeOf (semver "v1.2") }}"#) == "*semver.Version")
        let v = #"(semver "v1.2.3-beta.1+b5")"#
        #expect(try render("{{ \(v).Major }}.{{ \(v).Minor }}.{{ \(v).Patch }}") == "1.2.3")
        #expect(try render("{{ \(v).Prerelease }}|{{ \(v).Metadata }}|{{ \(v).Original }}|{{ \(v).String }}")
            == "beta.1|b5|v1.2.3-beta.1+b5|1.2.3-beta.1+b5")
        #expect(try render(#"{{ (semver "1.2.3").Compare (semver "1.3.0") }}"#) == "-1")
        #expect(try render(#"{{ (semver "1.2.3").LessThan (semver "1.3.0") }}"#) == "true")
        #expect(try render(#"{{ (semver "1.2.3").GreaterThan (semver "1.3.0") }}"#) == "false")
        #expect(try render(#"{{ (semver "1.2.3+a").Equal (semver "v1.2.3+b") }}"#) == "true")
        #expect(try render(#"{{ (semver "v1.2.3-rc1").IncPatch }}"#) == "1.2.3")
        #expect(try render(#"{{ (semver "v1.2.3").IncMinor }} {{ typeOf (semver "1.0").IncMajor }}"#) == "1.3.0 semver.Version")
        #expect(try render(#"{{ (semver "1.2.3").SetPrerelease "rc.1" }}"#) == "1.2.3-rc.1")
    }

    @Test func templateErrors() {
        func failure(_ source: String) -> String {
            do { return "no error: " + (try render(source)) } catch { return "\(error)" }
        }
        #expect(failure(#"{{ semverCompare "foo" "1.2.3" }}"#).hasSuffix("error calling semverCompare: improper constraint: \"foo\""))
        #expect(failure(#"{{ semverCompare ">1" "bad" }}"#).hasSuffix("error calling semverCompare: invalid semantic version"))
        #expect(failure(#"{{ semver "1.2.3-beta.01" }}"#).hasSuffix("error calling semver: version segment starts with 0"))
        #expect(failure(#"{{ (semver "1.2.3").IncMinor.Original }}"#).hasSuffix("can't evaluate field Original in type semver.Version"))
    }
}
