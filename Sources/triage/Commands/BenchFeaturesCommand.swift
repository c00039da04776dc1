import Acoustics
import ArgumentParser
import Foundation
import Ingest

/// `triage bench features`: real-time factors of the acoustic engine on an hour of 8 kHz audio, against the
/// speeds of the tools researchers use, measured on this kind of machine (shared/reference/README.md).
struct BenchFeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Benchmark MFCC and frame levels on generated 8 kHz audio against librosa (1,950x real time) and a C loop over FFTW (10,000x)."
    )

    /// The named baselines, single thread, one hour of 8 kHz audio.
    static let librosaMFCC = 1950.0
    static let plainCLoop = 10_000.0

    @Option(name: .long, help: "Seconds of audio.")
    var seconds: Int = 3600

    func run() throws {
        let rate = 8000
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let samples = (0..<(rate * seconds)).map { i -> Float in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            let noise = Float(Int64(bitPattern: state) >> 40) / Float(1 << 23)
            return 0.3 * sinf(2 * .pi * 180 * Float(i) / Float(rate)) * (i / (rate * 2) % 2 == 0 ? 1 : 0.05) + 0.01 * noise
        }
        func time(_ body: () -> Void) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        var frames = 0
        let mfcc = time { frames = MFCC(sampleRate: rate).compute(samples).count }
        let levels = time { frames = max(frames, FrameEnergy.rmsDB(samples, layout: FrameLayout(sampleRate: rate)).count) }
        let episodes = time { _ = VocalEpisodeDetector().episodes(in: samples, sampleRate: rate) }
        let audio = Double(seconds)
        Console.out(String(format: "%d s of 8 kHz audio, %d frames of 25 ms every 10 ms, one thread", seconds, frames))
        Console.out(String(format: "MFCC 1-13 (librosa-identical): %.2f s = %.0f× real time = %.2f× librosa (%.0f×), %.2f× a C loop over FFTW (%.0f×)",
                           mfcc, audio / mfcc, audio / mfcc / Self.librosaMFCC, Self.librosaMFCC, audio / mfcc / Self.plainCLoop, Self.plainCLoop))
        Console.out(String(format: "frame levels: %.2f s = %.0f× real time; contraction-like episodes: %.2f s = %.0f× real time",
                           levels, audio / levels, episodes, audio / episodes))
    }
}
