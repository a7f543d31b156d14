import Kube
import Testing
@testable import Installer

/// Where the address is found, read from what the chart renders (never from names known in advance).
@Suite struct AddressSourceManifestTests {
    static let nginxRender = """
        apiVersion: v1
        kind: Service
        metadata:
          name: posthog-ingress-nginx-controller
          labels:
            app.kubernetes.io/component: controller
        spec:
          type: LoadBalancer
          ports: [{port: 80}, {port: 443}]
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: posthog-web
        spec:
          type: NodePort
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: posthog
          annotations:
            kubernetes.io/ingress.class: nginx
        spec:
          rules:
            - host: posthog.example.com
        """

    static let gkeRender = """
        apiVersion: v1
        kind: Service
        metadata:
          name: posthog-web
        spec:
          type: NodePort
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: posthog-posthog-kafka
        spec:
          type: LoadBalancer
          ports: [{port: 9094}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: posthog
          annotations:
            kubernetes.io/ingress.class: gce
        spec:
          rules:
            - host: PostHog.Example.com
        """

    @Test func anIngressBehindTheChartsIngressControllerIsReachedThroughItsService() {
        let objects = ExposedObjects(yaml: Self.nginxRender)
        #expect(objects.ingresses.first?.ingressClass == "nginx")
        #expect(AddressSource.fromManifests(objects, hostname: "posthog.example.com") == .service("posthog-ingress-nginx-controller"))
    }

    @Test func anIngressServedByTheCloudsOwnControllerCarriesTheAddress() {
        // GKE: no ingress controller in the render, and another LoadBalancer Service that does not serve the hostname.
        let objects = ExposedObjects(yaml: Self.gkeRender)
        #expect(AddressSource.fromManifests(objects, hostname: "posthog.example.com") == .ingress("posthog"))
    }

    @Test func withoutAnIngressTheWebLoadBalancerIsChosen() {
        let services = [Service(name: "kafka", type: "LoadBalancer"), Service(name: "web", type: "LoadBalancer")]
        var withPorts = services
        withPorts[1].ports = [ServicePort(name: "http", port: 80)]
        #expect(AddressSource.fromManifests(ExposedObjects(services: withPorts), hostname: "h.example.com") == .service("web"))
        #expect(AddressSource.fromManifests(ExposedObjects(services: [services[0]]), hostname: "h.example.com") == .service("kafka"))
        #expect(AddressSource.fromManifests(ExposedObjects(services: services), hostname: "h.example.com") == nil,
                "two load balancers and neither serves web traffic: no guess")
        #expect(AddressSource.fromManifests(ExposedObjects(services: [Service(name: "web", type: "NodePort")]), hostname: "h") == nil)
    }

    @Test func anIngressForAnotherHostIsNotTakenButOneForEveryHostIs() {
        var other = Ingress(name: "docs")
        other.hosts = ["docs.example.com"]
        var any = Ingress(name: "catch-all")
        any.routesAnyHost = true
        #expect(AddressSource.fromManifests(ExposedObjects(ingresses: [other]), hostname: "posthog.example.com") == nil)
        #expect(AddressSource.fromManifests(ExposedObjects(ingresses: [other, any]), hostname: "posthog.example.com") == .ingress("catch-all"))
    }

    @Test func hooksAndUnreadableDocumentsAreSkipped() {
        let objects = ExposedObjects(yaml: "kind: Service\nmetadata: [not, a, mapping]\n---\n" + Self.gkeRender)
        #expect(objects.services.map(\.metadata.name) == ["posthog-web", "posthog-posthog-kafka"])
        #expect(ExposedObjects.apiVersions(yaml: Self.nginxRender) == ["v1", "v1", "networking.k8s.io/v1"])
    }
}
