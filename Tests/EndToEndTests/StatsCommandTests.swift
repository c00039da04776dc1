import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `triage stats`, `report`, `export fhir` and `decide` on an archive of the demo calls.
@Suite(.serialized) struct StatsCommandTests {
    let dir = TemporaryDirectory("stats-e2e")
    var db: String { dir.file("demo.sqlite") }

    init() throws {
        let run = try CommandRun.triage(["ingest", "--db", dir.file("demo.sqlite"), "\(Repository.root)/Recordings"])
        guard run.status == 0 else { throw CommandFailed(run: run) }
    }

    struct CommandFailed: Error { var run: CommandRun }

    @Test func aDanishExcelCSVHasSemicolonsAndDecimalCommas() throws {
        let run = try CommandRun.triage(["stats", "--db", db, "--by", "disposition", "--format", "csv-da", "--labels"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "\u{FEFF}disposition;disposition_label;count;share;ci_low;ci_high")
        let attendNow = try #require(lines.first { $0.hasPrefix("attend_now;") })
        let cells = attendNow.split(separator: ";", omittingEmptySubsequences: false)
        #expect(cells.count == 6 && cells[3].contains(",") && !cells[3].contains("."), "\(attendNow)")
        #expect(run.stdout.contains("<5;;;")) // suppressed as in every export
    }

    @Test func statsAreSuppressedUnlessToldAndToldWithAWarning() throws {
        let csv = try CommandRun.triage(["stats", "--db", db])
        #expect(csv.status == 0 && csv.stderr.isEmpty)
        let lines = csv.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "\u{FEFF}reason,count,share,ci_low,ci_high")
        #expect(lines.dropFirst().allSatisfy { line in
            let count = line.split(separator: ",", omittingEmptySubsequences: false)[1]
            return count == "<5" || count == "0" || (Int(count) ?? 0) >= 5
        })
        let open = try CommandRun.triage(["stats", "--db", db, "--no-suppress", "--format", "json"])
        #expect(open.stderr.hasPrefix("warning: small counts are shown"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(open.stdout.utf8)) as? [[String: Any]])
        #expect(rows.compactMap { $0["count"] as? Int }.reduce(0, +) == 29)
        #expect(try CommandRun.triage(["stats", "--db", db, "--by", "colour"]).status == 2)
        #expect(try CommandRun.triage(["stats", "--db", db, "--source", "labelled", "--by", "disposition"]).status == 2)
        #expect(try CommandRun.triage(["stats", "--db", db, "--from", "14/03/2026"]).status == 2)
        let md = try CommandRun.triage(["stats", "--db", db, "--by", "disposition", "--format", "md", "--lang", "en"])
        #expect(md.stdout.contains("| Come in now | 14 |"))
    }

    @Test func aDecisionCountsAsConfirmed() throws {
        let decide = try CommandRun.triage(["decide", "--db", db, "1", "--disposition", "attend_soon", "--reasons", "itching"])
        #expect(decide.status == 0, "\(decide.stderr)")
        let confirmed = try CommandRun.triage(["stats", "--db", db, "--source", "confirmed", "--by", "disposition", "--no-suppress", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(confirmed.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1 && rows.first?["disposition"] as? String == "attend_soon" && rows.first?["count"] as? Int == 1)
        #expect(try CommandRun.triage(["decide", "--db", db, "1", "--disposition", "later"]).status == 2)
        #expect(try CommandRun.triage(["decide", "--db", db, "1", "--disposition", "refer", "--reasons", "made_up"]).status == 2)
    }

    @Test func fhirExportsAreValidR4() throws {
        let python = Tools.fhirPython
        try #require(FileManager.default.isExecutableFile(atPath: python), "the FHIR validator is missing: run make deps")
        #expect(try CommandRun.triage(["decide", "2", "--db", db, "--disposition", "attend_now"]).status == 0)
        let measure = try CommandRun.triage(["stats", "--db", db, "--format", "fhir"])
        let bundle = try CommandRun.triage(["export", "fhir", "--db", db])
        #expect(measure.status == 0 && bundle.status == 0)
        let files = [try dir.write("measure.json", measure.stdout), try dir.write("bundle.json", bundle.stdout)]
        let check = try Tools.run(python, [Repository.fixture("tools/validate_fhir.py")] + files)
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("valid MeasureReport") && check.output.contains("valid Bundle"))
        // The validator does reject what is wrong.
        let broken = try dir.write("broken.json", bundle.stdout.replacingOccurrences(of: "\"status\": \"finished\"", with: "\"status\": 42, \"colour\": 1"))
        #expect(try Tools.run(python, [Repository.fixture("tools/validate_fhir.py"), broken]).status == 1)
        let b = try #require(try JSONSerialization.jsonObject(with: Data(bundle.stdout.utf8)) as? [String: Any])
        let resources = (b["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }
        let encounters = resources.filter { $0["resourceType"] as? String == "Encounter" }
        #expect(encounters.count == 29)
        #expect(resources.contains { $0["resourceType"] as? String == "Flag" })
        #expect(resources.contains { $0["resourceType"] as? String == "Observation" })
        #expect(!bundle.stdout.contains("Recordings/")) // no file paths, names or other identifying data leave with it
        // Issue 15: facts with LOINC codes where they exist, choices as codes, the deciding midwife, a real period, masked cells.
        let observations = resources.filter { $0["resourceType"] as? String == "Observation" }
        func codes(_ r: [String: Any]) -> [String] { ((r["code"] as? [String: Any])?["coding"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }
        let gestation = try #require(observations.first { codes($0).contains("49051-6") }, "no gestational age with its LOINC code")
        #expect((gestation["valueQuantity"] as? [String: Any])?["code"] as? String == "wk")
        #expect(!observations.contains { codes($0).contains("gestational_week") || codes($0).contains("gestational_days") })
        #expect(observations.contains { codes($0).contains("fluid_colour") && $0["valueCodeableConcept"] != nil })
        #expect(!observations.contains { $0["valueString"] != nil && codes($0).contains("caller") })
        let practitioner = try #require(resources.first { $0["resourceType"] as? String == "Practitioner" }, "no Practitioner for the decided call")
        let practitionerURL = (b["entry"] as? [[String: Any]] ?? []).first { ($0["resource"] as? [String: Any])?["resourceType"] as? String == "Practitioner" }?["fullUrl"] as? String
        #expect(practitioner["identifier"] != nil && practitionerURL != nil)
        #expect(encounters.contains { e in ((e["participant"] as? [[String: Any]])?.first?["individual"] as? [String: Any])?["reference"] as? String == practitionerURL })
        let m = try #require(try JSONSerialization.jsonObject(with: Data(measure.stdout.utf8)) as? [String: Any])
        let period = try #require(m["period"] as? [String: String])
        #expect(period["start"] != "1970-01-01" && (period["start"] ?? "") <= (period["end"] ?? ""))
        #expect(measure.stdout.contains("\"masked\""), "a suppressed cell carries the data-absent reason")
    }

    @Test func theHTMLReportRendersInAHeadlessBrowser() throws {
        let chromium = try #require(Tools.chromium, "headless Chromium is missing: run make deps")
        let html = dir.file("out/report.html")
        try FileManager.default.createDirectory(atPath: dir.file("out"), withIntermediateDirectories: true)
        for id in 1...6 { _ = try CommandRun.triage(["decide", String(id), "--db", db, "--disposition", "attend_now"]) }
        let run = try CommandRun.triage(["report", "--db", db, "--out", html, "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("The suggestions against the midwives' decisions"))
        #expect(page.contains("<svg") && !page.contains("<script") && !page.contains("src=\"http"))
        let charts = try FileManager.default.contentsOfDirectory(atPath: dir.file("out/report-charts"))
        #expect(Set(charts) == ["reasons.svg", "reference.svg", "hour-weekday.svg", "weekly.svg", "dispositions.svg", "quality.svg"])
        for name in charts {
            let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: dir.file("out/report-charts/\(name)"))))
            #expect(parser.parse(), "\(name) is not well-formed XML")
        }
        // The weekly axis shows every week from the first to the last (issue 15: it jumped over the weeks without calls).
        let weekly = try String(contentsOfFile: dir.file("out/report-charts/weekly.svg"), encoding: .utf8)
        let weeks = weekly.matches(of: /(\d{4})-W(\d{2})/).map { Int($0.output.1)! * 100 + Int($0.output.2)! }
        #expect(weeks.count >= 2 && zip(weeks, weeks.dropFirst()).allSatisfy { $1 == $0 + 1 || $1 == $0 }, "\(weeks)")
        let png = dir.file("out/shot.png")
        let shot = try Tools.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1000,1800",
                                            "--user-data-dir=\(dir.file("chrome"))", "--screenshot=\(png)", "file://\(html)"])
        #expect(FileManager.default.fileExists(atPath: png), "\(shot.output)")
        let ink = try Tools.run("/usr/bin/env", ["python3", Repository.fixture("tools/png_ink.py"), png])
        #expect((Double(ink.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0.03, "the screenshot is blank: \(ink.output)")
    }
}
