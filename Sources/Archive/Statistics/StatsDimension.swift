/// What the statistics can be grouped by. Each is one column of the output, named by `rawValue`.
public enum StatsDimension: String, Sendable, CaseIterable {
    case reason, disposition, hour, weekday, week, month
    case gestationalAgeBand = "ga_band"
    case firstBaby = "first_baby"
    case durationBand = "duration_band"
    case language, caller

    /// Every value the dimension can take, where the set is fixed, so empty cells show as 0.
    public var allValues: [String]? {
        switch self {
        case .hour: return (0..<24).map(String.init)
        case .weekday: return (1...7).map(String.init)
        case .gestationalAgeBand: return ["<24", "24-27", "28-31", "32-33", "34-36", "37-41", "42+", "postnatal", "unknown"]
        case .firstBaby: return ["yes", "no", "unknown"]
        case .durationBand: return ["<1 min", "1-2 min", "2-5 min", "5-10 min", "10+ min", "unknown"]
        default: return nil
        }
    }

    /// Whether the dimension's values order as numbers.
    public var isNumeric: Bool { self == .hour || self == .weekday }
}
