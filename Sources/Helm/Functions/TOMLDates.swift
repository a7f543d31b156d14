/// TOML's local date-times, dates and times as BurntSushi/toml represents them: Go times in
/// fixed zones named `datetime-local`, `date-local` and `time-local` with the process's
/// offset, which the encoder recognises to write them back without an offset.
enum TOMLDates {
    /// The local zone's offset when first needed (Go takes it when the package loads).
    private static let offset: Int64 = GoLocation.local.lookup(SprigDates.systemClock().seconds).offset

    /// The zone of a local date-time (`1979-05-27T07:32:00`).
    static let localDatetime = GoLocation.fixed(name: "datetime-local", offset: offset)
    /// The zone of a local date (`1979-05-27`).
    static let localDate = GoLocation.fixed(name: "date-local", offset: offset)
    /// The zone of a local time (`07:32:00`).
    static let localTime = GoLocation.fixed(name: "time-local", offset: offset)

    /// A time as the encoder writes it: RFC 3339 with nanoseconds, or the local forms in UTC.
    static func text(_ time: GoTime) -> String {
        let location = time.location
        if location === localDatetime { return time.in(.utc).format("2006-01-02T15:04:05.999999999") }
        if location === localDate { return time.in(.utc).format("2006-01-02") }
        if location === localTime { return time.in(.utc).format("15:04:05.999999999") }
        return time.format("2006-01-02T15:04:05.999999999Z07:00")
    }
}
