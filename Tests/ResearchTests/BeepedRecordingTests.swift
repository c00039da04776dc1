import AudioIO
import Foundation
@testable import Research
import TestSupport
import Testing

/// A dataset's copy of a recording: the tone on every channel over each span (one past the end clamped), every other
/// sample as recorded, and an unreadable recording named in one line.
@Suite struct BeepedRecordingTests {
    let dir = TemporaryDirectory("beeped-unit")

    @Test func theToneCoversTheSpansOnEveryChannelAndNothingElse() throws {
        let source = try SyntheticAudio.write(dir.file("in.wav"), seconds: 2, rate: 8000, channels: 2, seed: 5)
        try BeepedRecording.write(from: source, to: dir.file("out.flac"), spans: [500..<750, 1900..<9000])
        let out = try AudioFile(path: dir.file("out.flac"))
        #expect(out.info.channels == 2 && out.info.sampleRate == 8000 && out.info.frames == 16000 && out.info.format.hasPrefix("FLAC"))
        let beeped = try out.readAll(), original = try AudioFile(path: source).readAll()
        var toneOff = 0, changed = 0
        for frame in 0..<16000 {
            let inSpan = (4000..<6000).contains(frame) || frame >= 15200
            for c in 0..<2 {
                let sample = beeped[frame * 2 + c]
                if inSpan, abs(sample - BeepedRecording.tone(frame: Int64(frame), rate: 8000)) > 0.001 { toneOff += 1 }
                if !inSpan, abs(sample - original[frame * 2 + c]) > 0.001 { changed += 1 }
            }
        }
        #expect(toneOff == 0 && changed == 0, "\(toneOff) samples not the tone, \(changed) changed")
    }

    @Test func anUnreadableRecordingIsNamed() throws {
        let bad = try dir.write("bad.wav", "RIFF not really")
        #expect { try BeepedRecording.write(from: bad, to: dir.file("x.wav"), spans: [0..<10]) } throws: { "\($0)".hasPrefix("\(bad): ") }
    }
}
