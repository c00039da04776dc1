/// A statistics question over the archive: which calls (filter), counted from whose reasons (source),
/// grouped by which keys. The store answers it (`StatisticsStore.statistics`).
public struct StatsQuery: Sendable, Equatable {
    public var dimensions: [StatsDimension]
    public var source: StatsSource
    public var filter: StatsFilter
    /// Count every reason of a call, not only the primary (labelled statistics always do).
    public var allReasons: Bool
    /// Reason codes to show even when no call has them (the taxonomy's), in order.
    public var knownReasons: [String]

    public init(dimensions: [StatsDimension], source: StatsSource = .suggested, filter: StatsFilter = StatsFilter(),
                allReasons: Bool = false, knownReasons: [String] = []) {
        self.dimensions = dimensions; self.source = source; self.filter = filter; self.allReasons = allReasons; self.knownReasons = knownReasons
    }

    /// A query that cannot be answered, in words.
    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    /// Whether a call with several reasons counts once per reason.
    public var countsAllReasons: Bool { allReasons || source == .labelled }

    /// Refuses a question that has no answer.
    public func validate() throws {
        if dimensions.isEmpty || dimensions.count > 2 { throw Invalid(description: "group by one or two keys") }
        if Set(dimensions).count != dimensions.count { throw Invalid(description: "each key once") }
        if source == .labelled, dimensions.contains(.disposition) || filter.disposition != nil {
            throw Invalid(description: "researchers' labels carry no disposition; use --source suggested or confirmed")
        }
    }

    /// The table of `counts` per key combination: fixed value sets show their empty cells, rows in the statistics' order.
    public func table(counts: [[String]: Int], total: Int) -> StatsTable {
        var counts = counts
        let values = dimensions.map { d -> [String]? in d == .reason && !knownReasons.isEmpty ? knownReasons : d.allValues }
        if values.allSatisfy({ $0 != nil }) {
            for combination in Self.product(values.compactMap { $0 }) where counts[combination] == nil { counts[combination] = 0 }
        }
        let rows = counts.map { StatsTable.Row(keys: $0.key, count: $0.value) }.sorted { a, b in order(a, b) }
        return StatsTable(dimensions: dimensions, source: source, rows: rows, total: total, allReasons: countsAllReasons)
    }

    static func product(_ lists: [[String]]) -> [[String]] {
        lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.map { prefix + [$0] } } }
    }

    /// Numbers by value, fixed sets in their order, reasons by count (then the taxonomy's order), the rest by text.
    func order(_ a: StatsTable.Row, _ b: StatsTable.Row) -> Bool {
        let dims = dimensions, known = knownReasons
        for (i, d) in dims.enumerated() where a.keys[i] != b.keys[i] {
            if d.isNumeric, let x = Int(a.keys[i]), let y = Int(b.keys[i]) { return x < y }
            if let set = d.allValues, let x = set.firstIndex(of: a.keys[i]), let y = set.firstIndex(of: b.keys[i]) { return x < y }
            if d == .reason, dims.count == 1, a.count != b.count { return a.count > b.count }
            if d == .reason, let x = known.firstIndex(of: a.keys[i]), let y = known.firstIndex(of: b.keys[i]) { return x < y }
            return a.keys[i] < b.keys[i]
        }
        return false
    }
}
