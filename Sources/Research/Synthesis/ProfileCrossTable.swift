import Archive
import Reports
import TriageCore

/// A two-way grouping (disposition by reason, gestational-age band by reason) as the generator samples the second
/// key given the first: the cells that survive small-cell suppression, per value of the first key. What a row's
/// suppressed cells held together — its total in the one-way table less the cells shown, a figure the published
/// tables give away anyway — is merged, never reproduced cell by cell: into the row's preferred value (a reason's
/// default disposition), else shared out among the row's suppressed values by their counts in the one-way table.
public struct ProfileCrossTable: Sendable, Equatable {
    /// The statistics' names of the two keys ("reason", "disposition").
    public var dimensions: [String]
    /// Per value of the first key, the second key's counts shown.
    public var rows: [String: ProfileDistribution]
    /// The key pairs whose counts were suppressed ("itching|emergency_112").
    public var suppressed: [String]
    /// Per value of the first key, the calls of its suppressed cells taken together, merged as described above.
    public var merged: [String: Int]
    /// Per value of the first key, the value the merged calls went to when there is one ("attend_soon").
    public var mergedInto: [String: String]
    /// Per value of the first key, what the generator draws from: the cells shown and the merged calls, in order.
    var weights: [String: [Weight]]

    /// A value with the calls it is drawn in proportion to (fractional where merged calls were shared out).
    struct Weight: Sendable, Equatable {
        var value: String
        var calls: Double
    }

    /// - Parameters:
    ///   - rowTotals: the one-way table of the first key (suppressed), whose shown counts are the rows' totals.
    ///   - columnCounts: the one-way table of the second key (suppressed), by which merged calls are shared out.
    ///   - preferred: the value a row's merged calls go to, when it has one.
    init(_ table: StatsTable, minCell: Int, rowTotals: ProfileDistribution, columnCounts: ProfileDistribution,
         preferred: (String) -> String? = { _ in nil }) {
        let shown = SmallCellSuppression.apply(to: table, threshold: minCell)
        dimensions = table.dimensions.map(\.rawValue)
        suppressed = shown.rows.filter(\.suppressed).map { $0.keys.joined(separator: "|") }
        var cells: [String: [String: Double]] = [:]
        var hidden: [String: [String]] = [:]
        var rows: [String: ProfileDistribution] = [:]
        for row in shown.rows where row.keys.count == 2 {
            if row.suppressed { hidden[row.keys[0], default: []].append(row.keys[1]) } else if row.count > 0 {
                cells[row.keys[0], default: [:]][row.keys[1]] = Double(row.count)
                rows[row.keys[0], default: ProfileDistribution(dimension: dimensions.last ?? "", total: 0, cells: [], suppressed: [])]
                    .cells.append(.init(value: row.keys[1], count: row.count))
            }
        }
        self.rows = Dictionary(uniqueKeysWithValues: rows.map { key, row in
            var row = row
            row.total = row.shownTotal
            row.suppressed = hidden[key] ?? []
            return (key, row)
        })
        var merged: [String: Int] = [:], into: [String: String] = [:]
        for total in rowTotals.cells {
            let key = total.value
            let rest = total.count - Int((cells[key] ?? [:]).values.reduce(0, +))
            guard rest > 0 else { continue }
            merged[key] = rest
            if let target = preferred(key) {
                cells[key, default: [:]][target, default: 0] += Double(rest)
                into[key] = target
                continue
            }
            let weights = (hidden[key] ?? []).map { ($0, Double(columnCounts.count(of: $0))) }.filter { $0.1 > 0 }
            let sum = weights.reduce(0) { $0 + $1.1 }
            for (value, weight) in weights where sum > 0 { cells[key, default: [:]][value, default: 0] += Double(rest) * weight / sum }
        }
        self.merged = merged
        mergedInto = into
        // In the statistics' order of the second key, so the draws do not depend on a dictionary's order.
        let order = table.dimensions.last?.allValues ?? []
        weights = cells.mapValues { row in
            row.map { Weight(value: $0.key, calls: $0.value) }.sorted { a, b in
                (order.firstIndex(of: a.value) ?? order.count, a.value) < (order.firstIndex(of: b.value) ?? order.count, b.value)
            }
        }
    }

    /// The second key drawn given the first, or nil when that row has nothing to draw from.
    func sample(given first: String, _ random: inout SynthesisRandom) -> String? {
        random.pick(weighted: (weights[first] ?? []).map { ($0.value, $0.calls) })
    }

    var json: JSONValue {
        .object([("dimensions", .array(dimensions.map(JSONValue.string))),
                 ("counts", .object(rows.keys.sorted().compactMap { key in
                     rows[key].map { (key, .object($0.cells.map { ($0.value, .integer($0.count)) })) }
                 })),
                 ("suppressed", .array(suppressed.map(JSONValue.string))),
                 ("merged", .object(merged.keys.sorted().compactMap { key in
                     merged[key].map { (key, .object([("calls", .integer($0)), ("into", mergedInto[key].map(JSONValue.string) ?? .string("suppressed values, by their shares"))])) }
                 }))])
    }
}
