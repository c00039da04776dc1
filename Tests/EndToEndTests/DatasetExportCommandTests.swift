import Archive
import Foundation
import TestSupport
import Testing
import TriageCore

/// `triage export dataset` on an archive of five labelled calls (four with recordings, one transcript) and one
/// unlabelled call: every format, the split recorded and repeated, a refused folder, and Hugging Face `datasets`
/// loading the audio folder.
@Suite(.serialized) struct DatasetExportCommandTests {
    let dir = TemporaryDirectory("dataset-e2e")
    var db: String { dir.file("t.sqlite") }
    var env: [String: String] { ["TRIAGE_RECORDINGS": dir.file("store")] }
    /// Call ids by the name of their source file.
    var ids: [String: Int64] = [:]

    struct Failed: Error { var message: String }

    init() throws {
        try FileManager.default.createDirectory(atPath: dir.file("calls"), withIntermediateDirectories: true)
        for name in ["da01-veer-foerstegang", "da02-tidlig-foedsel-flergang", "da04-groent-vand", "da07-mindre-liv"] {
            for ext in ["flac", "vtt", "meta.json"] {
                try FileManager.default.copyItem(atPath: "\(Repository.root)/Recordings/\(name).\(ext)", toPath: dir.file("calls/\(name).\(ext)"))
            }
        }
        try FileManager.default.createDirectory(atPath: dir.file("texts"), withIntermediateDirectories: true)
        for (source, name) in [("da05-bloedning-32", "text-only"), ("da06-kraftig-bloedning-partner", "unlabelled")] {
            try FileManager.default.copyItem(atPath: "\(Repository.root)/Recordings/\(source).vtt", toPath: dir.file("texts/\(name).vtt"))
        }
        for arguments in [["ingest", "--no-features", "--no-classify", "--db", db, dir.file("calls")],
                          ["ingest", "--no-classify", "--db", db, dir.file("texts")],
                          ["ingest", "--no-classify", "--db", db, "\(Repository.root)/Recordings/da03-vandafgang-klart.flac"]] {
            let ingest = try CommandRun.triage(arguments, environment: env)
            guard ingest.status == 0 else { throw Failed(message: ingest.stderr) }
        }
        let session = try ArchiveSession.open(address: db, role: .researcher, origin: "test", recordings: dir.file("store"))
        for call in try session.listCalls() {
            ids[((call.path as NSString).lastPathComponent as NSString).deletingPathExtension] = call.id
        }
        func label(_ name: String, _ code: String, _ start: Int, _ end: Int, _ annotator: String = "anna", channel: Int? = nil) throws {
            guard let id = ids[name] else { throw Failed(message: "no call \(name) in \(ids)") }
            try session.annotate(AnnotationRecord(callID: id, annotator: annotator, channel: channel, startMs: start, endMs: end,
                                                  code: LabelCode(rawValue: code), taxonomyID: "triage-reasons", taxonomyVersion: "1"))
        }
        // Strata: labour_contractions {da01, da04 (a tie), text-only}; rupture_of_membranes {da03, da07, da02}.
        try label("da01-veer-foerstegang", "labour_contractions", 0, 1000)
        try label("da01-veer-foerstegang", "labour_contractions", 2000, 3500, "bo", channel: 0)
        try label("da04-groent-vand", "rupture_of_membranes", 0, 2000)
        try label("da04-groent-vand", "labour_contractions", 100, 905, "bo")
        try label("text-only", "labour_contractions", 0, 500)
        try label("da03-vandafgang-klart", "rupture_of_membranes", 500, 1500)
        try label("da07-mindre-liv", "rupture_of_membranes", 0, 700)
        try label("da02-tidlig-foedsel-flergang", "rupture_of_membranes", 300, 1300)
        try label("da02-tidlig-foedsel-flergang", "labour_contractions", 1300, 1400)
        try label("da02-tidlig-foedsel-flergang", "rupture_of_membranes", 1400, 1900, "bo")
    }

    func export(_ format: String, _ out: String, seed: String = "3") throws -> CommandRun {
        try CommandRun.triage(["export", "dataset", "--db", db, "--format", format, "--out", dir.file(out), "--seed", seed,
                               "--split", "0.34,0.33,0.33"], environment: env)
    }

    func manifest(_ out: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.file("\(out)/split.json")))) as? [String: Any])
    }

    @Test func theAudioFolderHasEachSplitsRecordingsAndMetadataAndRecordsTheSplit() throws {
        let run = try export("audiofolder", "hf")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("6 labelled calls written as audiofolder"), "\(run.stdout)")
        let textOnly = try #require(ids["text-only"])
        #expect(run.stderr == "triage: call \(textOnly): skipped, it has no recording\n", "\(run.stderr)")
        let m = try manifest("hf")
        #expect(m["seed"] as? Int == 3 && m["triage_version"] as? String != nil && (m["taxonomy"] as? String)?.contains("@") == true)
        #expect(m["label_taxonomy_versions"] as? [String] == ["triage-reasons@1"])
        let splits = ["train", "dev", "test"].map { (m[$0] as? [Int]) ?? [] }
        #expect(splits.map(\.count) == [2, 2, 2], "\(m)")
        #expect(Set(splits.joined()).count == 6 && !splits.joined().contains(Int(ids["unlabelled"] ?? -1)))
        // Stratified: each split has one call of each primary label.
        let primary = try #require(m["primary"] as? [String: String])
        #expect(primary[String(try #require(ids["da04-groent-vand"]))] == "labour_contractions")
        for ids in splits { #expect(Set(ids.compactMap { primary[String($0)] }) == ["labour_contractions", "rupture_of_membranes"], "\(m)") }
        var rows = 0
        for split in ["train", "dev", "test"] {
            let csv = try String(contentsOfFile: dir.file("hf/\(split)/metadata.csv"), encoding: .utf8).split(separator: "\n")
            #expect(csv.first == "file_name,call_id,labels,primary")
            for row in csv.dropFirst() {
                let fields = row.split(separator: ",").map(String.init)
                #expect(fields[0] == "call-\(fields[1]).flac" && FileManager.default.fileExists(atPath: dir.file("hf/\(split)/\(fields[0])")))
                rows += 1
            }
        }
        #expect(rows == 5)
        let da02 = try #require(ids["da02-tidlig-foedsel-flergang"])
        let all = try FileManager.default.subpathsOfDirectory(atPath: dir.file("hf")).filter { $0.hasSuffix("metadata.csv") }
            .map { try String(contentsOfFile: dir.file("hf/\($0)"), encoding: .utf8) }.joined()
        #expect(all.contains("call-\(da02).flac,\(da02),labour_contractions;rupture_of_membranes,rupture_of_membranes\n"))
        #expect(!all.contains("Recordings") && !all.contains("da02"))

        // The same seed splits the same way; the folder is refused once it has something in it.
        #expect(try export("jsonl", "again").status == 0)
        for split in ["train", "dev", "test"] { #expect(try manifest("again")[split] as? [Int] == m[split] as? [Int]) }
        let refused = try export("audiofolder", "hf")
        #expect(refused.status == 1 && refused.stderr.hasSuffix("hf: exists and is not empty; name a new folder\n")
                && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        // Only a researcher exports a dataset; a bad split is a usage error.
        #expect(try CommandRun.triage(["export", "dataset", "--db", db, "--format", "jsonl", "--out", dir.file("m"), "--role", "midwife"], environment: env).status == 3)
        #expect(try CommandRun.triage(["export", "dataset", "--db", db, "--format", "jsonl", "--out", dir.file("m"), "--split", "0.9,0.2,0"], environment: env).status == 2)
        #expect(!FileManager.default.fileExists(atPath: dir.file("m")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("partial") } == [])
    }

    @Test func theKaldiDirectoriesFollowTheRules() throws {
        let run = try export("kaldi", "kaldi")
        #expect(run.status == 0, "\(run.stderr)")
        for split in ["train", "dev", "test"] {
            #expect(KaldiDataDirRules.problems(in: dir.file("kaldi/\(split)")) == [], "\(split)")
        }
        let da01 = try #require(ids["da01-veer-foerstegang"])
        let all = try ["train", "dev", "test"].map { try String(contentsOfFile: dir.file("kaldi/\($0)/segments"), encoding: .utf8) }.joined()
        #expect(all.contains("call\(da01)_ch0-call-\(da01)-0001 call-\(da01) 2.00 3.50\n"), "\(all)")
        let da04 = try #require(ids["da04-groent-vand"])
        #expect(all.contains("bo-call-\(da04)-0001 call-\(da04) 0.10 0.91\n"), "\(all)")
        let wav = try ["train", "dev", "test"].map { try String(contentsOfFile: dir.file("kaldi/\($0)/wav.scp"), encoding: .utf8) }.joined()
        // The demo calls say names in timed turns: wav.scp names the dataset's beeped copy, never the archive's recording.
        let line = try #require(wav.split(separator: "\n").first { $0.hasPrefix("call-\(da01) ") })
        let copy = String(line.dropFirst("call-\(da01) ".count))
        #expect(copy.hasSuffix("/kaldi/audio/call-\(da01).wav") && FileManager.default.fileExists(atPath: copy), "\(wav)")
        #expect(!wav.contains(dir.file("store")), "\(wav)")
        // An archive and a store named relative to the working folder still give absolute paths in wav.scp.
        let relative = try CommandRun.triage(["export", "dataset", "--db", "t.sqlite", "--format", "kaldi", "--out", "relative"],
                                             in: dir.path, environment: ["TRIAGE_RECORDINGS": "store"])
        #expect(relative.status == 0, "\(relative.stderr)")
        #expect(KaldiDataDirRules.problems(in: dir.file("relative/train")) == [])
    }

    @Test func jsonLinesHaveEveryLabelledCallWithItsLabelsAndFeatures() throws {
        let run = try export("jsonl", "lines")
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        let lines = try String(contentsOfFile: dir.file("lines/calls.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 6)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let split = try manifest("lines")
        for object in objects {
            let id = try #require(object["call_id"] as? Int)
            let name = try #require(object["split"] as? String)
            #expect((split[name] as? [Int])?.contains(id) == true)
        }
        let da01 = try #require(objects.first { $0["call_id"] as? Int == Int(ids["da01-veer-foerstegang"] ?? 0) })
        let labels = try #require(da01["labels"] as? [[String: Any]])
        #expect(labels.count == 2 && labels[1]["annotator"] as? String == "bo" && labels[1]["channel"] as? Int == 0
                && labels[1]["start_ms"] as? Int == 2000 && labels[1]["end_ms"] as? Int == 3500 && labels[0]["channel"] is NSNull)
        #expect((da01["duration_ms"] as? Int ?? 0) > 0 && (da01["features"] as? [Any])?.isEmpty == true)
        let da03 = try #require(objects.first { $0["call_id"] as? Int == Int(ids["da03-vandafgang-klart"] ?? 0) })
        let features = try #require(da03["features"] as? [[String: Any]])
        #expect(!features.isEmpty && features.allSatisfy { $0["feature_set"] is String && $0["values"] is [String: Any] }, "\(da03)")
    }

    @Test func huggingFaceDatasetsLoadsTheAudioFolder() throws {
        let python = Tools.researchPython
        try #require(FileManager.default.isExecutableFile(atPath: python), "the research venv is missing: run make deps (or make research-venv)")
        #expect(try export("audiofolder", "loadable").status == 0)
        let script = """
            import json, sys, datasets
            d = datasets.load_dataset("audiofolder", data_dir=sys.argv[1])
            d = d.cast_column("audio", datasets.Audio(decode=False))
            print(json.dumps({s: sorted([r["call_id"], r["labels"], r["primary"], r["audio"]["path"].split("/")[-1]] for r in d[s]) for s in d}))
            """
        let run = try Tools.run(python, ["-c", script, dir.file("loadable")])
        #expect(run.status == 0, "\(run.output)")
        let loaded = try #require(try JSONSerialization.jsonObject(with: Data((run.output.split(separator: "\n").last ?? "").utf8)) as? [String: [[Any]]])
        #expect(Set(loaded.keys) == ["train", "validation", "test"], "\(loaded)")
        let m = try manifest("loadable")
        for (name, split) in [("train", "train"), ("validation", "dev"), ("test", "test")] {
            let ids = (loaded[name] ?? []).compactMap { $0.first as? Int }
            let expected = ((m[split] as? [Int]) ?? []).filter { $0 != Int(self.ids["text-only"] ?? 0) }
            #expect(ids.sorted() == expected.sorted(), "\(name): \(loaded)")
        }
        #expect((loaded["train"] ?? []).allSatisfy { ($0.last as? String) == "call-\($0.first as? Int ?? 0).flac" })
    }
}
