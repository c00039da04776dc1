/// A part of a dataset: calls are split between training, development (validation) and test.
public enum DatasetSplit: String, Sendable, CaseIterable, Codable, Comparable {
    case train, dev, test

    public static func < (a: DatasetSplit, b: DatasetSplit) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}
