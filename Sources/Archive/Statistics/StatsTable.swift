/// The result of a statistics query: one row per combination of the grouping keys.
public struct StatsTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// The key values, in the order of `dimensions`.
        public var keys: [String]
        public var count: Int
        /// Whether the count is hidden by small-cell suppression (shown as "<5", with no share).
        public var suppressed = false

        public init(keys: [String], count: Int, suppressed: Bool = false) {
            self.keys = keys; self.count = count; self.suppressed = suppressed
        }
    }

    public var dimensions: [StatsDimension]
    public var source: StatsSource
    public var rows: [Row]
    /// Calls counted (the denominator of every share).
    public var total: Int
    /// Whether a call with several reasons counts once per reason (shares may then add up to more than 1).
    public var allReasons: Bool

    public init(dimensions: [StatsDimension], source: StatsSource, rows: [Row], total: Int, allReasons: Bool) {
        self.dimensions = dimensions; self.source = source; self.rows = rows; self.total = total; self.allReasons = allReasons
    }

    /// The share of the total calls in a row, `nil` when suppressed or there are no calls.
    public func share(_ row: Row) -> Double? { row.suppressed || total == 0 ? nil : Double(row.count) / Double(total) }
}
