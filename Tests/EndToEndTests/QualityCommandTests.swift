import Archive
import Foundation
import TestSupport
import Testing
import TriageCore

/// `triage quality` on an archive made with known disagreement: it reports exactly the injected rates, the
/// incidents and the drift alarm, to a coordinator as to everyone who reads statistics.
@Suite struct QualityCommandTests {
    /// Ten ISO weeks (2026-W02 … W11) of 40 decided calls each. In W05 the midwives confirmed 25, decided 10 more
    /// urgently (6 of them incidents: self care suggested, attend now decided; 4 one level up) and 5 less urgently;
    /// every other week all 40 are confirmed. The reasons are half labour, a quarter waters, a quarter movements, except
    /// in W11, where movements are four in five: a drifted population.
    static func makeArchive(_ db: String) throws {
        let archive = try ArchiveSession.open(address: db, origin: "test")
        try archive.setUser(Account.current().name, roles: Set(Role.allCases)) // the coordinator's role too, for --role
        let monday = LocalDateTime(daysSince1970: 20458) // 2026-01-05, the Monday of 2026-W02
        for week in 0..<10 {
            for i in 0..<40 {
                let reason: ReasonCode
                if week == 9 { reason = i < 4 ? "labour_contractions" : (i < 8 ? "rupture_of_membranes" : "reduced_fetal_movements") }
                else { reason = i < 20 ? "labour_contractions" : (i < 30 ? "rupture_of_membranes" : "reduced_fetal_movements") }
                var (suggested, decided): (Disposition, Disposition) = (.attendSoon, .attendSoon)
                if week == 3 {
                    switch i {
                    case 0..<6: (suggested, decided) = (.selfCare, .attendNow)      // incidents
                    case 6..<10: (suggested, decided) = (.attendSoon, .attendNow)   // one level more urgent
                    case 10..<15: (suggested, decided) = (.attendNow, .attendSoon)  // less urgent
                    default: break
                    }
                }
                var metadata = CallMetadata()
                metadata.startedAt = LocalDateTime(daysSince1970: monday.daysSince1970 + week * 7 + i % 7, minuteOfDay: 60 * (8 + i % 12))
                metadata.language = "da"
                let draft = CallDraft(sha256: "q-\(week)-\(i)", contentKind: .transcript, sourcePath: "/calls/q-\(week)-\(i).vtt", durationMs: 60_000,
                                      metadata: metadata, metadataJSON: "{}", turns: [])
                let id = try archive.store(draft).callID
                let suggestion = try archive.store(AssessmentRecord(callID: id, taxonomyID: "t", taxonomyVersion: "1.2.0", modelVersion: "m-1",
                                                                    primaryReason: reason, disposition: suggested,
                                                                    reasons: [.init(code: reason, score: 0.9)], redFlags: [], resultJSON: "{}"))
                _ = try archive.decide(DecisionRecord(callID: id, assessmentID: suggestion, taxonomyID: "t", taxonomyVersion: "1.2.0",
                                                      reasons: [reason], disposition: decided))
            }
        }
    }

    @Test(arguments: ArchiveBackend.allCases)
    func reportsExactlyTheInjectedRatesIncidentsAndDrift(_ backend: ArchiveBackend) throws {
        let dir = TemporaryDirectory("quality")
        let db = try backend.newArchive(in: dir, "quality")
        try Self.makeArchive(db)
        let run = try CommandRun.triage(["quality", "--db", db, "--format", "json", "--role", "coordinator"])
        #expect(run.status == 4, "alarms raised: \(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rows = try #require(report["rows"] as? [[String: Any]])
        #expect(rows.count == 10)
        let w05 = try #require(rows.first { $0["period"] as? String == "2026-W05" })
        #expect(w05["decided"] as? Int == 40)
        #expect((w05["confirmed"] as? [String: Any])?["count"] as? Int == 25)
        #expect((w05["more_urgent"] as? [String: Any])?["count"] as? Int == 10)
        #expect((w05["less_urgent"] as? [String: Any])?["count"] as? Int == 5)
        #expect((w05["more_urgent"] as? [String: Any])?["share"] as? Double == 0.25)
        let ci = try #require((w05["more_urgent"] as? [String: Any])?["ci95"] as? [Double])
        #expect(abs(ci[0] - 0.14189) < 1e-4 && abs(ci[1] - 0.40194) < 1e-4, "\(ci)") // Wilson, 10 of 40
        for row in rows where row["period"] as? String != "2026-W05" {
            #expect((row["confirmed"] as? [String: Any])?["count"] as? Int == 40, "\(row)")
        }
        let incidents = try #require(report["incidents_per_week"] as? [[String: Any]])
        #expect(incidents.count == 1 && incidents[0]["week"] as? String == "2026-W05" && incidents[0]["count"] as? Int == 6
                && incidents[0]["alarm"] as? Bool == true, "\(incidents)")
        let drift = try #require((report["drift"] as? [String: Any])?["weeks"] as? [[String: Any]])
        #expect(drift.map { $0["week"] as? String } == ["2026-W10", "2026-W11"])
        #expect(drift.map { $0["level"] as? String } == ["stable", "alarm"], "\(drift)")
        #expect((drift[0]["psi"] as? Double ?? 1) < 0.01 && (drift[1]["psi"] as? Double ?? 0) > 0.25)

        // As a FHIR R4 MeasureReport that the validator accepts, with the same figures.
        let fhir = try CommandRun.triage(["quality", "--db", db, "--format", "fhir"])
        let file = try dir.write("quality-measure.json", fhir.stdout)
        let check = try Tools.run(Tools.fhirPython, [Repository.fixture("tools/validate_fhir.py"), file])
        #expect(check.status == 0 && check.output.contains("valid MeasureReport"), "\(check.output)")
        #expect(fhir.stdout.contains("\"more-urgent\"") && fhir.stdout.contains("0.25"))

        // The incidents' calls, by id; the split by model version; a coordinator cannot read the calls behind them.
        let listed = try CommandRun.triage(["quality", "--db", db, "--incidents"])
        #expect(listed.stdout.split(separator: "\n").filter { $0.hasPrefix("incident: call ") }.count == 6, "\(listed.stdout)")
        let byModel = try CommandRun.triage(["quality", "--db", db, "--split", "model_version", "--format", "csv"])
        #expect(byModel.stdout.contains("2026-W05,m-1,40,25,"), "\(byModel.stdout)")
        let id = try #require(listed.stdout.split(separator: "\n").first { $0.hasPrefix("incident: call ") }?.split(separator: " ")[2])
        #expect(try CommandRun.triage(["calls", "show", String(id), "--db", db, "--role", "coordinator"]).status == 3)
        #expect(try CommandRun.triage(["calls", "show", String(id), "--db", db, "--role", "researcher"]).status == 0)
    }
}
