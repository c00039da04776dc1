import Archive
/// Hides counts that could identify a caller before figures leave the unit.
///
/// Primary suppression hides every count from 1 to 4 (shown as "<5"). Because totals and shares are
/// published, a single hidden cell in a row, a column or the whole table could be worked out by
/// subtraction; complementary suppression then also hides the smallest other cell of that group, and
/// repeats until no group has exactly one hidden cell. Zeros are shown: they identify nobody.
public enum SmallCellSuppression {
    /// Counts below this are hidden.
    public static let threshold = 5

    /// The table with its small cells (1 to `threshold` − 1) and their complements marked suppressed; a `threshold`
    /// below the unit's 5 counts as 5.
    public static func apply(to table: StatsTable, threshold: Int = threshold) -> StatsTable {
        var t = table
        let threshold = max(Self.threshold, threshold)
        for i in t.rows.indices where (1..<threshold).contains(t.rows[i].count) { t.rows[i].suppressed = true }
        // The groups whose totals can be known: the whole table, and each row and column of a two-way table.
        var groups: [[Int]] = [Array(t.rows.indices)]
        if t.dimensions.count == 2 {
            for k in 0..<2 {
                groups += Dictionary(grouping: t.rows.indices, by: { t.rows[$0].keys[k] }).values.map { $0 }
            }
        }
        var changed = true
        while changed {
            changed = false
            for group in groups {
                let hidden = group.filter { t.rows[$0].suppressed }
                guard hidden.count == 1 else { continue }
                let candidates = group.filter { !t.rows[$0].suppressed }
                let nonZero = candidates.filter { t.rows[$0].count > 0 }
                guard let pick = (nonZero.isEmpty ? candidates : nonZero).min(by: { (t.rows[$0].count, $0) < (t.rows[$1].count, $1) }) else { continue }
                t.rows[pick].suppressed = true
                changed = true
            }
        }
        return t
    }
}
