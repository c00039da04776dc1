import Archive
import Reports
import TriageCore

/// One grouping of the archive's calls (by reason, hour, …) as the generator samples it: the counts that survive
/// small-cell suppression, and the values whose counts were suppressed and are therefore never generated.
public struct ProfileDistribution: Sendable, Equatable {
    /// A value with its count.
    public struct Cell: Sendable, Equatable {
        public var value: String
        public var count: Int
    }

    /// The statistics' name of the grouping ("reason", "hour", "ga_band").
    public var dimension: String
    /// The calls the table counted (a call with several reasons counts once here, once per reason in `cells`).
    public var total: Int
    /// The counts shown, in the statistics' order; zeros left out.
    public var cells: [Cell]
    /// The values whose counts small-cell suppression hid: dropped from the profile.
    public var suppressed: [String]

    public init(dimension: String, total: Int, cells: [Cell], suppressed: [String]) {
        self.dimension = dimension; self.total = total; self.cells = cells; self.suppressed = suppressed
    }

    /// The one-way `table` with its small cells (under `minCell`) and their complements suppressed and dropped.
    init(_ table: StatsTable, minCell: Int) {
        let shown = SmallCellSuppression.apply(to: table, threshold: minCell)
        dimension = table.dimensions.map(\.rawValue).joined(separator: "×")
        total = table.total
        cells = shown.rows.filter { !$0.suppressed && $0.count > 0 }.map { Cell(value: $0.keys.joined(separator: "|"), count: $0.count) }
        suppressed = shown.rows.filter(\.suppressed).map { $0.keys.joined(separator: "|") }
    }

    /// The count shown for `value` (0 when suppressed or absent).
    public func count(of value: String) -> Int { cells.first { $0.value == value }?.count ?? 0 }

    /// The sum of the counts shown.
    public var shownTotal: Int { cells.reduce(0) { $0 + $1.count } }

    /// A value drawn in proportion to the counts shown, or nil when none is.
    func sample(_ random: inout SynthesisRandom, excluding: Set<String> = []) -> String? {
        random.pick(weighted: cells.filter { !excluding.contains($0.value) }.map { ($0.value, Double($0.count)) })
    }

    /// The distribution as `profile.json` writes it.
    var json: JSONValue {
        .object([("dimension", .string(dimension)), ("total", .integer(total)),
                 ("counts", .object(cells.map { ($0.value, .integer($0.count)) })),
                 ("suppressed", .array(suppressed.map(JSONValue.string)))])
    }
}
