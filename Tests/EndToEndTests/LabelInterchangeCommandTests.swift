import Foundation
import TestSupport
import Testing

/// `triage labels export|import` and `triage agreement` on an archive of two demo transcripts.
@Suite(.serialized) struct LabelInterchangeCommandTests {
    let dir = TemporaryDirectory("labels-e2e")
    var db: String { dir.file("t.sqlite") }

    init() throws {
        let ingest = try CommandRun.triage(["ingest", "--db", dir.file("t.sqlite"), "--no-classify",
                                            "\(Repository.root)/Recordings/da01-veer-foerstegang.vtt", "\(Repository.root)/Recordings/da04-groent-vand.vtt"])
        guard ingest.status == 0 else { throw Failed(message: ingest.stderr) }
        for (call, code, start, end) in [("1", "labour_contractions", "1000", "5000"), ("1", "rupture_of_membranes", "3000", "7000"), ("2", "rupture_of_membranes", "0", "2500")] {
            let add = try CommandRun.triage(["labels", "add", "--db", dir.file("t.sqlite"), call, "--code", code, "--start-ms", start, "--end-ms", end])
            guard add.status == 0 else { throw Failed(message: add.stderr) }
        }
    }

    struct Failed: Error { var message: String }

    func labelCount(_ call: String) throws -> Int {
        let list = try CommandRun.triage(["labels", "list", "--db", db, call, "--format", "json"])
        return (try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any])?.count ?? -1
    }

    @Test func theExportBenchmarkReportsCallsPerSecondForEveryFormat() throws {
        let bench = try CommandRun.triage(["bench", "export", "--calls", "40", "--keep", dir.file("bench")])
        #expect(bench.status == 0, "\(bench.stderr)")
        for format in ["textgrid", "eaf", "labelstudio", "audacity", "vtt", "srt"] {
            #expect(bench.stdout.contains("labels export --format \(format)") && bench.stdout.contains("calls/s"), "\(bench.stdout)")
        }
        #expect(bench.stdout.contains("export dataset --format jsonl"))
        #expect(FileManager.default.fileExists(atPath: dir.file("bench/labels-textgrid")))
    }

    @Test func everyFormatExportsAndImportsBackWithNothingNew() throws {
        for format in ["textgrid", "eaf", "labelstudio", "audacity", "vtt", "srt"] {
            let out = dir.file("call1.\(format)")
            let export = try CommandRun.triage(["labels", "export", "--db", db, "1", "--format", format, "--out", out])
            #expect(export.status == 0, "\(format): \(export.stderr)")
            #expect(export.stdout.hasPrefix("2 labels of 1 calls written as \(format)"))
            if format == "textgrid" || format == "eaf" { #expect(export.stderr.contains("put in an extra tier"), "\(format): \(export.stderr)") }
            var arguments = ["labels", "import", "--db", db, out, "--format", format, "--call", "1"]
            if format == "audacity" || format == "srt" { arguments += ["--annotator", ProcessInfo.processInfo.userName] }
            let again = try CommandRun.triage(arguments)
            #expect(again.status == 0 && again.stdout.hasPrefix("0 labels stored, 2 already present"), "\(format): \(again.stdout) \(again.stderr)")
        }
        #expect(try labelCount("1") == 2)
        // Every call with labels, one file each, into a folder.
        let all = try CommandRun.triage(["labels", "export", "--db", db, "--all", "--format", "textgrid", "--out", dir.file("grids")])
        #expect(all.status == 0 && FileManager.default.fileExists(atPath: dir.file("grids/call-1.TextGrid"))
                && FileManager.default.fileExists(atPath: dir.file("grids/call-2.TextGrid")), "\(all.stderr)")
    }

    @Test func badFilesAreOneLineAndStoreNothing() throws {
        let unknown = try dir.write("bad.txt", "1\t2\tlabour_contractions\n2\t3\tnot_a_reason\n")
        for (file, format) in [(unknown, "audacity"),
                               (try dir.write("bad.TextGrid", "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\nxmin = 0\nxmax = 1e999\n"), "textgrid"),
                               (try dir.write("bad.eaf", "<ANNOTATION_DOCUMENT><TIME_ORDER>"), "eaf"),
                               (try dir.write("bad.json", "[{\"data\": {\"call_id\": 1}, \"annotations\": [{\"result\": [{\"type\": \"labels\"}]}]}]"), "labelstudio")] {
            let run = try CommandRun.triage(["labels", "import", "--db", db, file, "--format", format, "--call", "1", "--annotator", "carl"])
            #expect(run.status == 1, "\(format)")
            #expect(run.stderr.hasPrefix("triage: \(file): ") && run.stderr.split(separator: "\n").count == 1, "\(format): \(run.stderr)")
        }
        let unknownRun = try CommandRun.triage(["labels", "import", "--db", db, unknown, "--format", "audacity", "--call", "1", "--annotator", "carl"])
        #expect(unknownRun.stderr.contains("\(unknown): line 2: unknown code 'not_a_reason'"))
        #expect(try labelCount("1") == 2)
        #expect(try CommandRun.triage(["labels", "import", "--db", db, unknown, "--format", "praat", "--call", "1"]).status == 2)
        #expect(try CommandRun.triage(["labels", "import", "--db", db, unknown, "--format", "audacity"]).status == 2)
        #expect(try CommandRun.triage(["labels", "export", "--db", db, "--format", "vtt", "--out", dir.file("x")]).status == 2)
    }

    @Test func agreementBetweenTwoAnnotators() throws {
        let second = try dir.write("bo.txt", "1.000000\t5.000000\tlabour_contractions\n")
        let imported = try CommandRun.triage(["labels", "import", "--db", db, second, "--format", "audacity", "--call", "1", "--annotator", "bo"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let json = try CommandRun.triage(["agreement", "--db", db, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["annotators"] as? [String] == ["bo", ProcessInfo.processInfo.userName].sorted())
        #expect((report["disagreements"] as? [[String: Any]])?.first?["call_id"] as? Int == 1)
        let text = try CommandRun.triage(["agreement", "--db", db])
        #expect(text.status == 0 && text.stdout.contains("time level (10 ms frames)") && text.stdout.contains("call 1: rupture_of_membranes"), "\(text.stdout)")
        // One reason: both gave it on call 1, so no call is in dispute.
        let one = try CommandRun.triage(["agreement", "--db", db, "--code", "labour_contractions"])
        #expect(one.status == 0 && one.stdout.contains("disagreements: 0 calls"), "\(one.stdout)")
    }
}
