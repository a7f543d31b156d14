import CCurl

/// One blocking HTTP GET through libcurl's easy interface (run it on its own thread:
/// `CurlFetcher` does, through `BlockingWork`).
enum CurlTransfer {
    /// What a transfer ended with.
    enum Outcome: Sendable, Equatable {
        /// An answer, whatever its status.
        case response(status: Int, body: [UInt8])
        /// The body grew past the limit (bytes received so far).
        case tooLarge(bytes: Int)
        /// No answer: libcurl's reason, and its CURLcode (0 when the failure was not libcurl's).
        case failed(String, code: Int = 0)
    }

    /// The body as it arrives, stopped once it passes `limit`.
    private final class Sink {
        var body: [UInt8] = []
        let limit: Int
        var overflowed = false
        init(limit: Int) { self.limit = limit }
    }

    /// GETs `url`, following redirects, failing after `timeout` seconds or past `maxBytes`.
    /// libcurl is loaded (and set up) by the first call, not when the program starts.
    static func get(_ url: String, timeout: Double, maxBytes: Int) -> Outcome {
        if let reason = ccurl_load() {
            return .failed("could not load libcurl, the library used for downloads (\(String(cString: reason)))")
        }
        guard let handle = ccurl_easy_init() else { return .failed("could not start libcurl") }
        defer { ccurl_easy_cleanup(handle) }
        let sink = Sink(limit: maxBytes)
        var errorText = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code: CURLcode = withExtendedLifetime(sink) {
            errorText.withUnsafeMutableBufferPointer { errorBuffer in
                _ = ccurl_set_string(handle, CURLOPT_URL, url)
                _ = ccurl_set_string(handle, CURLOPT_USERAGENT, "posthog-install")
                _ = ccurl_set_long(handle, CURLOPT_FOLLOWLOCATION, 1)
                _ = ccurl_set_long(handle, CURLOPT_MAXREDIRS, 10)
                _ = ccurl_set_long(handle, CURLOPT_NOSIGNAL, 1)
                _ = ccurl_set_long(handle, CURLOPT_TIMEOUT_MS, Int(timeout * 1000))
                _ = ccurl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
                _ = ccurl_set_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
                _ = ccurl_set_string(handle, CURLOPT_ACCEPT_ENCODING, "")
                _ = ccurl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer.baseAddress)
                _ = ccurl_set_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque())
                _ = ccurl_set_write_callback(handle) { data, size, count, context in
                    guard let data, let context else { return 0 }
                    let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
                    let length = size * count
                    if sink.body.count + length > sink.limit {
                        sink.overflowed = true
                        return 0  // stops the transfer (CURLE_WRITE_ERROR)
                    }
                    data.withMemoryRebound(to: UInt8.self, capacity: length) {
                        sink.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
                    }
                    return length
                }
                return ccurl_easy_perform(handle)
            }
        }
        if sink.overflowed { return .tooLarge(bytes: sink.body.count) }
        guard code == CURLE_OK else {
            let detail = String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let summary = ccurl_easy_strerror(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
            return .failed(detail.isEmpty ? summary : detail, code: Int(code.rawValue))
        }
        var status = 0
        _ = ccurl_response_code(handle, &status)
        return .response(status: status, body: sink.body)
    }
}
