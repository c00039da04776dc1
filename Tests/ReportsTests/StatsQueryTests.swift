import Archive
import Foundation
import TestSupport
import Testing
import TriageCore
@testable import Reports

/// A hand-built archive whose counts are known, and the statistics over it.
@Suite struct StatsQueryTests {
    let dir = TemporaryDirectory("stats")
    let archive: ArchiveSession

    /// (started, language, caller, week, suggested reasons, suggested disposition, confirmed reasons?, labels)
    static let calls: [(String, String, String, Int?, [String], String, [String]?, [String])] = [
        ("2026-03-02T08:15:00", "da", "pregnant", 39, ["labour_contractions"], "self_care", ["labour_contractions"], ["labour_contractions"]),
        ("2026-03-02T08:40:00", "da", "pregnant", 40, ["labour_contractions", "anxiety_reassurance"], "attend_now", nil, []),
        ("2026-03-03T02:10:00", "en", "partner", 35, ["rupture_of_membranes", "labour_contractions"], "attend_now", ["rupture_of_membranes"], ["rupture_of_membranes"]),
        ("2026-03-04T14:00:00", "da", "pregnant", 30, ["vaginal_bleeding"], "attend_now", ["vaginal_bleeding"], []),
        ("2026-03-09T08:05:00", "da", "pregnant", 38, ["labour_contractions"], "self_care", ["labour_contractions"], []),
        ("2026-03-15T23:30:00", "en", "pregnant", 22, ["reduced_fetal_movements"], "attend_now", nil, []),
        ("2026-04-01T08:00:00", "da", "postnatal", nil, ["postnatal_concern", "fever_infection"], "attend_now", nil, ["postnatal_concern"]),
    ]

    init() throws {
        archive = try ArchiveSession.open(address: dir.file("stats.sqlite"), origin: "test")
        for (i, c) in Self.calls.enumerated() {
            var m = CallMetadata()
            m.startedAt = LocalDateTime.parse(c.0)?.0
            m.language = c.1
            m.caller = CallerType(rawValue: c.2)
            m.gestationalWeek = c.3
            if c.3 == nil { m.daysPostpartum = 4 }
            let id = try archive.store(CallDraft(sha256: "c\(i)", contentKind: .transcript, sourcePath: "/c\(i).vtt", durationMs: 30_000 * (i + 1),
                                                 metadata: m)).callID
            try archive.store(AssessmentRecord(callID: id, taxonomyID: "t", taxonomyVersion: "1", modelVersion: "m",
                                               primaryReason: c.4.first.map(ReasonCode.init(rawValue:)), disposition: try #require(Disposition(rawValue: c.5)),
                                               reasons: c.4.map { .init(code: ReasonCode(rawValue: $0), score: 0.5) }, redFlags: [], resultJSON: "{}"))
            if let confirmed = c.6 {
                try archive.decide(DecisionRecord(callID: id, taxonomyID: "t", taxonomyVersion: "1", reasons: confirmed.map(ReasonCode.init(rawValue:)),
                                                  disposition: c.5 == "attend_now" ? .attendNow : .attendSoon))
            }
            for code in c.7 {
                try archive.annotate(AnnotationRecord(callID: id, annotator: "r1", startMs: 0, endMs: 1000, code: LabelCode(rawValue: code), taxonomyID: "t", taxonomyVersion: "1"))
                try archive.annotate(AnnotationRecord(callID: id, annotator: "r2", startMs: 0, endMs: 900, code: LabelCode(rawValue: code), taxonomyID: "t", taxonomyVersion: "1"))
            }
        }
    }

    func counts(_ query: StatsQuery) throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try archive.statistics(query).rows.filter { $0.count > 0 }.map { ($0.keys.joined(separator: "|"), $0.count) })
    }

    @Test func primaryReasonsCountEachCallOnce() throws {
        let t = try archive.statistics(StatsQuery(dimensions: [.reason]))
        #expect(t.total == 7)
        #expect(try counts(StatsQuery(dimensions: [.reason])) == ["labour_contractions": 3, "rupture_of_membranes": 1, "vaginal_bleeding": 1,
                                                                  "reduced_fetal_movements": 1, "postnatal_concern": 1])
        #expect(t.rows.first?.keys == ["labour_contractions"]) // most frequent first
        #expect(t.rows.map(\.count).reduce(0, +) == t.total)
    }

    @Test func allReasonsCountEveryReasonOfACall() throws {
        let c = try counts(StatsQuery(dimensions: [.reason], allReasons: true))
        #expect(c["labour_contractions"] == 4 && c["anxiety_reassurance"] == 1 && c["fever_infection"] == 1)
        let t = try archive.statistics(StatsQuery(dimensions: [.reason], allReasons: true))
        #expect(t.total == 7 && t.allReasons)
    }

    @Test func hourWeekdayWeekMonthAndBands() throws {
        #expect(try counts(StatsQuery(dimensions: [.hour]))["8"] == 4)
        let grid = try archive.statistics(StatsQuery(dimensions: [.weekday, .hour]))
        #expect(grid.rows.count == 7 * 24) // every cell, empty ones as 0
        #expect(grid.rows.first { $0.keys == ["1", "8"] }?.count == 3) // Mondays at 08
        #expect(try counts(StatsQuery(dimensions: [.week])) == ["2026-W10": 4, "2026-W11": 2, "2026-W14": 1])
        #expect(try counts(StatsQuery(dimensions: [.month])) == ["2026-03": 6, "2026-04": 1])
        #expect(try counts(StatsQuery(dimensions: [.gestationalAgeBand])) == ["37-41": 3, "34-36": 1, "28-31": 1, "<24": 1, "postnatal": 1])
        #expect(try counts(StatsQuery(dimensions: [.durationBand])) == ["<1 min": 1, "1-2 min": 2, "2-5 min": 4])
        #expect(try counts(StatsQuery(dimensions: [.language, .caller])) == ["da|pregnant": 4, "da|postnatal": 1, "en|partner": 1, "en|pregnant": 1])
    }

    @Test func filtersNarrowThePopulation() throws {
        let march = StatsFilter(from: "2026-03-02", to: "2026-03-04")
        #expect(try archive.statistics(StatsQuery(dimensions: [.reason], filter: march)).total == 4)
        // A reason filter matches any of the call's reasons, not only the primary.
        #expect(try archive.statistics(StatsQuery(dimensions: [.disposition], filter: StatsFilter(reason: "labour_contractions"))).total == 4)
        #expect(try counts(StatsQuery(dimensions: [.disposition], filter: StatsFilter(language: "en"))) == ["attend_now": 2])
        #expect(try archive.statistics(StatsQuery(dimensions: [.reason], filter: StatsFilter(disposition: "self_care"))).total == 2)
        #expect(try archive.statistics(StatsQuery(dimensions: [.reason], filter: StatsFilter(caller: "partner"))).total == 1)
    }

    @Test func suggestedConfirmedAndLabelledAreEachTheirOwnCount() throws {
        #expect(try counts(StatsQuery(dimensions: [.disposition], source: .confirmed)) == ["attend_soon": 2, "attend_now": 2])
        #expect(try counts(StatsQuery(dimensions: [.reason], source: .confirmed))["labour_contractions"] == 2)
        let labelled = try archive.statistics(StatsQuery(dimensions: [.reason], source: .labelled))
        #expect(labelled.total == 3 && labelled.allReasons)
        #expect(labelled.rows.filter { $0.count > 0 }.allSatisfy { $0.count == 1 }) // two annotators, one call
        #expect(throws: StatsQuery.Invalid.self) { try archive.statistics(StatsQuery(dimensions: [.disposition], source: .labelled)) }
    }

    @Test func sharesAndWilsonIntervals() throws {
        let t = try archive.statistics(StatsQuery(dimensions: [.reason]))
        let labour = try #require(t.rows.first { $0.keys == ["labour_contractions"] })
        #expect(abs((t.share(labour) ?? 0) - 3.0 / 7) < 1e-12)
        // Wilson 95 % for 3/7 and 5/29, checked against the formula by hand.
        let a = try #require(WilsonInterval.interval(3, of: 7))
        #expect(abs(a.lowerBound - 0.1582) < 5e-4 && abs(a.upperBound - 0.7495) < 5e-4)
        let b = try #require(WilsonInterval.interval(5, of: 29))
        #expect(abs(b.lowerBound - 0.0760) < 5e-4 && abs(b.upperBound - 0.3455) < 5e-4)
        #expect(WilsonInterval.interval(0, of: 10)?.lowerBound == 0)
        #expect(WilsonInterval.interval(1, of: 0) == nil)
    }
}
