import Archive
import Foundation
import TestSupport
import Testing
import TriageCore
@testable import Ingest

@Suite struct IngestorTests {
    let dir = TemporaryDirectory("ingest")
    let archive: ArchiveSession
    let ingestor: Ingestor

    init() throws {
        archive = try ArchiveSession.open(address: dir.file("archive.sqlite"), origin: "test")
        ingestor = Ingestor(archive: archive, jobs: 2)
    }

    func ingest(_ paths: [String]) -> [IngestResult] {
        ingestor.ingest(IngestDiscovery.plan(paths).items, progress: SilentProgress())
    }

    /// Calls, their turns, and ingests in the audit log.
    func tables() throws -> [String: Int] {
        ["calls": try archive.callCount(), "turns": try archive.listCalls().map(\.turns).reduce(0, +),
         "ingests": try archive.auditEntries().filter { $0.action == "ingest" }.count]
    }

    func failure(_ results: [IngestResult]) -> IngestError? {
        for r in results { if case .failed(let e) = r { return e } }
        return nil
    }

    @Test func archivesAStereoCallWithTranscriptAndMetadata() throws {
        try SyntheticAudio.write(dir.file("calls/c1.flac"), seconds: 13, channels: 2)
        try FileManager.default.copyItem(atPath: Repository.fixture("transcripts/call.vtt"), toPath: dir.file("calls/c1.vtt"))
        try dir.write("calls/c1.meta.json", #"{"started_at": "2026-03-14T02:17:00", "gestational_age": "38+2", "first_baby": true, "caller": "pregnant", "language": "da", "channel_roles": ["caller", "midwife"]}"#)
        let results = ingest([dir.file("calls")])
        guard case .archived(let id, let ms) = try #require(results.first) else { Issue.record("\(results)"); return }
        #expect(ms == 13000)
        let call = try #require(try archive.call(id: id))
        #expect(call.channels == 2 && call.sampleRate == 8000 && call.format == "FLAC PCM_16")
        #expect(call.metadata.gestationalWeek == 38 && call.metadata.gestationalDays == 2)
        #expect(call.transcriptPath == dir.file("calls/c1.vtt"))
        #expect(try archive.turns(ofCall: id).count == 4)
    }

    @Test func ingestingTwiceIsOneCall() throws {
        try SyntheticAudio.write(dir.file("calls/a.wav"), seconds: 2, seed: 1)
        try SyntheticAudio.write(dir.file("calls/b.wav"), seconds: 2, seed: 2)
        try SyntheticAudio.write(dir.file("copy/a-again.wav"), seconds: 2, seed: 1) // same bytes, another name
        let first = ingest([dir.file("calls")])
        #expect(first.allSatisfy { if case .archived = $0 { true } else { false } })
        let second = ingest([dir.file("calls"), dir.file("copy")])
        #expect(second.allSatisfy { if case .alreadyPresent = $0 { true } else { false } })
        #expect(try tables() == ["calls": 2, "turns": 0, "ingests": 2])
    }

    @Test func aTranscriptAloneIsACall() throws {
        try FileManager.default.copyItem(atPath: Repository.fixture("transcripts/call-utf16le.TextGrid"), toPath: dir.file("t.TextGrid"))
        let results = ingest([dir.file("t.TextGrid")])
        guard case .archived(let id, let ms) = try #require(results.first) else { Issue.record("\(results)"); return }
        #expect(ms == 12500) // the transcript's end gives the length
        let call = try #require(try archive.call(id: id))
        #expect(call.sampleRate == nil && call.channels == 0)
        #expect(try archive.turns(ofCall: id).first?.text == "Fødemodtagelsen, det er Åse.")
    }

    /// Every kind of bad input fails alone, with the file and the reason, and leaves nothing behind.
    @Test(arguments: [
        ("empty.wav", "empty file"),
        ("text.wav", "not an audio file"),
        ("truncated.wav", "truncated audio"),
        ("truncated.flac", "truncated audio|corrupt audio"), // libsndfile either loses sync or runs short
        ("header-only.wav", "the audio holds no samples"),
        ("bad-vtt.wav", "line 3: bad timestamp"),
        ("bad-meta.wav", "malformed metadata JSON"),
        ("long-transcript.wav", "the transcript runs to"),
        ("wrong-roles.wav", "channel_roles names 2 channels but the recording has 1"),
    ])
    func badInputFailsAloneAndLeavesNothing(name: String, reason: String) throws {
        try SyntheticAudio.write(dir.file("good.wav"), seconds: 1, seed: 99)
        let target = dir.file(name)
        switch name {
        case "empty.wav": try dir.write(name, "")
        case "text.wav": try dir.write(name, "Dear diary, today I recorded nothing.")
        case "truncated.wav":
            try SyntheticAudio.write(target, seconds: 3)
            try SyntheticAudio.truncate(target, toBytes: 9000)
        case "truncated.flac":
            try SyntheticAudio.write(target, seconds: 6)
            try SyntheticAudio.truncate(target, toBytes: 15000)
        case "header-only.wav":
            try SyntheticAudio.write(target, seconds: 1)
            try SyntheticAudio.truncate(target, toBytes: 44)
        case "bad-vtt.wav":
            try SyntheticAudio.write(target, seconds: 1, seed: 5)
            try dir.write("bad-vtt.vtt", "WEBVTT\n\n00:00.000 --> 00:0x.000\n<v M>Hej\n")
        case "bad-meta.wav":
            try SyntheticAudio.write(target, seconds: 1, seed: 6)
            try dir.write("bad-meta.meta.json", "{\"gestational_week\": 38,")
        case "long-transcript.wav":
            try SyntheticAudio.write(target, seconds: 1, seed: 7)
            try dir.write("long-transcript.vtt", "WEBVTT\n\n00:00.000 --> 00:09.000\n<v M>Hej\n")
        case "wrong-roles.wav":
            try SyntheticAudio.write(target, seconds: 1, seed: 8)
            try dir.write("wrong-roles.meta.json", #"{"channel_roles": ["caller", "midwife"]}"#)
        default: Issue.record("no case for \(name)")
        }
        let results = ingest([dir.file("good.wav"), target])
        let error = try #require(failure(results))
        #expect(reason.split(separator: "|").contains { error.reason.contains($0) }, "\(error)")
        #expect(error.path.hasPrefix(dir.path))
        #expect(!error.description.contains("\n"))
        #expect(try tables() == ["calls": 1, "turns": 0, "ingests": 1]) // only the good call
    }
}
