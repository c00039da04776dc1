/// How many of a week's suggestions had a confidence in one bin: bin `b` holds [b/10, (b+1)/10), the last bin 1.0 too.
public struct ConfidenceCount: Sendable, Equatable {
    /// The bins the confidence (0…1) is counted in.
    public static let bins = 10

    public var week: String
    public var bin: Int
    public var count: Int

    public init(week: String, bin: Int, count: Int) { self.week = week; self.bin = bin; self.count = count }
}
