import Testing
@testable import Installer

/// The way into the cluster, checked before anything else.
@Suite struct ClusterAccessCheckTests {
    @Test func aContextThatDoesNotExistIsNamedWithTheOnesThatDo() throws {
        let facts = ClusterAccessFacts(requestedContext: "prdo", contexts: ["prod", "staging"], kubeconfig: "/home/a/.kube/config")
        let problem = try #require(ClusterAccessCheck.problem(facts))
        #expect(problem.message == "The kubectl context \"prdo\" does not exist in /home/a/.kube/config; the contexts it has are: prod, staging.")
        #expect(problem.fix.hasPrefix("Did you mean --context prod? "))
        #expect(problem.isBadInput)
    }

    @Test func noSuggestionWhenNothingIsClose() throws {
        let problem = try #require(ClusterAccessCheck.problem(ClusterAccessFacts(requestedContext: "nope", contexts: ["gke_project_zone_cluster"])))
        #expect(!problem.fix.contains("Did you mean"))
        #expect(ClusterAccessCheck.problem(ClusterAccessFacts(requestedContext: "x", contexts: []))?.message.contains("it has no contexts at all") == true)
    }

    @Test func anUnreadableKubeconfigIsNotCalledAMissingContext() throws {
        let facts = ClusterAccessFacts(requestedContext: "prod", contexts: nil,
                                       configError: "error loading config file \"/tmp/k\": yaml: line 1", kubeconfig: "/tmp/k")
        let problem = try #require(ClusterAccessCheck.problem(facts))
        #expect(problem.message.hasPrefix("kubectl cannot read its configuration /tmp/k: error loading config file"))
    }

    @Test func missingToolsComeFirstAndHelmOnlyWhenNeeded() throws {
        #expect(ClusterAccessCheck.problem(ClusterAccessFacts(kubectlFound: false))?.message.hasPrefix("kubectl was not found") == true)
        let helm = try #require(ClusterAccessCheck.problem(ClusterAccessFacts(currentContext: "a", helmFound: false)))
        #expect(helm.message.hasPrefix("helm was not found on PATH"))
        #expect(!helm.isBadInput)
        #expect(ClusterAccessCheck.problem(ClusterAccessFacts(currentContext: "a", needsHelm: false, helmFound: false)) == nil)
    }

    @Test func noCurrentContextAndNoneGivenIsAProblemButEitherIsEnough() {
        #expect(ClusterAccessCheck.problem(ClusterAccessFacts(contexts: ["a"]))?.fix == "Pass the cluster's context with --context NAME.")
        #expect(ClusterAccessCheck.problem(ClusterAccessFacts(contexts: ["a"], currentContext: "a")) == nil)
        #expect(ClusterAccessCheck.problem(ClusterAccessFacts(requestedContext: "a", contexts: ["a"])) == nil)
    }

    @Test func aContextWhoseClusterIsMissingIsNamed() throws {
        var facts = ClusterAccessFacts(contexts: ["orphan"], currentContext: "orphan", kubeconfig: "/tmp/k")
        facts.chosenCluster = (name: "missing", server: "")
        let problem = try #require(ClusterAccessCheck.problem(facts))
        #expect(problem.message == "The kubectl context \"orphan\" names the cluster \"missing\", which /tmp/k does not define (or gives no server address), so there is nothing to talk to.")
        facts.chosenCluster = (name: "c", server: "https://10.0.0.1")
        #expect(ClusterAccessCheck.problem(facts) == nil)
    }
}
