import Acoustics
import AudioIO
import Foundation
import TestSupport
import Testing

/// Voice activity against webrtcvad (mode 2): agreement on clean speech, and accuracy against the known
/// speech regions of a synthesised call with white line noise at 10 dB SNR (fixtures made by
/// Tests/Fixtures/reference/make_vad_ref.py).
@Suite struct VoiceActivityTests {
    /// Our decisions per 30 ms frame: speech when most of its three 10 ms frames are.
    static func ours(_ path: String) throws -> [Bool] {
        let file = try AudioFile(path: path)
        let engine = FeatureExtractor(settings: FeatureSettings(sampleRate: file.info.sampleRate))
        let frames = engine.append(try file.readAll()) + engine.finish()
        // Frame f is centred at f × 10 ms; the 30 ms frame k covers [30k, 30k + 30) ms.
        return stride(from: 0, to: frames.count - 3, by: 3).map { k in (k..<(k + 3)).filter { frames[$0 + 1].speech }.count >= 2 }
    }

    static func webrtc(_ name: String, mode: Int = 2) throws -> [Bool] {
        try String(contentsOfFile: Repository.fixture("reference/\(name)"), encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",")[1 + mode] == "1" }
    }

    @Test(arguments: [8000, 16000])
    func agreesWithWebrtcvadOnCleanSpeech(rate: Int) throws {
        let mine = try Self.ours(Repository.fixture("reference/excerpt10_\(rate / 1000)k.wav"))
        let theirs = try Self.webrtc("webrtcvad_30ms_\(rate / 1000)k.csv")
        let n = min(mine.count, theirs.count)
        let agreement = Double((0..<n).filter { mine[$0] == theirs[$0] }.count) / Double(n)
        print(String(format: "clean speech at %d Hz: %.3f agreement with webrtcvad mode 2 over %d frames of 30 ms", rate, agreement, n))
        #expect(agreement >= 0.85)
    }

    @Test func beatsWebrtcvadOnACallWithLineNoiseAt10dB() throws {
        let mine = try Self.ours(Repository.fixture("reference/da04_20s_snr10.wav"))
        let theirs = try Self.webrtc("webrtcvad_30ms_da04_snr10.csv")
        let cues = try String(contentsOfFile: Repository.fixture("reference/da04_20s_speech_cues.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",").compactMap { Int($0) } }
        let n = min(mine.count, theirs.count)
        let truth = (0..<n).map { k in cues.contains { $0.count == 2 && $0[0] <= k * 30 + 15 && k * 30 + 15 < $0[1] } }
        func accuracy(_ d: [Bool]) -> Double { Double((0..<n).filter { d[$0] == truth[$0] }.count) / Double(n) }
        print(String(format: "10 dB SNR: ours %.3f, webrtcvad mode 2 %.3f accuracy against the cues over %d frames", accuracy(mine), accuracy(theirs), n))
        #expect(accuracy(mine) > accuracy(theirs))
    }
}
