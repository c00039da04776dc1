import Archive
import TriageCore

/// The archive's aggregate statistics that synthetic calls follow: counts of primary and all reasons, dispositions,
/// hours, weekdays, languages, callers, first babies, gestational-age bands and call lengths, and dispositions and
/// gestational-age bands by primary reason — every table read through the archive's statistics (replays left out, as
/// in every statistic) with small cells suppressed. A suppressed cell is dropped: nothing is generated from it.
public struct SynthesisProfile: Sendable, Equatable {
    /// Whose reasons and dispositions: the assistant's suggestions or the midwives' decisions.
    public var source: StatsSource
    /// Counts below this were suppressed (at least `SmallCellSuppression.threshold`).
    public var minCell: Int
    /// The calls counted.
    public var calls: Int
    public var primaryReasons: ProfileDistribution
    public var allReasons: ProfileDistribution
    public var dispositions: ProfileDistribution
    public var hours: ProfileDistribution
    public var weekdays: ProfileDistribution
    public var languages: ProfileDistribution
    public var callers: ProfileDistribution
    public var firstBaby: ProfileDistribution
    public var gestationalAgeBands: ProfileDistribution
    public var durationBands: ProfileDistribution
    public var dispositionByReason: ProfileCrossTable
    public var gestationalAgeBandByReason: ProfileCrossTable

    /// The languages the generator has phrasing for; calls in others are not generated.
    public static let languagesWithPhrasing: Set<String> = ["da", "en"]

    /// Reads the profile through `session` (aggregate statistics only).
    ///
    /// - Parameter knownReasons: the taxonomy's reason codes, in order.
    /// - Parameter defaultDisposition: a reason's default disposition, which its suppressed dispositions are merged into.
    public static func read(from session: ArchiveSession, source: StatsSource = .suggested, minCell: Int, knownReasons: [String],
                            defaultDisposition: (String) -> String? = { _ in nil }) throws -> SynthesisProfile {
        func table(_ dimensions: [StatsDimension], allReasons: Bool = false) throws -> StatsTable {
            try session.statistics(StatsQuery(dimensions: dimensions, source: source, allReasons: allReasons, knownReasons: knownReasons))
        }
        func one(_ dimension: StatsDimension, allReasons: Bool = false) throws -> ProfileDistribution {
            ProfileDistribution(try table([dimension], allReasons: allReasons), minCell: minCell)
        }
        let primary = try one(.reason), dispositions = try one(.disposition), bands = try one(.gestationalAgeBand)
        return SynthesisProfile(
            source: source, minCell: minCell, calls: primary.total, primaryReasons: primary, allReasons: try one(.reason, allReasons: true),
            dispositions: dispositions, hours: try one(.hour), weekdays: try one(.weekday), languages: try one(.language),
            callers: try one(.caller), firstBaby: try one(.firstBaby), gestationalAgeBands: bands,
            durationBands: try one(.durationBand),
            dispositionByReason: ProfileCrossTable(try table([.reason, .disposition]), minCell: minCell, rowTotals: primary, columnCounts: dispositions,
                                                   preferred: defaultDisposition),
            gestationalAgeBandByReason: ProfileCrossTable(try table([.reason, .gestationalAgeBand]), minCell: minCell, rowTotals: primary,
                                                          columnCounts: bands))
    }

    /// The one-way tables, in the order `profile.json` lists them.
    public var distributions: [ProfileDistribution] {
        [primaryReasons, allReasons, dispositions, hours, weekdays, languages, callers, firstBaby, gestationalAgeBands, durationBands]
    }

    /// What was suppressed, one item per table that lost cells ("reason: itching, trauma"), for the command's report.
    public var suppressionSummary: [String] {
        var lines: [String] = []
        for (name, d) in zip(["reason", "reason (all)", "disposition", "hour", "weekday", "language", "caller", "first_baby", "ga_band", "duration_band"],
                             distributions) where !d.suppressed.isEmpty {
            lines.append("\(name): \(d.suppressed.joined(separator: ", "))")
        }
        for cross in [dispositionByReason, gestationalAgeBandByReason] where !cross.suppressed.isEmpty {
            lines.append("\(cross.dimensions.joined(separator: " × ")): \(cross.suppressed.count) cells")
        }
        let unspoken = languages.cells.map(\.value).filter { !Self.languagesWithPhrasing.contains($0) }
        if !unspoken.isEmpty { lines.append("language without phrasing, not generated: \(unspoken.joined(separator: ", "))") }
        return lines
    }

    /// The profile as `profile.json` writes it.
    public var json: JSONValue {
        let names = ["reason", "reason_all", "disposition", "hour", "weekday", "language", "caller", "first_baby", "ga_band", "duration_band"]
        return .object([
            ("source", .string(source.rawValue)),
            ("min_cell", .integer(minCell)),
            ("calls", .integer(calls)),
            ("replays", .string("left out")),
            ("tables", .object(zip(names, distributions).map { ($0.0, $0.1.json) })),
            ("by_reason", .object([("disposition", dispositionByReason.json), ("ga_band", gestationalAgeBandByReason.json)])),
            ("languages_generated", .array(Self.languagesWithPhrasing.sorted().map(JSONValue.string))),
        ])
    }
}
