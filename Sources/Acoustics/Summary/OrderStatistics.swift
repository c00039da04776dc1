/// The k-th smallest values of an array, found by selection in place (quickselect with three-way
/// partitioning, so that many equal values cost nothing; a sort of the range when it is small or the
/// pivots keep going wrong), in ascending order of the ranks asked for: each rank's search starts where
/// the previous one's left the array partitioned. Linear on average where a sort is n log n.
struct OrderStatistics {
    /// Everything from `searchFrom` on is at least as large as everything before it.
    private var searchFrom = 0
    /// Positions holding exactly their rank's value (the last answer's run of equal values, or the range
    /// the last answer sorted).
    private var exact = 0..<0

    /// The value of rank `k` (0 the smallest); `k` must be no smaller than any rank asked for before.
    mutating func value<Value: Comparable>(atRank k: Int, in values: inout [Value]) -> Value {
        let k = min(max(k, 0), values.count - 1)
        if exact.contains(k) { return values[k] }
        var low = max(searchFrom, exact.upperBound), high = values.count
        var budget = 2 * (Int.bitWidth - values.count.leadingZeroBitCount) + 4
        let found: Value? = values.withUnsafeMutableBufferPointer { v in
            while high - low > 16 && budget > 0 {
                budget -= 1
                let pivot = Self.medianOfThree(v[low], v[low + (high - low) / 2], v[high - 1])
                // Three-way partition: [low, lt) < pivot, [lt, gt) == pivot, [gt, high) > pivot.
                var lt = low, i = low, gt = high
                while i < gt {
                    let x = v[i]
                    if x < pivot { v.swapAt(lt, i); lt += 1; i += 1 } else if x > pivot { gt -= 1; v.swapAt(i, gt) } else { i += 1 }
                }
                if k < lt { high = lt } else if k < gt {
                    searchFrom = lt
                    exact = lt..<gt
                    return pivot
                } else { low = gt }
            }
            return nil
        }
        if let found { return found }
        values[low..<high].sort()
        searchFrom = low
        exact = low..<high
        return values[k]
    }

    private static func medianOfThree<Value: Comparable>(_ a: Value, _ b: Value, _ c: Value) -> Value {
        max(min(a, b), min(max(a, b), c))
    }
}
