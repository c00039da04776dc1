import TriageCore

/// Assigns calls to train/dev/test by call, stratified: within each stratum (a call's primary label) the calls are
/// shuffled with a seeded generator (SplitMix64, so the same seed splits the same way on every machine) and
/// divided by the fractions with largest remainders, so every stratum is split as closely as its size allows.
public enum StratifiedSplit {
    /// Each call's split. `calls` pairs a call id with its stratum; the order they come in does not matter.
    public static func assign(_ calls: [(id: Int64, stratum: String)], fractions: SplitFractions, seed: UInt64) -> [Int64: DatasetSplit] {
        var generator = SeededGenerator(seed: seed)
        let strata = Dictionary(grouping: calls, by: \.stratum)
        var result: [Int64: DatasetSplit] = [:]
        for stratum in strata.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            var ids = Array(Set((strata[stratum] ?? []).map(\.id))).sorted()
            shuffle(&ids, with: &generator)
            let counts = allocate(ids.count, fractions: fractions)
            var next = 0
            for split in DatasetSplit.allCases {
                let count = min(counts[split] ?? 0, ids.count - next)
                for id in ids[next..<(next + count)] { result[id] = split }
                next += count
            }
        }
        return result
    }

    /// How many of `n` calls go to each split: each gets the floor of its share, and the calls left over go to the
    /// splits with the largest remainders (ties to train, then dev).
    static func allocate(_ n: Int, fractions: SplitFractions) -> [DatasetSplit: Int] {
        // Clamped, so that shares made without `SplitFractions.parse` (NaN, negative, above 1) cannot trap.
        let quotas = DatasetSplit.allCases.map { split -> (split: DatasetSplit, quota: Double) in
            let quota = Double(n) * fractions.share(split)
            return (split, quota.isFinite ? min(max(quota, 0), Double(n)) : 0)
        }
        var counts = Dictionary(uniqueKeysWithValues: quotas.map { ($0.split, min(n, Int($0.quota.rounded(.down)))) })
        var left = n - counts.values.reduce(0, +)
        let byRemainder = quotas.enumerated().sorted { a, b in
            let ra = a.element.quota - a.element.quota.rounded(.down), rb = b.element.quota - b.element.quota.rounded(.down)
            return ra != rb ? ra > rb : a.offset < b.offset
        }
        for entry in byRemainder where left > 0 && entry.element.quota > 0 {
            counts[entry.element.split, default: 0] += 1
            left -= 1
        }
        // Rounding cannot leave more, but if it did the calls go to train rather than be lost.
        if left > 0 { counts[.train, default: 0] += left }
        return counts
    }

    /// Fisher–Yates with the generator's own draws (not the standard library's shuffle, whose algorithm may change).
    static func shuffle(_ ids: inout [Int64], with generator: inout SeededGenerator) {
        guard ids.count > 1 else { return }
        for i in stride(from: ids.count - 1, to: 0, by: -1) {
            let j = Int(UInt64(i + 1).multipliedFullWidth(by: generator.next()).high)
            ids.swapAt(i, j)
        }
    }
}
