/// Parses the clock times of subtitle formats into integer milliseconds:
/// `hh:mm:ss.ttt`, `mm:ss.ttt` (WebVTT), `hh:mm:ss,mmm` (SRT); a fraction of any length is rounded.
package enum Timecode {
    /// The longest time a transcript may give (876,000 hours, a century); beyond it a time is refused.
    package static let maxHours = 876_000

    package static func milliseconds(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count) else { return nil }
        var seconds = parts[parts.count - 1]
        var fractionMs = 0
        if let sep = seconds.firstIndex(where: { $0 == "." || $0 == "," }) {
            let fraction = seconds[seconds.index(after: sep)...]
            guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit), let f = Double("0." + fraction) else { return nil }
            fractionMs = Int((f * 1000).rounded())
            seconds = seconds[..<sep]
        }
        let wholes = parts.dropLast().map { $0 } + [seconds]
        guard wholes.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let numbers = wholes.compactMap { Int($0) }
        guard numbers.count == wholes.count else { return nil }
        let (h, m, s) = numbers.count == 3 ? (numbers[0], numbers[1], numbers[2]) : (0, numbers[0], numbers[1])
        // No call lasts a century: a larger time is a broken file, not a number to overflow on.
        guard m < 60 || numbers.count == 2, s < 60, h <= maxHours, m <= maxHours * 60 else { return nil }
        return ((h * 60 + m) * 60 + s) * 1000 + fractionMs
    }

    /// Seconds as a float (TextGrid, JSON) to rounded milliseconds.
    package static func milliseconds(seconds: Double) -> Int? {
        guard seconds.isFinite, seconds >= 0, seconds < 1e9 else { return nil }
        return Int((seconds * 1000).rounded())
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
