import Foundation
import GoTemplate
import Testing
@testable import Helm

/// Go time semantics (goldens printed by Go's time package against the system tzdata) and
/// Sprig's date functions on a fixed clock.
@Suite struct SprigDatesTests {
    static func goldens() -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/goldens/go-time.json")
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return object
    }

    static func rows(_ key: String) -> [[Any]] { goldens()[key] as? [[Any]] ?? [] }

    /// Zone files come from the system tzdata, as Go reads them.
    static let hasZoneinfo = FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/Europe/Berlin")

    @Test(.enabled(if: hasZoneinfo)) func formatsLikeGo() throws {
        let rows = Self.rows("format")
        #expect(rows.count == 704)
        for row in rows {
            guard let sec = row[0] as? Int, let nsec = row[1] as? Int, let zone = row[2] as? String,
                  let layout = row[3] as? String, let expected = row[4] as? String else {
                Issue.record("bad row \(row)")
                continue
            }
            let t = GoTime(unixSeconds: Int64(sec), nanoseconds: Int64(nsec), location: try GoLocation.load(zone))
            #expect(t.format(layout) == expected, "\(sec) \(zone) \(layout)")
        }
    }

    @Test(.enabled(if: hasZoneinfo)) func parsesLikeGo() throws {
        let rows = Self.rows("parse")
        #expect(rows.count == 35)
        for row in rows {
            guard let layout = row[0] as? String, let value = row[1] as? String, let zone = row[2] as? String,
                  let expected = row[3] as? String else { continue }
            let actual: String
            do {
                let t = try GoTimeParse.parse(layout: layout, value: value, in: try GoLocation.load(zone))
                actual = "\(t.description)|\(t.unixSeconds)"
            } catch {
                actual = "ERR " + error.message
            }
            #expect(actual == expected, "\(layout) / \(value) in \(zone)")
        }
    }

    @Test func parsesDurationsLikeGo() {
        let rows = Self.rows("durationParse")
        #expect(rows.count == 29)
        for row in rows {
            guard let text = row[0] as? String, let expected = row[1] as? String else { continue }
            let actual: String
            do {
                let d = try GoDuration(parsing: text)
                actual = "\(d.nanoseconds)|\(d.description)"
            } catch {
                actual = "ERR " + error.message
            }
            #expect(actual == expected, "\(text)")
        }
    }

    @Test func printsAndRoundsDurationsLikeGo() {
        let rows = Self.rows("durationString")
        #expect(rows.count == 19)
        for row in rows {
            guard let n = (row[0] as? NSNumber)?.int64Value, let text = row[1] as? String,
                  let second = row[2] as? String, let oneAndHalf = row[3] as? String else { continue }
            let d = GoDuration(n)
            #expect(d.description == text, "\(n)")
            #expect(d.rounded(to: GoDuration.second).description == second, "\(n)")
            #expect(d.rounded(to: 1_500_000_000).description == oneAndHalf, "\(n)")
        }
    }

    @Test func posixRuleAfterTheLastTransition() {
        // A zone with no transitions past 2000 relies on its footer rule, as slim TZif files do.
        let location = GoLocation(name: "Test", zones: [.init(name: "EST", offset: -18000, isDST: false)],
                                  transitions: [(0, 0)], extend: "EST5EDT,M3.2.0,M11.1.0")
        let summer = GoTime(unixSeconds: 1_719_835_200, location: location) // 2024-07-01 12:00 UTC
        #expect(summer.format("2006-01-02 15:04 MST -0700") == "2024-07-01 08:00 EDT -0400")
        let winter = GoTime(unixSeconds: 1_704_110_400, location: location) // 2024-01-01 12:00 UTC
        #expect(winter.format("15:04 MST") == "07:00 EST")
        // 2024-03-10 02:30 does not exist in New York; Go's Date lands on 01:30 EST (as in the parse goldens).
        let gap = GoTime(year: 2024, month: 3, day: 10, hour: 2, minute: 30, second: 0, nanosecond: 0, location: location)
        #expect(gap.format("15:04 MST") == "01:30 EST")
    }

    // MARK: Sprig functions on a fixed clock: 2023-11-14 22:13:20.123456789 UTC.

    private func render(_ source: String, local: GoLocation = .utc, data: Value = .null) throws -> String {
        let functions = SprigDates.functions(now: { (1_700_000_000, 123_456_789) }, local: local)
        let set = TemplateSet(functions: functions.merging(SprigCore.functions) { a, _ in a })
        try set.parse(name: "t", source: source)
        return try set.execute("t", data: data)
    }

    private func failure(_ source: String) -> String {
        do { return "no error: " + (try render(source)) } catch { return "\(error)" }
    }

    @Test func nowAndDate() throws {
        #expect(try render("{{ now }}") == "2023-11-14 22:13:20.123456789 +0000 UTC")
        #expect(try render("{{ typeOf now }}") == "time.Time")
        #expect(try render(#"{{ now | date "2006-01-02" }}"#) == "2023-11-14")
        #expect(try render(#"{{ date "2006-01-02 15:04" 0 }}"#) == "1970-01-01 00:00")
        #expect(try render(#"{{ date "15:04" "not a time" }}"#) == "22:13")
        #expect(try render(#"{{ now.Format "Jan 2" }} {{ now.Year }} {{ now.Unix }} {{ now.UTC.YearDay }} {{ now.Weekday }}"#)
            == "Nov 14 2023 1700000000 318 Tuesday")
        #expect(try render(#"{{ (now.AddDate 0 1 20).Format "2006-01-02" }}"#) == "2024-01-03")
        let object = GoTimeObject(GoTime(unixSeconds: 1_700_000_000, nanoseconds: 5_000_000), local: .utc)
        guard case .string(let json) = object.jsonValue else { Issue.record("not a string"); return }
        #expect(json == "2023-11-14T22:13:20.005Z")
    }

    @Test(.enabled(if: hasZoneinfo)) func zones() throws {
        #expect(try render(#"{{ dateInZone "2006-01-02 15:04 MST" now "America/New_York" }}"#) == "2023-11-14 17:13 EST")
        #expect(try render(#"{{ date_in_zone "15:04 MST" 0 "Nowhere/Zone" }}"#) == "00:00 UTC")
        #expect(try render(#"{{ htmlDate -3600 }} {{ htmlDateInZone -3600 "Asia/Kolkata" }}"#) == "1969-12-31 1970-01-01")
        let berlin = try GoLocation.load("Europe/Berlin")
        #expect(try render("{{ now }}", local: berlin) == "2023-11-14 23:13:20.123456789 +0100 CET")
        #expect(try render(#"{{ toDate "2006-01-02 15:04" "2024-07-01 12:00" }}"#, local: berlin)
            == "2024-07-01 12:00:00 +0200 CEST")
        #expect(try render(#"{{ (now.Local).Format "15:04 MST" }}"#, local: berlin) == "23:13 CET")
    }

    @Test func modifyAgoAndParse() throws {
        #expect(try render(#"{{ now | dateModify "1h30m" | date "15:04:05" }}"#) == "23:43:20")
        #expect(try render(#"{{ dateModify "bogus" now | date "15:04" }}"#) == "22:13")
        #expect(try render(#"{{ date_modify "-24h" now | date "2006-01-02" }}"#) == "2023-11-13")
        #expect(failure(#"{{ now | mustDateModify "bogus" }}"#)
            .hasSuffix(#"error calling mustDateModify: time: invalid duration "bogus""#))
        #expect(failure(#"{{ dateModify "1h" 0 }}"#).hasSuffix("wrong type for value; expected time.Time; got int"))
        #expect(try render("{{ ago 1699996400 }} {{ ago now }}") == "1h0m0s 0s")
        #expect(try render(#"{{ toDate "2006-01-02" "2017-12-31" }}"#) == "2017-12-31 00:00:00 +0000 UTC")
        #expect(try render(#"{{ toDate "2006-01-02" "2017-12-31" | date "02/01/2006" }}"#) == "31/12/2017")
        #expect(try render(#"{{ toDate "2006-01-02" "bad" }}"#) == "0001-01-01 00:00:00 +0000 UTC")
        #expect(failure(#"{{ mustToDate "2006-01-02" "bad" }}"#)
            .hasSuffix(#"error calling mustToDate: parsing time "bad" as "2006-01-02": cannot parse "bad" as "2006""#))
        #expect(try render("{{ unixEpoch now }}") == "1700000000")
    }

    @Test func durations() throws {
        let data = Value.map(ValueMap(["n": .int64(95), "big": .int64(3_600_000_000_001), "neg": .int64(-1)]))
        #expect(try render(#"{{ duration "95" }} {{ duration 95 }} {{ duration .n }} {{ duration "abc" }}"#, data: data)
            == "1m35s 0s 1m35s 0s")
        #expect(try render(#"{{ duration "99999999999999999999" }} {{ duration "-3600" }} {{ duration .neg }}"#, data: data)
            == "-1s -1h0m0s -1s")
        let rounds: [(String, String)] = [
            ("2h5m", "2h"), ("1h", "60m"), ("25h", "1d"), ("720h", "30d"), ("721h", "1mo"), ("8760h", "12mo"),
            ("8761h", "1y"), ("-3h", "3h"), ("500ms", "0s"), ("1s", "0s"), ("1.5s", "1s"), ("bogus", "0s"),
        ]
        for (input, expected) in rounds {
            #expect(try render("{{ durationRound \"\(input)\" }}") == expected, "\(input)")
        }
        #expect(try render("{{ durationRound .big }} {{ durationRound 5 }}", data: data) == "1h 0s")
        #expect(try render(#"{{ durationRound (dateModify "-49h" now) }}"#) == "2d")
        #expect(SprigDates.roundedText(.min) == "292y")
    }
}
