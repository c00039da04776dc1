/// The values of given ranks of an array (the k-th smallest) without sorting it. A long column of
/// floating-point values goes through a radix selection: one pass counts the values by the top 16 bits
/// of their order-preserving bit pattern, a second gathers the few values whose bucket holds a wanted
/// rank, and a quickselect finishes within those. A short column goes straight to the quickselect, which
/// follows every rank asked for at once, partitions three ways (many equal values cost nothing) and sorts
/// a range when it is small or its pivots keep going wrong. Linear on average where a sort is n log n; the
/// values are those a sort would put at the ranks.
enum OrderStatistics {
    /// The value at each of `ranks` (0 the smallest, each within `values`) in ascending order; `values` may
    /// be reordered. The values must not be NaN (a NaN has no rank).
    static func values<Value: RankableFloat>(atRanks ranks: [Int], in values: inout [Value]) -> [Value] {
        let wanted = ranks.map { min(max($0, 0), values.count - 1) }
        guard !values.isEmpty else { return [] }
        if values.count < 1 << 14 {
            select(&values, ranks: wanted)
            return wanted.map { values[$0] }
        }
        // Pass 1: how many values fall in each bucket of the top 16 bits.
        var counts = [Int](repeating: 0, count: 1 << 16)
        for v in values { counts[v.bucket] += 1 }
        // Each wanted rank's bucket, and its rank among that bucket's values.
        var bucketOf = [(bucket: Int, rank: Int)](repeating: (0, 0), count: wanted.count)
        var seen = 0, b = 0
        for i in wanted.indices.sorted(by: { wanted[$0] < wanted[$1] }) {
            let r = wanted[i]
            while b < counts.count - 1, seen + counts[b] <= r { seen += counts[b]; b += 1 }
            bucketOf[i] = (b, r - seen)
        }
        // Pass 2: the values of the wanted buckets.
        var slot = [Int8](repeating: -1, count: 1 << 16)
        var buckets: [[Value]] = []
        for (b, _) in bucketOf where slot[b] < 0 {
            slot[b] = Int8(buckets.count)
            buckets.append([])
            buckets[buckets.count - 1].reserveCapacity(counts[b])
        }
        for v in values {
            let s = slot[v.bucket]
            if s >= 0 { buckets[Int(s)].append(v) }
        }
        // Within each bucket, its ranks by quickselect.
        var results: [Value] = []
        for (b, rank) in bucketOf {
            let s = Int(slot[b])
            select(&buckets[s], ranks: [rank])
            results.append(buckets[s][min(rank, buckets[s].count - 1)])
        }
        return results
    }

    /// Reorders `values` so that each of `ranks` (0 the smallest) holds the value a sort would put there.
    static func select<Value: Comparable>(_ values: inout [Value], ranks: [Int]) {
        let wanted = Array(Set(ranks.filter { $0 >= 0 && $0 < values.count })).sorted()
        guard !wanted.isEmpty else { return }
        let depth = 2 * (Int.bitWidth - values.count.leadingZeroBitCount) + 4
        values.withUnsafeMutableBufferPointer { v in select(v, ranks: wanted[...], low: 0, high: v.count, depth: depth) }
    }

    private static func select<Value: Comparable>(_ v: UnsafeMutableBufferPointer<Value>, ranks: ArraySlice<Int>, low: Int, high: Int, depth: Int) {
        guard let first = ranks.first, let last = ranks.last, first < high, last >= low else { return }
        if high - low <= 16 || depth == 0 {
            var range = UnsafeMutableBufferPointer(rebasing: v[low..<high])
            range.sort()
            return
        }
        let pivot = medianOfThree(v[low], v[low + (high - low) / 2], v[high - 1])
        // Three-way partition: [low, lt) < pivot, [lt, gt) == pivot, [gt, high) > pivot.
        var lt = low, i = low, gt = high
        while i < gt {
            let x = v[i]
            if x < pivot { v.swapAt(lt, i); lt += 1; i += 1 } else if x > pivot { gt -= 1; v.swapAt(i, gt) } else { i += 1 }
        }
        let below = ranks.prefix { $0 < lt }, above = ranks.drop { $0 < gt }
        select(v, ranks: below, low: low, high: lt, depth: depth - 1)
        select(v, ranks: above, low: gt, high: high, depth: depth - 1)
    }

    private static func medianOfThree<Value: Comparable>(_ a: Value, _ b: Value, _ c: Value) -> Value {
        max(min(a, b), min(max(a, b), c))
    }
}

/// A floating-point type whose values can be bucketed by the top 16 bits of a bit pattern that orders
/// like the values themselves (negative numbers have their bits flipped, positive their sign bit set).
/// -0 and +0 fall in neighbouring buckets but are equal, so either is the value of a rank they share.
protocol RankableFloat: BinaryFloatingPoint {
    var bucket: Int { get }
}

extension Float: RankableFloat {
    var bucket: Int {
        let bits = bitPattern
        return Int((bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000) >> 16)
    }
}

extension Double: RankableFloat {
    var bucket: Int {
        let bits = bitPattern
        return Int((bits & 0x8000_0000_0000_0000 != 0 ? ~bits : bits | 0x8000_0000_0000_0000) >> 48)
    }
}
