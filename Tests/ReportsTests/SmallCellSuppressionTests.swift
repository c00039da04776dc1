import Archive
import Testing
@testable import Reports

@Suite struct SmallCellSuppressionTests {
    func table(_ counts: [Int]) -> StatsTable {
        StatsTable(dimensions: [.reason], source: .suggested, rows: counts.enumerated().map { StatsTable.Row(keys: ["r\($0.offset)"], count: $0.element) },
                   total: counts.reduce(0, +), allReasons: false)
    }

    @Test func countsFromOneToFourAreHiddenAndZerosShown() {
        let t = SmallCellSuppression.apply(to: table([10, 1, 4, 0, 5, 20]))
        #expect(t.rows.map(\.suppressed) == [false, true, true, false, false, false])
        #expect(t.share(t.rows[1]) == nil && t.interval(t.rows[1]) == nil)
    }

    @Test func aSingleHiddenCellTakesTheSmallestOtherWithIt() {
        // With the total known, 3 = 41 - 10 - 8 - 20 could be worked out; hiding the 8 as well prevents it.
        let t = SmallCellSuppression.apply(to: table([10, 3, 8, 20]))
        #expect(t.rows.map(\.suppressed) == [false, true, true, false])
        // A zero does not protect anything: the smallest non-zero cell is taken.
        let z = SmallCellSuppression.apply(to: table([0, 2, 12, 30]))
        #expect(z.rows.map(\.suppressed) == [false, true, true, false])
    }

    @Test func twoWayTablesProtectEveryRowAndColumn() {
        // rows a, b, c × columns x, y, z
        let counts = [["a", "x", 12], ["a", "y", 2], ["a", "z", 30], ["b", "x", 9], ["b", "y", 15], ["b", "z", 11], ["c", "x", 20], ["c", "y", 25], ["c", "z", 8]]
        let t = StatsTable(dimensions: [.weekday, .hour], source: .suggested,
                           rows: counts.map { StatsTable.Row(keys: [$0[0] as! String, $0[1] as! String], count: $0[2] as! Int) },
                           total: counts.map { $0[2] as! Int }.reduce(0, +), allReasons: false)
        let s = SmallCellSuppression.apply(to: t)
        #expect(s.rows.first { $0.keys == ["a", "y"] }?.suppressed == true)
        for k in 0..<2 {
            for value in Set(s.rows.map { $0.keys[k] }) {
                let hidden = s.rows.filter { $0.keys[k] == value && $0.suppressed }.count
                #expect(hidden != 1, "\(value) has a single hidden cell that its total would reveal")
            }
        }
        #expect(s.rows.filter(\.suppressed).count >= 4)
        #expect(s.rows.filter(\.suppressed).count < 9)
    }

    @Test func nothingSmallNothingHidden() {
        #expect(SmallCellSuppression.apply(to: table([5, 6, 0, 100])).rows.allSatisfy { !$0.suppressed })
    }
}
