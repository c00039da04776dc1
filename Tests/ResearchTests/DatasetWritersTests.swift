import Archive
import Foundation
@testable import Research
import TestSupport
import Testing
import TriageCore

/// The dataset writers on calls made in memory: Kaldi's data directory rules (and the check of them), and an export
/// that fails or meets a full folder leaving nothing behind.
@Suite struct DatasetWritersTests {
    @Test func theKaldiWriterFollowsTheDataDirectoryRules() throws {
        let dir = TemporaryDirectory("kaldi-unit")
        let audio = try dir.write("a.wav", "RIFF")
        func label(_ call: Int64, _ annotator: String, _ channel: Int?, _ start: Int, _ end: Int, _ code: String) -> AnnotationRecord {
            AnnotationRecord(callID: call, annotator: annotator, channel: channel, startMs: start, endMs: end, code: LabelCode(rawValue: code),
                             taxonomyID: "t", taxonomyVersion: "1")
        }
        // Speakers whose names sort across one another (a, a-b, a b, Æ), an id 10 beside 9, a label of no length.
        let calls = [
            DatasetCall(id: 9, durationMs: 9000, labels: [label(9, "a", nil, 0, 1000, "x"), label(9, "a-b", nil, 500, 1500, "y"),
                                                           label(9, "Æ", 1, 1000, 1004, "x"), label(9, "a b", nil, 10, 10, "y")], recording: audio),
            DatasetCall(id: 10, durationMs: 9000, labels: [label(10, "a", nil, 0, 2000, "x"), label(10, "a", 0, 3000, 4000, "x")], recording: audio),
            DatasetCall(id: 11, durationMs: 9000, labels: [label(11, "a", nil, 0, 2000, "x")], recording: nil),
        ]
        let notices = try KaldiWriter.write(calls, splits: [9: .train, 10: .train, 11: .train], into: dir.path)
        #expect(notices.contains("call 11: skipped, it has no recording"))
        #expect(notices.contains("call 9: a y label of no length left out"))
        #expect(KaldiDataDirRules.problems(in: dir.file("train")) == [])
        let segments = try String(contentsOfFile: dir.file("train/segments"), encoding: .utf8)
        #expect(segments.contains("call9_ch1-call-9-0002 call-9 1.00 1.01\n"), "\(segments)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("dev")))
    }

    @Test func theKaldiRulesCheckFindsWhatBreaksThem() throws {
        let dir = TemporaryDirectory("kaldi-rules")
        try dir.write("wav.scp", "r2 /a.wav\nr1 /b.wav\n")
        try dir.write("segments", "s-u1 r1 1.00 0.50\ns-u2 r3 0.00 1.00\n")
        try dir.write("text", "s-u1 x\n")
        try dir.write("utt2spk", "s-u1 s\ns-u2 t\n")
        try dir.write("spk2utt", "s s-u1 s-u2\n")
        let problems = KaldiDataDirRules.problems(in: dir.path)
        #expect(problems.contains { $0.hasPrefix("wav.scp:2: 'r1' is not after 'r2'") }, "\(problems)")
        try dir.write("wav.scp", "r1 /b.wav\nr2 /a.wav\n")
        let more = KaldiDataDirRules.problems(in: dir.path)
        for expected in ["ends at 0.5, not after its start 1.0", "recording r3 is not in wav.scp", "text: not the utterances",
                         "s-u2 does not begin with its speaker t", "spk2utt: not the inverse"] {
            #expect(more.contains { $0.contains(expected) }, "\(expected): \(more)")
        }
    }

    @Test func aFailedExportLeavesNoFolderAndAFullOneIsRefused() throws {
        let dir = TemporaryDirectory("dataset-fail")
        let audio = try dir.write("a.wav", "RIFF")
        let taxonomy = try TaxonomyLoader.load(contentsOf: URL(fileURLWithPath: "\(Repository.root)/Taxonomy/taxonomy.yaml"))
        func call(_ id: Int64, _ recording: String?) -> DatasetCall {
            DatasetCall(id: id, durationMs: 1000, labels: [AnnotationRecord(callID: id, annotator: "a", startMs: 0, endMs: 500, code: LabelCode(rawValue: "x"),
                                                                            taxonomyID: "t", taxonomyVersion: "1")], recording: recording)
        }
        let request = DatasetExport.Request(format: .audiofolder, out: dir.file("out"), triageVersion: "test")
        // The second recording cannot be copied: nothing of the export is left, not even the first call's copy.
        #expect(throws: DatasetProblem.self) { try DatasetExport.write([call(1, audio), call(2, dir.file("gone.wav"))], request: request, taxonomy: taxonomy) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["a.wav"])
        // An empty folder is filled; a full one is refused.
        try FileManager.default.createDirectory(atPath: dir.file("out"), withIntermediateDirectories: false)
        let done = try DatasetExport.write([call(1, audio)], request: request, taxonomy: taxonomy)
        #expect(done.manifest.train == [1] && FileManager.default.fileExists(atPath: dir.file("out/train/call-1.wav")))
        #expect(throws: DatasetProblem.self) { try DatasetExport.write([call(1, audio)], request: request, taxonomy: taxonomy) }
    }
}
