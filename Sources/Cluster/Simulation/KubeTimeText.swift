#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Kube

/// Timestamps as the API server writes them.
enum KubeTimeText {
    /// `2026-11-24T21:40:03Z`.
    static func seconds(_ date: Date) -> String {
        let t = Int64(date.timeIntervalSince1970.rounded(.down))
        let (y, mo, d, h, mi, s) = civil(t)
        return "\(pad(y, 4))-\(pad(mo, 2))-\(pad(d, 2))T\(pad(h, 2)):\(pad(mi, 2)):\(pad(s, 2))Z"
    }

    /// `2026-11-24T21:40:03.512345Z` (event times carry microseconds).
    static func micro(_ date: Date) -> String {
        let whole = date.timeIntervalSince1970.rounded(.down)
        let micros = Int((date.timeIntervalSince1970 - whole) * 1_000_000)
        let base = seconds(date)
        return String(base.dropLast()) + "." + pad(micros, 6) + "Z"
    }

    /// helm's `LAST DEPLOYED:` form, Go's ANSIC layout: `Tue Nov 24 21:40:03 2026`.
    static func ansic(_ date: Date) -> String {
        let t = Int64(date.timeIntervalSince1970.rounded(.down))
        let (y, mo, d, h, mi, s) = civil(t)
        let days = t >= 0 ? t / 86400 : (t - 86399) / 86400
        let weekday = Int(((days % 7) + 11) % 7)  // 1970-01-01 was a Thursday
        let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let day = d < 10 ? " \(d)" : "\(d)"
        return "\(names[weekday]) \(months[mo - 1]) \(day) \(pad(h, 2)):\(pad(mi, 2)):\(pad(s, 2)) \(y)"
    }

    /// helm list's `updated`: `2026-11-24 21:40:03.000000000 +0000 UTC`.
    static func goDefault(_ date: Date) -> String {
        let t = Int64(date.timeIntervalSince1970.rounded(.down))
        let nanos = Int((date.timeIntervalSince1970 - Double(t)) * 1_000_000_000)
        let (y, mo, d, h, mi, s) = civil(t)
        return "\(pad(y, 4))-\(pad(mo, 2))-\(pad(d, 2)) \(pad(h, 2)):\(pad(mi, 2)):\(pad(s, 2)).\(pad(nanos, 9)) +0000 UTC"
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func civil(_ t: Int64) -> (Int, Int, Int, Int, Int, Int) {
        let days = t >= 0 ? t / 86400 : (t - 86399) / 86400
        let rem = Int(t - days * 86400)
        let (year, month, day) = KubeTime.civilFromDays(Int(days))
        return (year, month, day, rem / 3600, rem / 60 % 60, rem % 60)
    }
}
