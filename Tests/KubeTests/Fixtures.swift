import Foundation
@testable import Kube

/// Loads JSON fixtures that sit beside this file.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    static func list<T: Decodable>(_ type: T.Type, _ name: String) throws -> [T] {
        try KubeJSON.decodeList(type, from: data(name))
    }

    static func pod(_ name: String) throws -> Pod {
        guard let p = try list(Pod.self, "pods.json").first(where: { $0.name == name }) else {
            throw KubeError.invalidJSON(kind: "Pod", path: name, reason: "not in pods.json")
        }
        return p
    }

    /// 2024-05-01T10:00:00Z plus `seconds`.
    static func time(_ seconds: TimeInterval) -> Date {
        Date(timeIntervalSince1970: 1_714_557_600 + seconds)
    }

    static func context(now: TimeInterval = 300, logs: [String: [String]] = [:]) throws -> DiagnosisContext {
        DiagnosisContext(nodes: try list(Node.self, "nodes-do-2x2.json"), pods: try list(Pod.self, "pods.json"),
                         events: try list(Event.self, "events.json"),
                         storageClasses: try list(StorageClass.self, "storageclasses.json"), logs: logs, now: time(now))
    }
}
