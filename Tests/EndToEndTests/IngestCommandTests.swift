import Archive
import AudioIO
import Ingest
import Foundation
import TestSupport
import Testing

/// `triage ingest` and `triage calls` as a user runs them.
@Suite struct IngestCommandTests {
    let dir = TemporaryDirectory("e2e")
    var db: String { dir.file("triage.sqlite") }

    func makeCalls() throws {
        try SyntheticAudio.write(dir.file("calls/morning.flac"), seconds: 13, channels: 2, seed: 1)
        try FileManager.default.copyItem(atPath: Repository.fixture("transcripts/call.vtt"), toPath: dir.file("calls/morning.vtt"))
        try dir.write("calls/morning.meta.json", #"{"started_at": "2026-03-14T08:05:00", "gestational_week": 38, "gestational_days": 2, "caller": "pregnant", "language": "da", "channel_roles": ["caller", "midwife"]}"#)
        try SyntheticAudio.write(dir.file("calls/night.wav"), seconds: 4, seed: 2)
        try dir.write("calls/night.txt", "M: Labour ward, this is Jane.\nC: My waters broke, no bleeding.\n")
        try dir.write("calls/night.meta.json", #"{"started_at": "2026-03-15T03:40:00", "language": "en", "caller": "partner"}"#)
    }

    @Test func ingestsAFolderThenListsAndShowsTheCalls() throws {
        try makeCalls()
        let run = try CommandRun.triage(["ingest", "--db", db, dir.file("calls")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("archived call"))
        #expect(run.stdout.contains("ingest: 2 archived"))

        let list = try CommandRun.triage(["calls", "list", "--db", db, "--format", "json"])
        #expect(list.status == 0)
        let calls = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(calls.count == 2)
        for key in ["id", "sha256", "path", "duration_ms", "sample_rate", "channels", "started_at", "language", "turns"] {
            #expect(calls.allSatisfy { $0[key] != nil }, "\(key) missing")
        }
        let night = try #require(calls.first) // newest first
        #expect(night["path"] as? String == dir.file("calls/night.wav"))
        #expect(night["duration_ms"] as? Int == 4000)
        #expect(night["sample_rate"] as? Int == 8000)
        #expect(night["channels"] as? Int == 1)
        #expect(night["started_at"] as? String == "2026-03-15T03:40:00")
        #expect(night["language"] as? String == "en")
        #expect(night["turns"] as? Int == 2)
        #expect((night["sha256"] as? String) == (try ContentHash.sha256(fileAt: dir.file("calls/night.wav"))))

        let text = try CommandRun.triage(["calls", "--db", db])
        #expect(text.stdout.contains("2 calls in"))
        #expect(text.stdout.contains("38+2"))

        let morningID = try #require(calls.last?["id"] as? Int)
        let show = try CommandRun.triage(["calls", "show", "--db", db, String(morningID)])
        #expect(show.status == 0)
        #expect(show.stdout.contains("Gestation     38+2"))
        #expect(show.stdout.contains("[00:02.5–00:05.7] Kvinde: Hej, vandet er gået"))
        let missing = try CommandRun.triage(["calls", "show", "--db", db, "999"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "triage: \(db): no call with id 999\n")
    }

    @Test func exitStatusIsOneWhenAnyInputFailsAndTheRestIsStillArchived() throws {
        try makeCalls()
        try dir.write("calls/broken.wav", "not audio")
        let run = try CommandRun.triage(["ingest", "--db", db, dir.file("calls"), dir.file("nowhere")])
        #expect(run.status == 1)
        let errors = run.stderr.split(separator: "\n")
        #expect(errors.count == 2)
        #expect(errors.contains { $0.hasPrefix("error: \(dir.file("calls/broken.wav")): not an audio file") })
        #expect(errors.contains { $0 == "error: \(dir.file("nowhere")): no such file or folder" })
        #expect(run.stdout.contains("ingest: 2 archived, 1 failed"))
        let again = try CommandRun.triage(["ingest", "--db", db, dir.file("calls/morning.flac"), dir.file("calls/night.wav")])
        #expect(again.status == 0)
        #expect(again.stdout.contains("ingest: 0 archived, 2 already present"))
    }

    @Test func aTaxonomyThatCannotBeReadStopsTheIngestBeforeAnythingIsArchived() throws {
        try makeCalls()
        let run = try CommandRun.triage(["ingest", "--db", db, "--taxonomy", dir.file("nonexistent.yaml"), dir.file("calls")])
        #expect(run.status == 1)
        #expect(run.stderr == "triage: \(dir.file("nonexistent.yaml")): cannot read the file\n")
        #expect(try CommandRun.triage(["calls", "list", "--db", db]).stdout.hasPrefix("No calls archived"))
    }

    /// Calls archived without a suggestion (a kill between archiving and classifying) are finished by the next run,
    /// which used to say "already present" and leave them so (issue 16).
    @Test func aRerunSuggestsForCallsArchivedWithoutASuggestion() throws {
        try makeCalls()
        let session = try ArchiveSession.open(address: db, origin: "test")
        let results = Ingestor(archive: session, features: false).ingest(IngestDiscovery.plan([dir.file("calls")]).items, progress: SilentProgress())
        let ids = results.compactMap { if case .archived(let id, _) = $0 { return id } else { return nil } }
        try #require(!ids.isEmpty)
        for id in ids { #expect(try session.latestAssessment(ofCall: id) == nil) }
        let rerun = try CommandRun.triage(["ingest", "--no-features", "--db", db, dir.file("calls")])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("classified \(ids.count) call"), "\(rerun.stdout)")
        for id in ids { #expect(try session.latestAssessment(ofCall: id) != nil) }
        // And a third run has nothing left to do.
        #expect(!(try CommandRun.triage(["ingest", "--no-features", "--db", db, dir.file("calls")]).stdout.contains("classified")))
    }

    /// Two ingests that create the same new archive at the same moment both store their call (issue 16: one of them
    /// used to fail in the migrations).
    @Test func twoIngestsCreatingOneArchiveAtOnceBothSucceed() throws {
        for round in 0..<8 {
            let path = dir.file("race-\(round).sqlite")
            let runs = ["da03-vandafgang-klart", "da04-groent-vand"].map { name -> Process in
                let p = Process()
                p.executableURL = URL(fileURLWithPath: Repository.executable)
                p.arguments = ["ingest", "--db", path, "--no-features", "--no-classify", "\(Repository.root)/Recordings/\(name).vtt"]
                p.standardOutput = FileHandle.nullDevice
                p.standardError = FileHandle.nullDevice
                return p
            }
            for p in runs { try p.run() }
            for p in runs { p.waitUntilExit() }
            #expect(runs.allSatisfy { $0.terminationStatus == 0 }, "round \(round)")
            let listed = try CommandRun.triage(["calls", "list", "--db", path, "--format", "json"])
            #expect(listed.stdout.components(separatedBy: "\"id\"").count - 1 == 2, "round \(round): \(listed.stdout)\(listed.stderr)")
        }
    }

    /// Found through PATH (a symbolic link) or installed as `make install` lays it out, triage finds its taxonomy and
    /// model from its own file, not from the name it was called by or the working directory.
    @Test func worksFromAnywhereThroughPathOrInstalled() throws {
        let bin = dir.file("bin"), prefix = dir.file("prefix")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: "\(bin)/triage", withDestinationPath: Repository.executable)
        for folder in ["bin", "share/triage/Taxonomy/words", "share/triage/Models"] {
            try FileManager.default.createDirectory(atPath: "\(prefix)/\(folder)", withIntermediateDirectories: true)
        }
        try FileManager.default.copyItem(atPath: Repository.executable, toPath: "\(prefix)/bin/triage")
        try FileManager.default.copyItem(atPath: Repository.taxonomy, toPath: "\(prefix)/share/triage/Taxonomy/taxonomy.yaml")
        for language in ["da", "en"] {
            try FileManager.default.copyItem(atPath: "\(Repository.root)/Taxonomy/words/\(language).yaml",
                                             toPath: "\(prefix)/share/triage/Taxonomy/words/\(language).yaml")
        }
        try FileManager.default.copyItem(atPath: "\(Repository.root)/Models/reasons.json", toPath: "\(prefix)/share/triage/Models/reasons.json")
        var env = ProcessInfo.processInfo.environment
        env["TRIAGE_TAXONOMY"] = nil
        env["PATH"] = "\(bin):" + (env["PATH"] ?? "")
        for (program, expected) in [("/bin/sh", Repository.taxonomy), ("\(prefix)/bin/triage", "\(prefix)/share/triage/Taxonomy/taxonomy.yaml")] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: program)
            p.arguments = program == "/bin/sh" ? ["-c", "triage --version"] : ["--version"]
            p.currentDirectoryURL = URL(fileURLWithPath: "/")
            p.environment = env
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 0 && text.contains("(\(expected))") && text.contains("model reasons-"), "\(program): \(text)")
        }
    }

    /// A newline or an escape sequence in a file name or a transcript never reaches the terminal raw: no forged
    /// "archived call" line, no terminal control (issue 16).
    @Test func fileNamesAndTranscriptsArePrintedEscaped() throws {
        let name = "evil\narchived call 99: forged\u{1B}[2J.txt"
        try dir.write("odd/\(name)", "M: Fødemodtagelsen.\nC: Hej \u{1B}]0;pwned\u{07} vandet er gået\n")
        let run = try CommandRun.triage(["ingest", "--db", db, "--no-features", dir.file("odd/\(name)")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("\narchived call 99") && !run.stdout.contains("\u{1B}"), "\(run.stdout)")
        let show = try CommandRun.triage(["calls", "show", "1", "--db", db])
        #expect(show.status == 0 && !show.stdout.contains("\u{1B}") && !show.stdout.contains("\u{07}"), "\(show.stdout)")
        #expect(!(try CommandRun.triage(["calls", "list", "--db", db]).stdout.contains("\u{1B}")))
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try CommandRun.triage(["ingest"]).status == 2)
        #expect(try CommandRun.triage(["ingest", "--jobs", "0", "x"]).status == 2)
        #expect(try CommandRun.triage(["calls", "show", "not-a-number"]).status == 2)
        #expect(try CommandRun.triage(["frobnicate"]).status == 2)
        #expect(try CommandRun.triage(["--help"]).status == 0)
        let version = try CommandRun.triage(["--version"])
        let lines = version.stdout.split(separator: "\n")
        #expect(version.status == 0 && lines.count == 3 && lines[0].hasPrefix("triage ") && lines[1].hasPrefix("taxonomy dk-obstetric-telephone-triage@")
                && lines[2].hasPrefix("model reasons-"), "\(version.stdout)")
    }

    @Test func aLockedArchiveGivesOneClearLine() throws {
        try makeCalls()
        #expect(try CommandRun.triage(["ingest", "--db", db, dir.file("calls/night.wav")]).status == 0)
        let holder = try Tools.holdWriteLock(on: db, readyFile: dir.file("ready"))
        defer { _ = Tools.wait(holder, timeout: 10) }
        let run = try CommandRun.triage(["ingest", "--db", db, dir.file("calls/morning.flac")], environment: ["TRIAGE_BUSY_TIMEOUT_MS": "200"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("the database is locked by another process"))
        #expect(!run.stderr.contains("Fatal"))
    }

    @Test func aMissingArchiveIsExplainedWhenListing() throws {
        let run = try CommandRun.triage(["calls", "list", "--db", dir.file("none.sqlite")])
        #expect(run.status == 1)
        #expect(run.stderr == "triage: \(dir.file("none.sqlite")): no archive here yet; ingest calls first (triage ingest PATH…)\n")
    }
}

/// `triage taxonomy` on the shipped file and on a broken one.
@Suite struct TaxonomyCommandTests {
    @Test func theShippedTaxonomyChecksOK() throws {
        let run = try CommandRun.triage(["taxonomy", "check", Repository.taxonomy])
        #expect(run.status == 0)
        #expect(run.stdout.contains("ok — dk-obstetric-telephone-triage@1.6.0: 16 reasons"))
    }

    @Test func aBrokenTaxonomyNamesEachProblemWithItsLine() throws {
        let dir = TemporaryDirectory("taxonomy")
        var shipped = try String(contentsOfFile: Repository.taxonomy, encoding: .utf8)
        // The reason 'other' without its lexicon, renamed to a code that exists.
        let other = try #require(shipped.range(of: "  - code: other\n"))
        let lexicon = try #require(shipped.range(of: "    lexicon:\n", range: other.upperBound..<shipped.endIndex))
        let blockEnd = try #require(shipped.range(of: "\n\n", range: lexicon.lowerBound..<shipped.endIndex))
        shipped.removeSubrange(lexicon.lowerBound..<blockEnd.lowerBound)
        let broken = shipped.replacingOccurrences(of: "- {fact: temperature_c, ge: 38.0}", with: "- {fact: temprature, ge: 38.0}")
            .replacingOccurrences(of: "  - code: other\n", with: "  - code: medication_question\n")
        let path = try dir.write("broken.yaml", broken)
        let run = try CommandRun.triage(["taxonomy", "check", path])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(path):") && $0.hasSuffix("red flag 'fever' names unknown fact 'temprature'") })
        #expect(lines.contains { $0.hasPrefix("\(path):") && $0.contains("duplicate reason code 'medication_question'") })
        #expect(lines.contains { $0.hasPrefix("\(path):") && $0.hasSuffix("reason 'medication_question' has an empty lexicon and no finding points to it") })
        // The five collapse findings point to the reason that was renamed away.
        #expect(lines.filter { $0.hasSuffix("points to unknown reason 'other'") }.count == 5)
        #expect(lines.last == "\(path): 8 problems")
    }

    @Test func showPrintsTheTreeInEitherLanguage() throws {
        let da = try CommandRun.triage(["taxonomy", "show"])
        #expect(da.stdout.contains("├─ rupture_of_membranes — Vandafgang"))
        #expect(da.stdout.contains("heavy_bleeding — Kraftig blødning → Ring 112 nu"))
        let en = try CommandRun.triage(["taxonomy", "show", "--lang", "en"])
        #expect(en.stdout.contains("├─ rupture_of_membranes — Rupture of membranes"))
        #expect(try CommandRun.triage(["taxonomy", "show", "--lang", "fr"]).status == 2)
    }
}
