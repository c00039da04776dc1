import Archive
import Foundation
import TestSupport
import Testing
import TriageCore

/// `triage quality` on an archive made with known disagreement: it reports exactly the injected rates, the
/// incidents, the override reasons, the researchers' conclusions and both drift alarms (the reasons' and the
/// confidence's), to a coordinator as to everyone who reads statistics; only a researcher reads an incident's words.
@Suite struct QualityCommandTests {
    /// Ten ISO weeks (2026-W02 … W11) of 40 decided calls each. In W05 the midwives confirmed 25, decided 10 more
    /// urgently (6 of them incidents: self care suggested, attend now decided; 4 one level up) and 5 less urgently;
    /// every other week all 40 are confirmed. The reasons are half labour, a quarter waters, a quarter movements, except
    /// in W11, where movements are four in five: a drifted population. The override reasons: the incidents
    /// `assistant_missed_symptom`, the one level up `knew_more_from_record`, the less urgent `callers_voice`. The
    /// confidence is 0.55, 0.65, 0.75 or 0.95 (a quarter each) except in W10, where 32 of 40 are 0.35: a broken
    /// recogniser. The first incident's caller says "stile i dag" (still today, misheard), which no lexicon matches.
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
                var override: OverrideReasonCode?
                if week == 3 {
                    switch i {
                    case 0..<6: (suggested, decided, override) = (.selfCare, .attendNow, "assistant_missed_symptom")   // incidents
                    case 6..<10: (suggested, decided, override) = (.attendSoon, .attendNow, "knew_more_from_record")   // one level more urgent
                    case 10..<15: (suggested, decided, override) = (.attendNow, .attendSoon, "callers_voice")          // less urgent
                    default: break
                    }
                }
                let confidence = week == 8 && i < 32 ? 0.35 : [0.55, 0.65, 0.75, 0.95][i % 4]
                let turns = week == 3 && i == 0
                    ? [Turn(speaker: .midwife, speakerLabel: "M", startMs: 0, endMs: 1000, text: "Fødemodtagelsen."),
                       Turn(speaker: .caller, speakerLabel: "C", startMs: 1000, endMs: 4000, text: "Jeg har veer, og han har været så stile i dag.")]
                    : []
                let json = #"{"reasons":[{"code":"\#(reason)","evidence":[{"source":"transcript","turn":1,"text":"veer"}]}],"findings":[{"code":"contractions","polarity":"present"}],"confidence":\#(confidence)}"#
                var metadata = CallMetadata()
                metadata.startedAt = LocalDateTime(daysSince1970: monday.daysSince1970 + week * 7 + i % 7, minuteOfDay: 60 * (8 + i % 12))
                metadata.language = "da"
                let draft = CallDraft(sha256: "q-\(week)-\(i)", contentKind: .transcript, sourcePath: "/calls/q-\(week)-\(i).vtt", durationMs: 60_000,
                                      metadata: metadata, metadataJSON: "{}", turns: turns)
                let id = try archive.store(draft).callID
                let suggestion = try archive.store(AssessmentRecord(callID: id, taxonomyID: "t", taxonomyVersion: "1.2.0", modelVersion: "m-1",
                                                                    primaryReason: reason, disposition: suggested,
                                                                    reasons: [.init(code: reason, score: 0.9)], redFlags: [], resultJSON: json,
                                                                    confidence: confidence))
                _ = try archive.decide(DecisionRecord(callID: id, assessmentID: suggestion, taxonomyID: "t", taxonomyVersion: "1.2.0",
                                                      reasons: [reason], disposition: decided, overrideReason: override))
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

        // The confidence: W10 alarmed with exactly the PSI of its bins against the reference's, W11 as the reference.
        let confidence = try #require(report["confidence_drift"] as? [String: Any])
        let judged = try #require(confidence["weeks"] as? [[String: Any]])
        #expect(judged.map { $0["week"] as? String } == ["2026-W10", "2026-W11"])
        #expect(judged.map { $0["level"] as? String } == ["alarm", "stable"], "\(judged)")
        // Bins seen: 3, 5, 6, 7, 9; the reference 80 each of 5, 6, 7, 9; W10 32 in bin 3 and 2 in each other.
        func share(_ n: Double, _ total: Double) -> Double { (n + 0.5) / (total + 0.5 * 5) }
        let expected = zip([32.0, 2, 2, 2, 2], [0.0, 80, 80, 80, 80]).reduce(0.0) { sum, pair in
            let (p, q) = (share(pair.0, 40), share(pair.1, 320))
            return sum + (p - q) * log(p / q)
        }
        // W11 is as the reference, but for bin 3 that W10 brought in (smoothed by half a call on both sides): stable.
        let stable = zip([0.0, 10, 10, 10, 10], [0.0, 80, 80, 80, 80]).reduce(0.0) { sum, pair in
            let (p, q) = (share(pair.0, 40), share(pair.1, 320))
            return sum + (p - q) * log(p / q)
        }
        #expect(abs((judged[0]["psi"] as? Double ?? 0) - expected) < 1e-12, "\(judged[0]) against \(expected)")
        #expect(abs((judged[1]["psi"] as? Double ?? 1) - stable) < 1e-12 && stable < 0.10, "\(judged[1]) against \(stable)")
        let distribution = try #require(confidence["distribution"] as? [[String: Any]])
        let w10 = try #require(distribution.first { $0["week"] as? String == "2026-W10" })
        #expect((w10["counts"] as? [Any])?.map { "\($0)" } == ["0", "0", "0", "32", "0", "<5", "<5", "<5", "0", "<5"], "\(w10)")
        let confidenceCSV = try CommandRun.triage(["quality", "--db", db, "--format", "csv", "--table", "confidence"])
        #expect(confidenceCSV.stdout.contains("2026-W02,40,0,0,0,0,0,10,10,10,0,10,,reference"), "\(confidenceCSV.stdout)")
        #expect(confidenceCSV.stdout.contains("2026-W10,40,0,0,0,32,0,<5,<5,<5,0,<5,\(String(format: "%.4f", expected)),alarm"))
        let text = try CommandRun.triage(["quality", "--db", db])
        #expect(text.stdout.contains("the suggestions' confidence per week") && text.stdout.contains("2026-W10") && text.stdout.contains("⚠ ALARM"))

        // The HTML report's quality section names both drift alarms.
        let html = dir.file("report.html")
        let written = try CommandRun.triage(["report", "--db", db, "--out", html, "--lang", "en"])
        #expect(written.status == 0, "\(written.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("Drift of the suggestions' confidence") && page.contains("⚠ 2026-W10"), "\(page.suffix(1500))")
        #expect(page.contains("Drift of the suggested reasons") && page.contains("⚠ 2026-W11"))

        // The override reasons, split: none where she confirmed, and each injected reason (4 is a small cell).
        let overrides = try CommandRun.triage(["quality", "--db", db, "--split", "override_reason", "--format", "json"])
        let split = try #require((try JSONSerialization.jsonObject(with: Data(overrides.stdout.utf8)) as? [String: Any])?["rows"] as? [[String: Any]])
        func group(_ week: String, _ name: String) -> [String: Any]? { split.first { $0["period"] as? String == week && $0["group"] as? String == name } }
        #expect(group("2026-W05", "none")?["decided"] as? Int == 25 && (group("2026-W05", "none")?["confirmed"] as? [String: Any])?["count"] as? Int == 25)
        #expect((group("2026-W05", "assistant_missed_symptom")?["more_urgent"] as? [String: Any])?["count"] as? Int == 6)
        #expect((group("2026-W05", "callers_voice")?["less_urgent"] as? [String: Any])?["count"] as? Int == 5)
        #expect(group("2026-W05", "knew_more_from_record")?["suppressed"] as? Bool == true)
        #expect(split.filter { $0["period"] as? String != "2026-W05" }.allSatisfy { $0["group"] as? String == "none" && $0["decided"] as? Int == 40 })
        let session = try ArchiveSession.open(address: db, origin: "test")
        let exact = try session.quality(QualityQuery(split: .overrideReason)).filter { $0.period == "2026-W05" }
        #expect(exact.map { "\($0.group) \($0.decided) \($0.confirmed) \($0.moreUrgent) \($0.lessUrgent)" }
                == ["assistant_missed_symptom 6 0 6 0", "callers_voice 5 0 0 5", "knew_more_from_record 4 0 4 0", "none 25 25 0 0"])

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

    @Test(arguments: ArchiveBackend.allCases)
    func researchersReviewIncidentsAndCoordinatorsSeeTheCounts(_ backend: ArchiveBackend) throws {
        let dir = TemporaryDirectory("quality-review")
        let db = try backend.newArchive(in: dir, "quality")
        try Self.makeArchive(db)
        let listed = try CommandRun.triage(["quality", "incidents", "--db", db, "--format", "json", "--role", "researcher"])
        try #require(listed.status == 0, "\(listed.stderr)")
        let incidents = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(incidents.count == 6 && incidents.allSatisfy { $0["override_reason"] as? String == "assistant_missed_symptom" && $0["conclusion"] is NSNull })
        let ids = incidents.compactMap { $0["call_id"] as? Int }
        // The first: what the assistant used, and the words nearest to the finding it missed (fewer kicks, misheard).
        let first = incidents[0]
        #expect((first["used"] as? [[String: Any]])?.first?["text"] as? String == "veer")
        let missed = try #require((first["missed"] as? [[String: Any]])?.first)
        #expect(missed["finding"] as? String == "reduced_movements" && missed["red_flag"] as? String == "absent_or_reduced_movements", "\(missed)")
        #expect((missed["words"] as? String)?.contains("stile") == true && missed["turn"] as? Int == 1, "\(missed)")

        // Five assistant errors and a midwife's judgement; the first reviewed twice, the newest counts.
        #expect(try CommandRun.triage(["quality", "review", String(ids[0]), "--conclusion", "transcript_error", "--db", db, "--role", "researcher"]).status == 0)
        for (n, id) in ids.enumerated() {
            let conclusion = n == 5 ? "midwife_judgement" : "assistant_error"
            let run = try CommandRun.triage(["quality", "review", String(id), "--conclusion", conclusion, "--note", "checked \(n)", "--db", db, "--role", "researcher"])
            #expect(run.status == 0 && run.stdout.contains("review "), "\(run.stderr)")
        }
        let reviewed = try CommandRun.triage(["quality", "incidents", "--db", db, "--format", "json", "--role", "researcher"])
        let after = try #require(try JSONSerialization.jsonObject(with: Data(reviewed.stdout.utf8)) as? [[String: Any]])
        #expect(after.map { $0["conclusion"] as? String } == Array(repeating: "assistant_error", count: 5) + ["midwife_judgement"])
        #expect((after[0]["reviews"] as? [[String: Any]])?.map { $0["conclusion"] as? String } == ["transcript_error", "assistant_error"])
        #expect(try CommandRun.triage(["quality", "incidents", "--db", db, "--unreviewed", "--role", "researcher"]).stdout.contains("no incidents"))

        // The coordinator: the counts (a small one suppressed), never a word; she may not review.
        let figures = try CommandRun.triage(["quality", "--db", db, "--format", "json", "--role", "coordinator"])
        let conclusions = try #require((try JSONSerialization.jsonObject(with: Data(figures.stdout.utf8)) as? [String: Any])?["incident_conclusions"] as? [String: Any])
        #expect(conclusions["assistant_error"] as? Int == 5 && conclusions["midwife_judgement"] as? String == "<5" && conclusions.count == 2, "\(conclusions)")
        let counted = try CommandRun.triage(["quality", "incidents", "--db", db, "--role", "coordinator"])
        #expect(counted.status == 0 && counted.stdout.contains("2026-W05  6 incidents") && counted.stdout.contains("assistant_error 5 · midwife_judgement <5"),
                "\(counted.stdout)")
        #expect(!counted.stdout.contains("stile") && !counted.stdout.contains("veer"))
        #expect(try CommandRun.triage(["quality", "review", String(ids[0]), "--conclusion", "assistant_error", "--db", db, "--role", "coordinator"]).status == 3)
        // A call that is not an incident is not reviewed.
        let session = try ArchiveSession.open(address: db, origin: "test")
        let calm = try #require(try session.listCalls(limit: 1).first?.id)
        #expect(!ids.contains(Int(calm)))
        #expect(try CommandRun.triage(["quality", "review", String(calm), "--conclusion", "assistant_error", "--db", db, "--role", "researcher"]).status != 0)
        // The midwife's override reason on the command line: a code of the taxonomy, only with another decision than suggested.
        let overridden = try CommandRun.triage(["decide", String(calm), "--disposition", "attend_now", "--override-reason", "other", "--override-text", " lød forpint ",
                                                "--db", db, "--role", "midwife"])
        #expect(overridden.status == 0 && overridden.stdout.contains("override: other"), "\(overridden.stderr)")
        let stored = try #require(try session.latestDecision(ofCall: calm))
        #expect(stored.overrideReason == "other" && stored.overrideText == "lød forpint" && stored.disposition == .attendNow)
        #expect(try CommandRun.triage(["decide", String(calm), "--disposition", "attend_soon", "--override-reason", "other", "--db", db]).status == 2)
        #expect(try CommandRun.triage(["decide", String(calm), "--disposition", "refer", "--override-reason", "gut_feeling", "--db", db]).status == 2)
        #expect(try CommandRun.triage(["decide", String(calm), "--disposition", "refer", "--override-text", "why", "--db", db]).status == 2)
        #expect(try session.latestDecision(ofCall: calm)?.overrideReason == "other")
        // Every review is in the audit log.
        #expect(try session.auditEntries().filter { $0.action == AuditAction.reviewIncident.rawValue }.count == 7)

        // The incident as a labelled development call, in the development set's format.
        let file = dir.file("incident.txt")
        let written = try CommandRun.triage(["quality", "devcall", String(ids[0]), "--output", file, "--id", "inc01", "--db", db, "--role", "researcher"])
        #expect(written.status == 0, "\(written.stderr)")
        let devcall = try String(contentsOfFile: file, encoding: .utf8)
        #expect(devcall == """
            ## inc01 | da | 2026-01-26T08:00:00
            labels: reasons=labour_contractions | disposition=attend_now
            M: Fødemodtagelsen.
            C: Jeg har veer, og han har været så stile i dag.

            """, "\(devcall)")
        #expect(try CommandRun.triage(["quality", "devcall", String(ids[0]), "--output", file, "--db", db, "--role", "researcher"]).status != 0) // exists
        #expect(try CommandRun.triage(["quality", "devcall", String(ids[0]), "--output", file, "--append", "--db", db, "--role", "researcher"]).status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "## ").count == 3)
        #expect(try CommandRun.triage(["quality", "devcall", String(ids[0]), "--output", dir.file("x.txt"), "--db", db, "--role", "coordinator"]).status == 3)
        #expect(try session.auditEntries().contains { $0.action == AuditAction.export.rawValue && $0.callID == Int64(ids[0]) })
    }
}
