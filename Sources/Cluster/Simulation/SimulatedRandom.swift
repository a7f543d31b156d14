#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Deterministic names, UIDs and addresses for the simulation (SplitMix64).
struct SimulatedRandom: Codable, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Kubernetes' suffix alphabet (no vowels, no look-alikes).
    static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    /// A generated-name suffix such as `x7k2p`.
    mutating func suffix(_ length: Int = 5) -> String {
        String((0..<length).map { _ in Self.alphabet[Int(next() % UInt64(Self.alphabet.count))] })
    }

    /// Lower-case hex digits.
    mutating func hex(_ length: Int) -> String {
        var out = ""
        while out.count < length { out += String(next(), radix: 16) }
        return String(out.prefix(length))
    }

    /// A UID in UUID form.
    mutating func uid() -> String {
        let h = hex(32)
        let c = Array(h)
        return "\(String(c[0..<8]))-\(String(c[8..<12]))-4\(String(c[13..<16]))-a\(String(c[17..<20]))-\(String(c[20..<32]))"
    }

    /// A number below `bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
}

/// FNV-1a: a hash that is the same in every run (Swift's `hashValue` is not).
func stableHash(_ text: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h
}
