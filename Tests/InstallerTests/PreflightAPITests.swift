import Testing
@testable import Installer

/// Objects whose API the cluster does not serve are caught before helm runs.
@Suite struct PreflightAPITests {
    static let gkeObjects = [
        RenderedObjectRef(apiVersion: "v1", kind: "Service", name: "posthog-web"),
        RenderedObjectRef(apiVersion: "networking.gke.io/v1", kind: "ManagedCertificate", name: "posthog-gke-cert"),
        RenderedObjectRef(apiVersion: "networking.gke.io/v1beta1", kind: "FrontendConfig", name: "posthog-frontend-config"),
        RenderedObjectRef(apiVersion: "clickhouse.altinity.com/v1", kind: "ClickHouseInstallation", name: "posthog"),
    ]

    func facts(served: Set<String>?, definedByChart: Set<String> = ["clickhouse.altinity.com"]) -> PreflightFacts {
        var f = PreflightFacts()
        f.servedAPIGroups = served
        f.renderedObjects = Self.gkeObjects
        f.chartDefinedGroups = definedByChart
        return f
    }

    @Test func gkeObjectsOnAnotherCloudBlockWithWhatToDo() throws {
        let check = try #require(Preflight.apiResources(facts(served: ["", "apps", "networking.k8s.io"])))
        #expect(check.status == .fail)
        #expect(check.message.hasPrefix("This is not a Google Kubernetes Engine (GKE) cluster"))
        #expect(check.details == ["ManagedCertificate posthog-gke-cert (networking.gke.io/v1)",
                                  "FrontendConfig posthog-frontend-config (networking.gke.io/v1beta1)"])
        #expect(check.fix.contains("--cloud aws, do or other"))
    }

    @Test func onGKEEverythingIsServedOrBroughtByTheChart() throws {
        let check = try #require(Preflight.apiResources(facts(served: ["", "networking.gke.io"])))
        #expect(check.status == .pass)
    }

    @Test func otherMissingAPIsAreNamedGenerically() throws {
        let check = try #require(Preflight.apiResources(facts(served: ["", "networking.gke.io"], definedByChart: [])))
        #expect(check.status == .fail)
        #expect(check.message == "The cluster does not serve the API clickhouse.altinity.com, which the chart's objects need.")
    }

    @Test func unknownAPIsSkipTheCheck() {
        #expect(Preflight.apiResources(facts(served: nil)) == nil)
        #expect(RenderedObjectRef(apiVersion: "v1", kind: "Pod", name: "p").group == "")
    }

    @Test func cloudGroupsAreRecognised() {
        #expect(CloudAPIGroups.isCloudProvided("networking.gke.io"))
        #expect(CloudAPIGroups.isCloudProvided("elbv2.k8s.aws"))
        #expect(!CloudAPIGroups.isCloudProvided("clickhouse.altinity.com"))
        #expect(!CloudAPIGroups.isCloudProvided("cert-manager.io"))
    }
}
