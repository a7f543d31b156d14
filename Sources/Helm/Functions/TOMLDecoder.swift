import GoTemplate

/// Reads TOML documents like BurntSushi/toml's Unmarshal into `map[string]any`.
enum TOMLDecoder {
    /// A parse error with the Go library's message.
    struct DecodeError: Error {
        let message: String
    }

    static func decode(_ text: String) throws(DecodeError) -> ValueMap {
        throw DecodeError(message: "not implemented")
    }
}
