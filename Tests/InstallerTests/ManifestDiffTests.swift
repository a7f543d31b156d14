import Testing
import YAML
@testable import Installer

/// The change table of an upgrade and its risk flags, computed from the two manifests.
@Suite struct ManifestDiffTests {
    func objects(_ yaml: String) throws -> [ManifestObject] {
        ManifestObject.objects(try YAML.parseDocuments(yaml, file: "test", options: .helm), defaultNamespace: "posthog")
    }

    static let statefulSet = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: posthog-posthog-postgresql
          labels: {helm.sh/chart: postgresql-8.6.1}
        spec:
          replicas: 1
          selector: {matchLabels: {app: pg}}
          template:
            spec:
              containers:
                - name: pg
                  image: postgres:11
                  env:
                    - name: PGPASSWORD
                      valueFrom: {secretKeyRef: {name: posthog-postgresql, key: postgresql-password}}
          volumeClaimTemplates:
            - metadata: {name: data}
              spec: {resources: {requests: {storage: 10Gi}}}
        """

    @Test func aTemplateChangeIsAllowedAndSaysWhatChanges() throws {
        let old = try objects(Self.statefulSet)
        let new = try objects(Self.statefulSet.replacingOccurrences(of: "postgres:11", with: "postgres:12"))
        let changes = ManifestDiff.changes(deployed: old, rendered: new)
        #expect(changes.count == 1)
        #expect(changes[0].operation == .change)
        #expect(changes[0].reason == "changes spec.template.spec.containers[0].image")
        #expect(changes[0].risks.isEmpty)
    }

    @Test func aVolumeClaimTemplateChangeIsRefusedWithResizeAsTheWay() throws {
        let old = try objects(Self.statefulSet)
        let new = try objects(Self.statefulSet.replacingOccurrences(of: "storage: 10Gi", with: "storage: 20Gi"))
        let risk = try #require(ManifestDiff.changes(deployed: old, rendered: new).first?.risks.first)
        #expect(risk.kind == .refused && risk.blocksUpgrade)
        #expect(risk.message.contains("spec.volumeClaimTemplates[0].spec.resources.requests.storage"))
        #expect(risk.fix.contains("posthog-install resize"))
    }

    @Test func selectorsClusterIPsAndJobTemplatesAreRefused() throws {
        let selector = try objects(Self.statefulSet.replacingOccurrences(of: "app: pg", with: "app: postgres"))
        let kinds = ManifestDiff.changes(deployed: try objects(Self.statefulSet), rendered: selector)[0].risks.map(\.message)
        #expect(kinds.contains { $0.contains("selector") }, "\(kinds)")
        let service = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {clusterIP: 10.0.0.1, ports: [{port: 80}]}\n"
        let moved = try objects(service.replacingOccurrences(of: "10.0.0.1", with: "10.0.0.2"))
        #expect(ManifestDiff.changes(deployed: try objects(service), rendered: moved)[0].risks.first?.kind == .refused)
        let job = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate}\nspec: {template: {spec: {containers: [{name: m, image: a}]}}}\n"
        let changed = try objects(job.replacingOccurrences(of: "image: a", with: "image: b"))
        #expect(ManifestDiff.changes(deployed: try objects(job), rendered: changed)[0].risks.first?.message.contains("Job's pod template") == true)
    }

    @Test func claimsGrowButNeverShrink() throws {
        let claim = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec: {resources: {requests: {storage: 10Gi}}}\n"
        let grown = try objects(claim.replacingOccurrences(of: "10Gi", with: "20Gi"))
        #expect(ManifestDiff.changes(deployed: try objects(claim), rendered: grown)[0].risks.isEmpty)
        let shrunk = try objects(claim.replacingOccurrences(of: "10Gi", with: "5Gi"))
        #expect(ManifestDiff.changes(deployed: try objects(claim), rendered: shrunk)[0].risks.map(\.message) == ["A volume claim cannot shrink (10Gi → 5Gi)."])
    }

    @Test func deletionsOfVolumesAndOfWhatOwnsThemLoseData() throws {
        let claim = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec: {}\n"
        let changes = ManifestDiff.changes(deployed: try objects(Self.statefulSet + "\n---\n" + claim + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"),
                                           rendered: [])
        #expect(changes.map(\.operation) == [.delete, .delete, .delete])
        #expect(changes.filter { $0.risks.contains { $0.kind == .dataLoss } }.map(\.key.kind).sorted() == ["PersistentVolumeClaim", "StatefulSet"])
    }

    @Test func secretsAreFlaggedAndTheirValuesNeverShown() throws {
        let secret = "apiVersion: v1\nkind: Secret\nmetadata: {name: posthog}\ndata: {postgresql-password: czNjcjN0, redis-password: b2xk}\n"
        let regenerated = secret.replacingOccurrences(of: "czNjcjN0", with: "bmV3cGFzcw==")
        let old = try objects(secret), new = try objects(regenerated)
        let change = try #require(ManifestDiff.changes(deployed: old, rendered: new).first)
        #expect(change.risks.first?.kind == .secret)
        #expect(change.risks.first?.message.hasPrefix("The Secret's postgresql-password changes") == true)
        let details = ObjectDetails.lines(old: old.first, new: new.first)
        #expect(details.contains { $0.hasPrefix("- ") && $0.contains("postgresql-password: '(hidden: old value)'") }, "\(details)")
        #expect(details.contains { $0.hasPrefix("+ ") && $0.contains("postgresql-password: '(hidden: new value)'") }, "\(details)")
        #expect(!details.joined().contains("czNjcjN0") && !details.joined().contains("bmV3cGFzcw"))
        #expect(details.contains { $0.contains("redis-password") && $0.contains("hidden, unchanged") })
    }

    @Test func aChangedSecretReferenceIsFlagged() throws {
        let new = try objects(Self.statefulSet.replacingOccurrences(of: "name: posthog-postgresql", with: "name: posthog-postgresql-v2"))
        let risks = ManifestDiff.changes(deployed: try objects(Self.statefulSet), rendered: new)[0].risks
        #expect(risks.map(\.kind) == [.secret])
        #expect(risks[0].message.contains("now posthog-postgresql-v2/postgresql-password"))
    }

    @Test func chartLabelsAloneAreBookkeepingAndKeyOrderIsNotAChange() throws {
        let relabelled = try objects(Self.statefulSet.replacingOccurrences(of: "postgresql-8.6.1", with: "postgresql-8.6.2"))
        #expect(ManifestDiff.changes(deployed: try objects(Self.statefulSet), rendered: relabelled)[0].reason == "chart version labels only")
        let a = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: '1', b: '2'}\n"
        let b = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {b: '2', a: '1'}\n"
        #expect(ManifestDiff.changes(deployed: try objects(a), rendered: try objects(b)).isEmpty)
    }

    @Test func whatHelmAddsWhenApplyingIsNotAChangeAndChecksumsRestartPods() throws {
        let plain = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {template: {metadata: {annotations: {checksum/secrets.yaml: abc}}}}\n"
        let stored = plain.replacingOccurrences(of: "metadata: {name: web}", with: "metadata: {name: web, annotations: {meta.helm.sh/release-name: posthog}, labels: {app.kubernetes.io/managed-by: Helm}}")
        #expect(ManifestDiff.changes(deployed: try objects(stored), rendered: try objects(plain)).isEmpty)
        let rechecked = try objects(plain.replacingOccurrences(of: "abc", with: "def"))
        #expect(ManifestDiff.changes(deployed: try objects(stored), rendered: rechecked).first?.reason == "restarts its pods (a configuration checksum changes)")
    }

    @Test func theLineDiffShowsContextAroundChanges() {
        let old = (1...10).map { "line \($0)" }
        var new = old
        new[5] = "line six"
        #expect(TextLineDiff.lines(old: old, new: new, context: 1) == ["  …", "  line 5", "- line 6", "+ line six", "  line 7", "  …"])
        #expect(TextLineDiff.lines(old: old, new: old).isEmpty)
    }
}
