import Foundation

/// `split.json`, written with every dataset: how it was split (seed, fractions, each call's split and primary
/// label) and with what (the taxonomy, the program's version, the format), so the split can be repeated and a model
/// traced to its data.
public struct SplitManifest: Sendable, Equatable, Codable {
    public struct Fractions: Sendable, Equatable, Codable { public var train, dev, test: Double }
    public var format: String
    public var seed: UInt64
    public var fractions: Fractions
    /// The taxonomy loaded for the export (`id@version`), and the versions the labels were given under.
    public var taxonomy: String
    public var labelTaxonomyVersions: [String]
    public var triageVersion: String
    /// Call ids in each split, ascending.
    public var train: [Int64]
    public var dev: [Int64]
    public var test: [Int64]
    /// Each call's stratum, by call id.
    public var primary: [String: String]

    enum CodingKeys: String, CodingKey {
        case format, seed, fractions, taxonomy, train, dev, test, primary
        case labelTaxonomyVersions = "label_taxonomy_versions", triageVersion = "triage_version"
    }

    public func ids(_ split: DatasetSplit) -> [Int64] {
        switch split { case .train: train; case .dev: dev; case .test: test }
    }

    /// The manifest as indented JSON with sorted keys.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
