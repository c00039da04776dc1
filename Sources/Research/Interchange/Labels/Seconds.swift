import Language

/// Integer milliseconds as the decimal seconds that TextGrid, Label Studio and Audacity files hold, and back:
/// written exactly (`1.25`, never `1.2499999`), read with every value checked so that no arithmetic on a file's
/// number can trap.
enum Seconds {
    /// `1.25`, `0`, `12.005`: the fewest decimals that are exact.
    static func text(_ ms: Int) -> String {
        let sign = ms < 0 ? "-" : ""
        let magnitude = ms.magnitude
        let fraction = magnitude % 1000
        guard fraction > 0 else { return "\(sign)\(magnitude / 1000)" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(sign)\(magnitude / 1000).\(digits)"
    }

    /// `1.250000`: Audacity's six decimals.
    static func sixDecimals(_ ms: Int) -> String {
        let magnitude = ms.magnitude
        let fraction = String(magnitude % 1000)
        return "\(ms < 0 ? "-" : "")\(magnitude / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)000"
    }

    /// A file's time in seconds as milliseconds; a negative, not-a-number, infinite or absurdly large one (over a
    /// century) is a problem at `place`.
    static func milliseconds(_ seconds: Double, place: String?, what: String) throws -> Int {
        guard seconds.isFinite, seconds >= 0, seconds <= Double(Timecode.maxHours) * 3600,
              let ms = Timecode.milliseconds(seconds: seconds) else {
            throw LabelFormatProblem(place: place, "\(what) \(seconds) is not a time in seconds (negative, too large or not a number)")
        }
        return ms
    }
}
