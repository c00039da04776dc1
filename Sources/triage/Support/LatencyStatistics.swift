import Foundation

/// Collects how long each step took and reports the median, the 99th percentile and the worst.
struct LatencyStatistics {
    private(set) var nanoseconds: [UInt64] = []

    mutating func add(nanoseconds value: UInt64) { nanoseconds.append(value) }

    func percentile(_ p: Double) -> Double? {
        guard !nanoseconds.isEmpty else { return nil }
        let sorted = nanoseconds.sorted()
        return Double(sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]) / 1e6
    }

    /// Milliseconds: median, p99, max, and how many.
    var summary: String? {
        guard let p50 = percentile(0.5), let p99 = percentile(0.99), let max = percentile(1) else { return nil }
        return String(format: "median %.2f ms, p99 %.2f ms, max %.2f ms over %d", p50, p99, max, nanoseconds.count)
    }
}
