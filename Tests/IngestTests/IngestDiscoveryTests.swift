import Foundation
import TestSupport
import Testing
@testable import Ingest

@Suite struct IngestDiscoveryTests {
    let dir = TemporaryDirectory("discovery")

    @Test func groupsRecordingsWithTheirSidecarsAcrossSubfolders() throws {
        try dir.write("a/call1.wav", "x")
        try dir.write("a/call1.vtt", "x")
        try dir.write("a/call1.json", "x") // a second transcript: WebVTT wins
        try dir.write("a/call1.meta.json", "{}")
        try dir.write("a/b/call2.flac", "x")
        try dir.write("a/b/call2.TextGrid", "x")
        try dir.write("a/only-transcript.srt", "x")
        try dir.write("a/settings.json", "{}") // a lone JSON in a folder is not a call
        try dir.write("a/README.md", "x")
        try dir.write("a/.hidden/call3.wav", "x")
        let plan = IngestDiscovery.plan([dir.file("a")])
        #expect(plan.missing.isEmpty)
        #expect(plan.items == [
            IngestItem(audioPath: dir.file("a/b/call2.flac"), transcriptPath: dir.file("a/b/call2.TextGrid")),
            IngestItem(audioPath: dir.file("a/call1.wav"), transcriptPath: dir.file("a/call1.vtt"), metadataPath: dir.file("a/call1.meta.json")),
            IngestItem(transcriptPath: dir.file("a/only-transcript.srt")),
        ])
    }

    @Test func explicitFilesBringTheirSidecarsAndUnknownExtensionsAreTriedAsAudio() throws {
        try dir.write("c.wav", "x")
        try dir.write("c.txt", "x")
        try dir.write("c.meta.json", "{}")
        try dir.write("notes.json", "x")
        try dir.write("mystery.bin", "x")
        let plan = IngestDiscovery.plan([dir.file("c.wav"), dir.file("notes.json"), dir.file("mystery.bin"), dir.file("nope.wav")])
        #expect(plan.items == [
            IngestItem(audioPath: dir.file("c.wav"), transcriptPath: dir.file("c.txt"), metadataPath: dir.file("c.meta.json")),
            IngestItem(audioPath: dir.file("mystery.bin")),
            IngestItem(transcriptPath: dir.file("notes.json")),
        ])
        #expect(plan.missing.map(\.path) == [dir.file("nope.wav")])
    }

    /// `triage ingest notes.txt` beside `notes.vtt` archives notes.txt, the file named (issue 16).
    @Test func aNamedTranscriptIsTheOneArchived() throws {
        try dir.write("n/notes.txt", "C: Jeg har kløe.")
        try dir.write("n/notes.vtt", "WEBVTT\n")
        #expect(IngestDiscovery.plan([dir.file("n/notes.txt")]).items.map(\.transcriptPath) == [dir.file("n/notes.txt")])
        #expect(IngestDiscovery.plan([dir.file("n/notes.vtt")]).items.map(\.transcriptPath) == [dir.file("n/notes.vtt")])
        try dir.write("n/call.wav", "x")
        try dir.write("n/call.txt", "C: hej")
        try dir.write("n/call.vtt", "WEBVTT\n")
        #expect(IngestDiscovery.plan([dir.file("n/call.wav"), dir.file("n/call.txt")]).items.map(\.transcriptPath) == [dir.file("n/call.txt")])
        #expect(IngestDiscovery.plan([dir.file("n/call.wav")]).items.map(\.transcriptPath) == [dir.file("n/call.vtt")])
    }

    @Test func namingTheSameCallTwiceGivesOneItem() throws {
        try dir.write("d.wav", "x")
        try dir.write("d.vtt", "x")
        #expect(IngestDiscovery.plan([dir.file("d.wav"), dir.file("d.vtt"), dir.path]).items.count == 1)
    }
}
