import Archive
import Foundation
import Pseudonymisation
@testable import Research
import TestSupport
import Testing
import TriageCore

/// Synthetic calls from an archive of the development set's calls: their distributions follow the archive's
/// aggregates, the same seed writes the same bytes, small cells are never reproduced, and no line is a real call's.
@Suite(.serialized) struct SynthesisTests {
    let dir = TemporaryDirectory("synth")
    let taxonomy: Taxonomy
    let session: ArchiveSession

    init() throws {
        taxonomy = try TaxonomyLoader.load(contentsOf: URL(fileURLWithPath: Repository.taxonomy))
        session = try SynthesisArchive.session.get()
    }

    func profile(minCell: Int = 5) throws -> SynthesisProfile {
        try SynthesisProfile.read(from: session, minCell: minCell, knownReasons: taxonomy.reasons.map(\.code),
                                  defaultDisposition: { [taxonomy] in taxonomy.reason($0)?.defaultDisposition?.rawValue })
    }

    func generate(_ count: Int, seed: UInt64 = 7) throws -> [SyntheticCall] {
        SyntheticCallGenerator(profile: try profile(), taxonomy: taxonomy, realLines: RealLines(try session.everyTurnText()))
            .generate(count: count, seed: seed)
    }

    /// The largest difference between the generated shares of `values` and the profile's shares.
    func largestGap(_ values: [String], _ distribution: ProfileDistribution, denominator: Int? = nil) -> (String, Double) {
        let total = Double(denominator ?? distribution.shownTotal)
        var counts: [String: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        var worst = ("", 0.0)
        for value in Set(distribution.cells.map(\.value)).union(counts.keys) {
            let gap = abs(Double(counts[value] ?? 0) / Double(values.count) - Double(distribution.count(of: value)) / total)
            if gap > worst.1 { worst = (value, gap) }
        }
        return worst
    }

    @Test func theProfileLeavesReplaysOutAndCountsEveryTable() throws {
        let p = try profile()
        // Every development-set call with a disposition, and not the replay.
        let labelled = try SynthesisArchive.devsetRecords().filter { record in
            let labels = record["labels"] as? [String: Any]
            return (labels?["disposition"] as? String) != nil && !(labels?["reasons"] as? [String] ?? []).isEmpty
        }.count
        #expect(p.calls == labelled && labelled > 1_000)
        #expect(p.primaryReasons.shownTotal + p.primaryReasons.suppressed.count * 4 >= p.calls - 4 * p.primaryReasons.suppressed.count)
        #expect(p.hours.cells.count > 12 && p.weekdays.cells.count == 7, "\(p.hours.cells) \(p.weekdays.cells)")
        #expect(Set(p.languages.cells.map(\.value)) == ["da", "en"])
        #expect(p.allReasons.shownTotal >= p.primaryReasons.shownTotal)
        #expect(!p.dispositionByReason.rows.isEmpty && !p.gestationalAgeBandByReason.rows.isEmpty)
    }

    @Test func theGeneratedDistributionsFollowTheProfile() throws {
        let p = try profile()
        let calls = try generate(2_000)
        #expect(calls.count == 2_000)
        let primary = largestGap(calls.map(\.primary), p.primaryReasons)
        #expect(primary.1 < 0.03, "primary reason \(primary)")
        let all = largestGap(calls.flatMap(\.reasons), p.allReasons, denominator: p.allReasons.shownTotal)
        #expect(all.1 < 0.03, "all reasons \(all)")
        let disposition = largestGap(calls.map(\.disposition.rawValue), p.dispositions)
        #expect(disposition.1 < 0.05, "disposition \(disposition)")
        let hour = largestGap(calls.map { String($0.startedAt.hour) }, p.hours)
        #expect(hour.1 < 0.02, "hour \(hour)")
        let weekday = largestGap(calls.map { String($0.startedAt.isoWeekday) }, p.weekdays)
        #expect(weekday.1 < 0.03, "weekday \(weekday)")
        let language = largestGap(calls.map(\.language), p.languages)
        #expect(language.1 < 0.03, "language \(language)")
        let firstBaby = largestGap(calls.map { $0.firstBaby.map { $0 ? "yes" : "no" } ?? "unknown" }, p.firstBaby)
        #expect(firstBaby.1 < 0.03, "first baby \(firstBaby)")
        func band(_ c: SyntheticCall) -> String {
            if c.daysPostpartum != nil { return "postnatal" }
            guard let w = c.gestationalWeek else { return "unknown" }
            return w < 24 ? "<24" : w < 28 ? "24-27" : w < 32 ? "28-31" : w < 34 ? "32-33" : w < 37 ? "34-36" : w < 42 ? "37-41" : "42+"
        }
        let ga = largestGap(calls.map(band), p.gestationalAgeBands)
        #expect(ga.1 < 0.04, "gestational-age band \(ga)")
        let caller = largestGap(calls.map { $0.caller?.rawValue ?? "unknown" }, p.callers)
        #expect(caller.1 < 0.03, "caller \(caller)")
    }

    @Test func theSameSeedWritesTheSameBytesAndAnotherSeedOtherCalls() throws {
        func run(_ out: String, seed: UInt64) throws -> (Data, Data) {
            _ = try SynthesisExport.run(SynthesisExport.Request(count: 150, seed: seed, out: dir.file(out)), taxonomy: taxonomy, session: session, speech: nil)
            return (try Data(contentsOf: URL(fileURLWithPath: dir.file("\(out)/calls.jsonl"))),
                    try Data(contentsOf: URL(fileURLWithPath: dir.file("\(out)/profile.json"))))
        }
        let first = try run("a", seed: 11), again = try run("b", seed: 11), other = try run("c", seed: 12)
        #expect(first.0 == again.0 && first.1 == again.1)
        #expect(first.0 != other.0)
        // Only the two files, no staging folder left beside them.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("a")).sorted() == ["calls.jsonl", "profile.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func everyCallIsACallRecordWithLabelsAndTimedTurns() throws {
        for call in try generate(300, seed: 3) {
            let line = try #require(try JSONSerialization.jsonObject(with: Data(call.jsonLine.utf8)) as? [String: Any])
            #expect(line["id"] as? String == call.id && line["language"] as? String == call.language)
            #expect(LocalDateTime.parse(line["started_at"] as? String ?? "")?.0 == call.startedAt)
            let labels = try #require(line["labels"] as? [String: Any])
            #expect(labels["primary"] as? String == call.primary && labels["disposition"] as? String == call.disposition.rawValue)
            #expect(Set(call.reasons).count == call.reasons.count && call.reasons.allSatisfy { taxonomy.reason($0) != nil })
            let turns = try #require(line["turns"] as? [[String: Any]])
            #expect(turns.count >= 6 && turns.allSatisfy { ["midwife", "caller"].contains($0["speaker"] as? String ?? "") })
            #expect(call.turns.last?.endMs ?? 0 <= call.durationMs + 1 && call.turns.allSatisfy { ($0.startMs ?? -1) <= ($0.endMs ?? -2) })
            // The red flags are the taxonomy's, and the disposition is at least as urgent as each forces.
            for flag in call.redFlags {
                let rule = try #require(taxonomy.redFlag(flag))
                #expect(!rule.forces.isMoreUrgent(than: call.disposition), "\(call.id) \(flag)")
            }
        }
    }

    @Test func theCallersWordsAreTheTaxonomysPhrasing() throws {
        let chooser = StatementChooser(taxonomy: taxonomy)
        for call in try generate(400, seed: 9) {
            let said = call.turns.filter { $0.speaker == .caller }.map { $0.text.lowercased() }.joined(separator: " ")
            for finding in call.findings {
                let phrases = chooser.findingPhrases[finding]?[call.language] ?? []
                #expect(phrases.contains { said.contains($0.lowercased()) }, "\(call.id): no phrase of \(finding) in '\(said)'")
            }
            // The midwife asks the taxonomy's question and gives its advice for the disposition.
            let advice = try #require(taxonomy.definition(of: call.disposition)?.advice.text(for: call.language))
            #expect(call.turns.contains { $0.speaker == .midwife && $0.text.hasSuffix(advice) }, "\(call.id)")
        }
        #expect(StatementChooser.unsaid("the baby has can't stirred") && !StatementChooser.unsaid("the baby has not moved"))
        #expect(taxonomy.findings.allSatisfy { f in (chooser.findingPhrases[f.code]?["en"] ?? []).allSatisfy { !StatementChooser.unsaid($0) } })
    }

    @Test func aSmallCellIsSuppressedAndNeverGenerated() throws {
        let small = TemporaryDirectory("synth-small")
        let archive = try ArchiveSession.open(address: small.file("small.sqlite"), origin: "test")
        // 12 labour, 6 waters, 3 itching: itching is a small cell, and the waters too so that it cannot be worked out.
        for (i, reason) in (Array(repeating: "labour_contractions", count: 12) + Array(repeating: "rupture_of_membranes", count: 6)
                            + Array(repeating: "itching", count: 3)).enumerated() {
            var m = CallMetadata()
            m.startedAt = LocalDateTime.parse("2026-03-0\(1 + i % 7)T1\(i % 10):00:00")?.0
            m.language = "da"
            let id = try archive.store(CallDraft(sha256: "s\(i)", contentKind: .transcript, sourcePath: "s\(i).txt", durationMs: 90_000, metadata: m,
                                                 turns: [Turn(speaker: .caller, text: "Opkald nummer \(i).")])).callID
            try archive.store(AssessmentRecord(callID: id, taxonomyID: "t", taxonomyVersion: "1", modelVersion: "m", primaryReason: ReasonCode(rawValue: reason),
                                               disposition: .selfCare, reasons: [.init(code: ReasonCode(rawValue: reason), score: 1)], redFlags: [],
                                               resultJSON: "{}"))
        }
        let p = try SynthesisProfile.read(from: archive, minCell: 5, knownReasons: taxonomy.reasons.map(\.code))
        #expect(p.primaryReasons.suppressed.contains("itching") && p.primaryReasons.suppressed.contains("rupture_of_membranes"))
        #expect(p.primaryReasons.cells.map(\.value) == ["labour_contractions"])
        #expect(p.suppressionSummary.contains { $0.hasPrefix("reason: ") && $0.contains("itching") }, "\(p.suppressionSummary)")
        let out = small.file("out")
        _ = try SynthesisExport.run(SynthesisExport.Request(count: 200, seed: 1, out: out), taxonomy: taxonomy, session: archive, speech: nil)
        let text = try String(contentsOfFile: "\(out)/calls.jsonl", encoding: .utf8)
        #expect(!text.contains("itching") && !text.contains("rupture_of_membranes"))
        let written = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/profile.json"))) as? [String: Any])
        let tables = try #require((written["profile"] as? [String: Any])?["tables"] as? [String: Any])
        let reasons = try #require(tables["reason"] as? [String: Any])
        #expect(reasons["counts"] as? [String: Int] == ["labour_contractions": 12])
        #expect(Set(reasons["suppressed"] as? [String] ?? []).isSuperset(of: ["itching", "rupture_of_membranes"]))
        // A higher threshold suppresses more; one under the unit's is refused; with nothing left, nothing is written.
        #expect(try SynthesisProfile.read(from: archive, minCell: 13, knownReasons: []).primaryReasons.cells.isEmpty)
        #expect(throws: SynthesisProblem.self) {
            try SynthesisExport.run(SynthesisExport.Request(count: 5, out: small.file("low"), minCell: 3), taxonomy: taxonomy, session: archive, speech: nil)
        }
        #expect { try SynthesisExport.run(SynthesisExport.Request(count: 5, out: small.file("none"), minCell: 13), taxonomy: taxonomy, session: archive, speech: nil) }
            throws: { "\($0)".contains("nothing to sample from") }
        #expect(!FileManager.default.fileExists(atPath: small.file("none")))
    }

    @Test func badRequestsAreRefusedBeforeAnythingIsWritten() throws {
        for count in [0, -3, SyntheticCallGenerator.maximumCount + 1] {
            #expect { try SynthesisExport.run(SynthesisExport.Request(count: count, out: dir.file("n\(count)")), taxonomy: taxonomy, session: session, speech: nil) }
                throws: { "\($0)" == "--count must be from 1 to 1000000, not \(count)" }
            #expect(!FileManager.default.fileExists(atPath: dir.file("n\(count)")))
        }
        try dir.write("full/keep.txt", "mine")
        #expect { try SynthesisExport.run(SynthesisExport.Request(count: 5, out: dir.file("full")), taxonomy: taxonomy, session: session, speech: nil) }
            throws: { "\($0)" == "\(dir.file("full")): exists and is not empty; name a new folder" }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("full")) == ["keep.txt"])
        #expect { try SynthesisExport.run(SynthesisExport.Request(count: 5, out: dir.file("sound"), audio: true), taxonomy: taxonomy, session: session, speech: nil) }
            throws: { "\($0)".hasPrefix("--audio needs espeak-ng, which is not installed") }
        // A coordinator reads statistics but may not export synthetic calls built beside real transcripts.
        try session.setUser("carl", roles: [.coordinator])
        let coordinator = try ArchiveSession.open(address: SynthesisArchive.path, account: Account(name: "carl"), origin: "test")
        #expect(throws: AccessDenied.self) {
            try SynthesisExport.run(SynthesisExport.Request(count: 5, out: dir.file("coordinator")), taxonomy: taxonomy, session: coordinator, speech: nil)
        }
        #expect(!FileManager.default.fileExists(atPath: dir.file("coordinator")))
    }

    /// The issue's check: no line of any synthetic call equals (case and white space aside) any turn of any real call
    /// in the archive, nor any line of the development set; and nothing CPR-like, no telephone number, e-mail address
    /// or listed first name appears.
    @Test func noSyntheticLineIsARealCallsLineAndNothingIdentifiesAnyone() throws {
        let real = Set(try session.everyTurnText().map(SynthesisArchive.comparable))
        let devset = Set(try SynthesisArchive.devsetLines().map(SynthesisArchive.comparable))
        #expect(real.count > 5_000 && devset.count > real.count, "\(real.count) \(devset.count)")
        let finder = IdentifierFinder(words: try IdentifierWords.load(contentsOf: URL(fileURLWithPath: "\(Repository.root)/Taxonomy/\(IdentifierWords.fileName)")))
        let cprLike = try NSRegularExpression(pattern: #"\d{6}\s*-?\s*\d{4}|\d{2}\s\d{2}\s\d{2}\s\d{2}\s\d{2}"#)
        var lines = 0
        for seed: UInt64 in [1, 2] {
            for call in try generate(600, seed: seed) {
                for turn in call.turns {
                    lines += 1
                    let line = SynthesisArchive.comparable(turn.text)
                    #expect(!real.contains(line), "\(call.id): '\(turn.text)' is a real call's line")
                    #expect(!devset.contains(line), "\(call.id): '\(turn.text)' is a line of the development set")
                    #expect(finder.spans(in: turn.text).isEmpty, "\(call.id): '\(turn.text)' names someone")
                }
                let json = call.jsonLine
                #expect(cprLike.firstMatch(in: json, range: NSRange(json.startIndex..., in: json)) == nil, "\(call.id)")
            }
        }
        #expect(lines > 7_000)
    }
}
