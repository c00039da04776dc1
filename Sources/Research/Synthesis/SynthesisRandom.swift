import TriageCore

/// The generator's draws: uniform numbers from a seeded SplitMix64 stream by our own arithmetic (not the standard
/// library's `random(in:)`, whose algorithm may change between Swift versions), so a seed gives the same calls everywhere.
struct SynthesisRandom {
    private var generator: SeededGenerator

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    /// A number in [0, 1).
    mutating func uniform() -> Double { Double(generator.next() >> 11) / Double(UInt64(1) << 53) }

    /// A whole number in 0..<n (0 when n < 1).
    mutating func below(_ n: Int) -> Int {
        guard n > 1 else { return 0 }
        return min(n - 1, Int(uniform() * Double(n)))
    }

    /// One of `items`, or nil when there are none.
    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[below(items.count)] }

    /// One of `weighted` with probability proportional to its weight (non-positive weights never), or nil.
    mutating func pick<T>(weighted: [(T, Double)]) -> T? {
        let usable = weighted.filter { $0.1 > 0 && $0.1.isFinite }
        let total = usable.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return nil }
        var target = uniform() * total
        for (item, weight) in usable {
            if target < weight { return item }
            target -= weight
        }
        return usable.last?.0
    }
}
