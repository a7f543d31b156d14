import Cluster
import Effects
import Installer
import Kube
import YAML

/// CSI VolumeSnapshots of the volumes an upgrade puts at risk: what the cluster can offer, then
/// taking them with kubectl and waiting until each is `readyToUse` (with a deadline and a line
/// every `heartbeat` while it waits).
struct UpgradeSnapshots {
    let connection: ClusterConnection
    let clock: any WallClock
    let report: @Sendable (OperationEvent) -> Void
    /// How long all snapshots together may take.
    var deadline: Duration = Waits.snapshots
    /// How often a waiting line is printed.
    var heartbeat: Duration = .seconds(25)
    /// How often the snapshots are read.
    var poll: Duration = .seconds(2)

    /// The label every snapshot of `release` carries.
    static func selector(release: String) -> String { "posthog-install/release=\(release)" }

    /// What can be snapshotted before changes with `blocking` risks; throws when kubectl cannot
    /// read the claims or classes.
    func offer(blocking: [ObjectChange], preview: UpgradePreview.Result, namespace: String, nextRevision: Int) async throws
        -> SnapshotPlan.Offer
    {
        let kubectl = connection.kubectl
        let claims = try await kubectl.persistentVolumeClaims(namespace: namespace).map { claim in
            ClaimInfo(
                name: claim.metadata.name, storageClass: claim.storageClassName,
                size: (claim.capacity ?? claim.requestedStorage)?.description, phase: claim.phase)
        }
        let affected = SnapshotPlan.affectedClaims(blocking: blocking, deployed: preview.deployed, claims: claims)
        guard !affected.isEmpty else { return .nothingAffected }
        let storage = try await kubectl.storageClasses().map {
            StorageClassInfo(name: $0.metadata.name, provisioner: $0.provisioner, isDefault: $0.isDefault)
        }
        let classes = try await kubectl.volumeSnapshotClasses()?.map {
            SnapshotClassInfo(name: $0.metadata.name, driver: $0.driver, isDefault: $0.isDefault)
        }
        let stamp = String(clock.now.fileStamp.filter(\.isNumber).prefix(14))
        return SnapshotPlan.offer(
            affected: affected, claims: claims, storageClasses: storage, snapshotClasses: classes,
            nextRevision: nextRevision, stamp: stamp)
    }

    /// Creates the snapshots and waits for them; returns whether every one is ready (what went
    /// wrong is reported).
    func take(_ targets: [SnapshotTarget], namespace: String, release: String) async -> Bool {
        let emit = { (line: String) in report(.note(line)) }
        emit("")
        emit("Taking \(targets.count) VolumeSnapshot\(targets.count == 1 ? "" : "s") before the upgrade:")
        for target in targets {
            let yaml = YAML.emit(target.manifest(namespace: namespace, release: release))
            do {
                _ = try await connection.kubectl.create(manifest: yaml, namespace: namespace)
                emit("  created \(target.name) of claim \(target.claim) (class \(target.snapshotClass))")
            } catch {
                report(.failure("Error: could not create VolumeSnapshot \(target.name): \(error)"))
                return false
            }
        }
        let names = targets.map(\.name)
        let started = clock.monotonic
        var lastBeat = started
        let limit = Double(deadline.components.seconds)
        while true {
            var states: [String: SnapshotState] = [:]
            var unreadable: String?
            do {
                for snapshot in try await connection.kubectl.volumeSnapshots(
                    namespace: namespace, selector: Self.selector(release: release))
                {
                    states[snapshot.metadata.name] = SnapshotState.from(
                        readyToUse: snapshot.readyToUse, restoreSize: snapshot.restoreSize,
                        errorMessage: snapshot.errorMessage)
                }
            } catch {
                unreadable = "\(error)"
            }
            let elapsed = Double((clock.monotonic - started).components.seconds)
            switch SnapshotWait.verdict(states: states, names: names, elapsed: elapsed, deadline: limit) {
            case .allReady:
                emit("All \(names.count) snapshot\(names.count == 1 ? " is" : "s are") ready (\(Int(elapsed)) s).")
                return true
            case .failed(let name, let message):
                report(.failure("Error: VolumeSnapshot \(name) failed: \(message)"))
                return false
            case .timedOut(let pending):
                report(
                    .failure(
                        "Error: after \(Int(limit)) s these VolumeSnapshots are still not ready to use: \(pending.joined(separator: ", "))."
                    ))
                emit(
                    "`kubectl describe volumesnapshot -n \(namespace) \(pending[0])` shows what the snapshot controller says; "
                        + "once they are ready, run the upgrade again (with --snapshot, new ones are taken).")
                return false
            case .waiting(let pending):
                if clock.monotonic - lastBeat >= heartbeat {
                    lastBeat = clock.monotonic
                    emit(
                        "  still waiting for \(pending.count) snapshot\(pending.count == 1 ? "" : "s") to be ready (\(Int(elapsed)) s of at most \(Int(limit)) s): "
                            + pending.joined(separator: ", ") + (unreadable.map { " (reading them failed: \($0))" } ?? ""))
                }
            }
            do { try await clock.sleep(for: poll) } catch { return false }
        }
    }
}
