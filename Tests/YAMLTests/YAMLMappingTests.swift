import Testing
import YAML

/// `YAMLMapping(uniqueKeys:)` (entries taken as they are) against the general initializer,
/// which looks every key up among the earlier ones, below and above the size where an index is kept.
@Suite struct YAMLMappingTests {
    @Test func uniqueKeysBuildsTheSameMapping() {
        for size in 0...30 {
            let entries = (0..<size).map { (key: "k\(($0 * 7) % 31)", value: YAMLValue.int(Int64($0))) }
            let general = YAMLMapping(entries.map { ($0.key, $0.value) })
            var quick = YAMLMapping(uniqueKeys: entries)
            #expect(quick == general)
            #expect(quick.keys == general.keys)
            for entry in entries { #expect(quick[entry.key] == entry.value) }
            #expect(quick["absent"] == nil)
            // Later edits find the entries the same way.
            if let first = entries.first {
                quick[first.key] = nil
                quick["new"] = .bool(true)
                var edited = general
                edited[first.key] = nil
                edited["new"] = .bool(true)
                #expect(quick == edited)
                for key in edited.keys { #expect(quick[key] == edited[key]) }
            }
        }
    }
}
