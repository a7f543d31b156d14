import Foundation
import PosthogFuzzing

// The longer fuzz run (`scripts/fuzz.sh`): `PosthogFuzz [SEED] [COUNT]`. Each input is written to
// `fuzz-last-input.txt` before it runs, so after a crash that file holds the reproducer.
let arguments = CommandLine.arguments.dropFirst()
let seed = arguments.first.flatMap { UInt64($0) } ?? UInt64(Date().timeIntervalSince1970)
let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000
let lastInput = URL(fileURLWithPath: "fuzz-last-input.txt")
print("fuzzing the template engine and the YAML reader: seed \(seed), \(count) inputs")
let summary = FuzzRun(seed: seed).run(count: count) { input in
    try? Data(input.utf8).write(to: lastInput)
}
try? FileManager.default.removeItem(at: lastInput)
print("inputs: \(summary.inputs), refused with an error: \(summary.errors), crashes: 0, slow (over 2 s): \(summary.slow.count)")
for slow in summary.slow { print("slow (\(slow.milliseconds) ms): \(slow.input.debugDescription)") }
exit(summary.slow.isEmpty ? 0 : 1)
