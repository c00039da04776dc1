import Acoustics
import Foundation
import AudioIO
import Live
import TestSupport
import Testing
import TriageCore

@Suite struct LiveCallSessionTests {
    func taxonomy() throws -> Taxonomy { try TaxonomyLoader.load(contentsOf: URL(fileURLWithPath: Repository.taxonomy)) }

    @Test func theSuggestionFollowsTheTranscriptAsItArrivesAndStoresItsVersions() throws {
        let session = LiveCallSession(taxonomy: try taxonomy(), sampleRate: 8000, channels: 1)
        #expect(session.snapshot.assessment == nil)
        session.transcript(Turn(speaker: .midwife, startMs: 0, endMs: 1500, text: "Fødemodtagelsen, det er jordemoderen."))
        session.transcript(Turn(speaker: .caller, startMs: 1500, endMs: 5000, text: "Mit vand er gået, og det er grønt. Jeg er 40 uger."))
        let snapshot = session.snapshot
        #expect(snapshot.assessment?.reasons.first?.code == "rupture_of_membranes")
        #expect(snapshot.assessment?.redFlags.map(\.code).contains("coloured_fluid") == true)
        #expect(snapshot.record?.taxonomyVersion == "1.6.0")
        #expect(snapshot.record?.modelVersion.isEmpty == false)
        // A typed note counts as text: denial of bleeding stays denied.
        session.note("ingen blødning")
        #expect(session.snapshot.turns.last?.speaker == .notes)
        #expect(session.snapshot.assessment?.redFlags.map(\.code).contains("heavy_bleeding") == false)
    }

    @Test func anInterimHypothesisIsReplacedByTheFinalTurn() throws {
        let session = LiveCallSession(taxonomy: try taxonomy(), sampleRate: 8000, channels: 1)
        session.transcript(Turn(speaker: .caller, startMs: 0, text: "jeg bløder"), partial: true)
        #expect(session.snapshot.turns.count == 1)
        session.transcript(Turn(speaker: .caller, startMs: 0, endMs: 2000, text: "jeg bløder lidt"), partial: false)
        #expect(session.snapshot.turns.map(\.text) == ["jeg bløder lidt"])
        #expect(session.turns.count == 1)
    }

    @Test func audioInChunksGivesTheEpisodesOfTheWholeRecordingAndABoundedStrip() throws {
        let file = try AudioFile(path: "\(Repository.root)/Recordings/da01-veer-foerstegang.flac")
        let stereo = try file.readAll()
        let caller = stride(from: 0, to: stereo.count, by: 2).map { stereo[$0] }
        let whole = VocalEpisodeDetector().episodes(in: caller, sampleRate: 8000)

        let session = LiveCallSession(taxonomy: try taxonomy(), sampleRate: 8000, channels: 2, callerChannel: 0)
        for start in stride(from: 0, to: stereo.count, by: 320) { session.audio(Array(stereo[start..<min(stereo.count, start + 320)])) }
        let snapshot = session.snapshot
        #expect(snapshot.episodes == whole)
        #expect(snapshot.episodes.sustained.count == 2)
        #expect(abs(snapshot.audioMs - Int(file.info.frames / 8)) < 30)
        #expect(snapshot.columns.count == snapshot.audioMs / 100)
        #expect(snapshot.columns.contains { $0.speech })
        #expect(snapshot.columns.contains(where: { !$0.speech }))
        // The streaming feature engine runs on the caller's channel: her recent pitch is known.
        #expect(snapshot.recentF0Hz.map { $0 > 60 && $0 < 500 } == true)
    }
}
