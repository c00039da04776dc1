import AudioIO
import Foundation
import TestSupport
import Testing

@Suite struct AudioFileTests {
    let dir = TemporaryDirectory("audioio")

    @Test(arguments: ["wav", "flac"])
    func writesAndReadsBackStereo(container: String) throws {
        let path = try SyntheticAudio.write(dir.file("call.\(container)"), seconds: 1.5, rate: 16000, channels: 2)
        let file = try AudioFile(path: path)
        #expect(file.info.frames == 24000)
        #expect(file.info.sampleRate == 16000)
        #expect(file.info.channels == 2)
        #expect(file.info.durationMs == 1500)
        #expect(file.info.format == (container == "wav" ? "WAV PCM_16" : "FLAC PCM_16"))
        try file.validate()
        let samples = try file.readAll()
        let original = SyntheticAudio.tone(seconds: 1.5, rate: 16000, channels: 2)
        #expect(samples.count == original.count)
        let worst = zip(samples, original).map { abs($0 - $1) }.max() ?? 1
        #expect(worst < 1.0 / 16000) // 16-bit quantisation
    }

    @Test func aTruncatedWAVIsReportedNotSilentlyShortened() throws {
        let path = try SyntheticAudio.write(dir.file("cut.wav"), seconds: 2)
        try SyntheticAudio.truncate(path, toBytes: 20000)
        let file = try AudioFile(path: path)
        #expect(throws: AudioIOError.self) { try file.validate() }
        do { try file.validate() } catch let error as AudioIOError {
            #expect(error.description.hasPrefix("\(path): truncated audio: the header announces 32000 bytes"))
        }
    }

    @Test func aTruncatedFLACFailsToDecode() throws {
        let path = try SyntheticAudio.write(dir.file("cut.flac"), seconds: 5)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        try SyntheticAudio.truncate(path, toBytes: size / 3)
        let file = try AudioFile(path: path)
        #expect(throws: AudioIOError.self) { try file.validate() }
    }

    @Test func emptyTextAndHeaderOnlyFilesAreRefusedWithTheirReason() throws {
        let empty = try dir.write("empty.wav", "")
        let text = try dir.write("notes.wav", "this is not audio at all")
        let header = try SyntheticAudio.write(dir.file("header.wav"), seconds: 1)
        try SyntheticAudio.truncate(header, toBytes: 44)
        #expect(throws: AudioIOError.emptyFile(path: empty)) { try AudioFile(path: empty) }
        #expect(throws: AudioIOError.noSamples(path: header)) { try AudioFile(path: header) }
        do { _ = try AudioFile(path: text); Issue.record("text opened as audio") } catch let error as AudioIOError {
            guard case .notAudio = error else { Issue.record("unexpected \(error)"); return }
            #expect(error.description.hasPrefix("\(text): not an audio file"))
        }
        #expect(throws: AudioIOError.self) { try AudioFile(path: dir.file("missing.wav")) }
        #expect(throws: AudioIOError.self) { try AudioFile(path: dir.path) }
    }

    /// A 64 KB WAV whose header claims 1,000,000,000 or 2,147,483,647 Hz is refused at once (it used to take 6 to 24 GB).
    @Test(arguments: [UInt32(1_000_000_000), UInt32(2_147_483_647), UInt32(500)])
    func anImplausibleSampleRateIsRefusedBeforeAnythingIsAllocated(_ rate: UInt32) throws {
        let path = try SyntheticAudio.write(dir.file("rate-\(rate).wav"), seconds: 4)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for (i, b) in withUnsafeBytes(of: rate.littleEndian, Array.init).enumerated() { bytes[24 + i] = b } // the fmt chunk's rate
        try bytes.write(to: URL(fileURLWithPath: path))
        do { _ = try AudioFile(path: path); Issue.record("opened at \(rate) Hz") } catch let error as AudioIOError {
            #expect(error.description.contains("its header claims \(rate) Hz"), "\(error)")
        }
    }

    @Test func contentHashMatchesSha256sum() throws {
        let path = try dir.write("abc.txt", "abc")
        #expect(try ContentHash.sha256(fileAt: path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ContentHash.sha256(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let big = try SyntheticAudio.write(dir.file("big.wav"), seconds: 200) // several read chunks
        #expect(try ContentHash.sha256(fileAt: big) == ContentHash.sha256(try Data(contentsOf: URL(fileURLWithPath: big))))
    }
}

@Suite struct AudioFileChannelTests {
    @Test func oneChannelOrTheChannelsAveraged() throws {
        let dir = TemporaryDirectory("channels")
        let path = dir.file("stereo.wav")
        let writer = try AudioFileWriter(path: path, sampleRate: 8000, channels: 2)
        try writer.write([0.5, -0.25, 0.25, 0.75, 0, 0])
        try writer.close()
        let file = try AudioFile(path: path)
        // 16-bit samples: equal to within one step.
        func near(_ a: [Float], _ b: [Float]) -> Bool { a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-4 } }
        #expect(near(try file.readChannel(0), [0.5, 0.25, 0]))
        #expect(near(try file.readChannel(1), [-0.25, 0.75, 0]))
        #expect(near(try file.readChannel(7), [-0.25, 0.75, 0]))
        #expect(near(try file.readMono(), [0.125, 0.5, 0]))
    }
}
