import Acoustics
import ArgumentParser
import AudioIO
import Dispatch
import Foundation
import Ingest

/// `triage bench features`: real-time factors of the acoustic engine per descriptor group on an hour of
/// 8 kHz speech (a demo call repeated), against the tools researchers use, measured on this kind of
/// machine (shared/reference/README.md), and the scaling of a batch of files over the cores.
struct BenchFeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Benchmark the feature engine per descriptor group on an hour of 8 kHz speech, against librosa, openSMILE and a C loop.",
        discussion: HelpText.paragraphs("""
            Baselines, one thread, one hour of 8 kHz audio on this kind of machine: librosa MFCC 1,950x real time,
            openSMILE eGeMAPSv02 140x, Praat pitch 430x, a plain C loop over FFTW for librosa-identical MFCC
            10,000x. Targets: MFCC alone 6,000x, the full descriptor set 2,000x.
            """)
    )

    static let librosaMFCC = 1950.0, openSMILE = 140.0, praatPitch = 430.0, plainCLoop = 10_000.0
    static let mfccTarget = 6000.0, fullTarget = 2000.0

    @Option(name: .long, help: "Seconds of audio.")
    var seconds: Int = 3600

    @Option(name: .long, help: "The speech to repeat (mixed to mono).")
    var call = "Recordings/en01-labour-every-four-minutes.flac"

    enum Group: String, ExpressibleByArgument { case mfcc, spectral, full }

    @Option(name: .long, help: "Only this measurement (mfcc, spectral or full), for profiling.")
    var only: Group?

    @Option(name: .long, help: "Runs of each measurement; the fastest counts (this machine is shared and noisy).")
    var runs = 3

    func run() throws {
        let file: AudioFile
        do { file = try AudioFile(path: call) } catch { throw CommandFailure(message: "\(error) (run from the project folder)") }
        let rate = file.info.sampleRate
        let speech = try file.readMono()
        var samples = [Float]()
        samples.reserveCapacity(rate * seconds)
        while samples.count < rate * seconds { samples += speech.prefix(rate * seconds - samples.count) }
        let audio = Double(seconds)
        func time(_ body: () -> Void) -> Double {
            (0..<max(1, runs)).map { _ in
                let start = DispatchTime.now().uptimeNanoseconds
                body()
                return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            }.min() ?? 0
        }
        func line(_ name: String, _ t: Double, against baselines: [(String, Double)]) {
            let factor = audio / t
            let ratios = baselines.map { String(format: "%.2fx %@ (%.0fx)", factor / $0.1, $0.0, $0.1) }.joined(separator: ", ")
            Console.out(String(format: "  %-44@ %6.2f s = %7.0fx real time%@", name as NSString, t, factor, ratios.isEmpty ? "" : " = " + ratios))
        }
        Console.out("\(seconds) s of 8 kHz speech (\(call) repeated), 25 ms frames every 10 ms, one thread, fastest of \(runs) runs:")
        // The same machine's floor in the same run: only the windowed FFTs and power spectra MFCC needs.
        let floor = time { Self.powerSpectra(samples, fftSize: 256, hop: rate / 100) }
        if only != .full {
            let mfcc = time { _ = MFCC(sampleRate: rate).computeFlat(samples) }
            line("MFCC 1-13 alone (librosa-identical)", mfcc,
                 against: [("librosa", Self.librosaMFCC), ("the C loop", Self.plainCLoop), ("the 6,000x target", Self.mfccTarget)])
            Console.out(String(format: "  (the FFTs alone take %.2f s here, %.0fx real time: MFCC costs %.2fx the bare FFT loop, a figure the machine's load does not change)",
                               floor, audio / floor, mfcc / floor))
            if only == .mfcc { return }
            line("frame levels (RMS dB)", time { _ = FrameEnergy.rmsDB(samples, layout: FrameLayout(sampleRate: rate)) }, against: [])
            var spectralSettings = FeatureSettings(sampleRate: rate)
            spectralSettings.pitchEnabled = false
            line("spectral group + MFCC + deltas + speech", time { Self.extract(samples, spectralSettings) }, against: [])
            if only == .spectral { return }
            var estimates: [PitchTracker.Estimate] = []
            line("pitch, voicing, HNR (Praat-like)", time {
                var tracker = PitchTracker(sampleRate: rate, hop: rate / 100)
                estimates = tracker.append(samples) + tracker.finish()
            }, against: [("Praat", Self.praatPitch)])
            let track = estimates.map(\.f0)
            line("glottal pulses, jitter, shimmer", time {
                _ = samples.withUnsafeBufferPointer { GlottalPulses.find(in: $0, sampleRate: rate, f0: track, hop: rate / 100).jitterLocal }
            }, against: [])
            line("contraction-like episodes", time { _ = VocalEpisodeDetector().episodes(in: samples, sampleRate: rate) }, against: [])
        }
        let full = time { Self.extract(samples, FeatureSettings(sampleRate: rate)) }
        line("full descriptor set (every column of triage features)", full,
             against: [("openSMILE eGeMAPS", Self.openSMILE), ("the 2,000x target", Self.fullTarget)])
        Console.out(String(format: "  (%d frames; the full set costs %.2fx this run's bare FFT loop, the figure to compare when the machine's speed swings)",
                           FeatureExtractor(settings: FeatureSettings(sampleRate: rate)).frameCount(samples: samples.count), full / floor))
        if only == .full { return }

        // Streaming in 20 ms chunks: memory stays flat.
        var live = FeatureSettings(sampleRate: rate)
        live.wholeSignalFloor = false
        let before = BenchLiveCommand.residentMegabytes()
        var frames = 0
        let streaming = time {
            let engine = FeatureExtractor(settings: live)
            frames = 0
            for start in stride(from: 0, to: samples.count, by: rate / 50) { frames += engine.append(samples[start..<min(samples.count, start + rate / 50)]).count }
            frames += engine.finish().count
        }
        Console.out(String(format: "streaming in 20 ms chunks: %.2f s = %.0fx real time, %d frames; resident memory %.1f MB before, %.1f MB after",
                           streaming, audio / streaming, frames, before, BenchLiveCommand.residentMegabytes()))

        // A batch of files over the cores.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let pieces = 8
        let piece = samples.count / pieces
        let parts = (0..<pieces).map { Array(samples[($0 * piece)..<(($0 + 1) * piece)]) }
        let one = time { for p in parts { Self.extract(p, FeatureSettings(sampleRate: rate)) } }
        let many = time { DispatchQueue.concurrentPerform(iterations: pieces) { Self.extract(parts[$0], FeatureSettings(sampleRate: rate)) } }
        Console.out(String(format: "a batch of %d files: %.2f s on one thread, %.2f s on %d cores = %.2fx faster (%.0f%% of linear)",
                           pieces, one, many, cores, one / many, one / many / Double(cores) * 100))
    }

    /// Windowed power spectra of every frame and nothing else: the floor any MFCC sits on.
    static func powerSpectra(_ samples: [Float], fftSize: Int, hop: Int) {
        let plan = FFTPlan(size: fftSize)
        var power = [Float](repeating: 0, count: fftSize / 2 + 1)
        samples.withUnsafeBufferPointer { x in
            power.withUnsafeMutableBufferPointer { p in
                guard let bins = p.baseAddress else { return }
                var start = 0
                while start + fftSize <= x.count {
                    plan.power(filling: { input in for i in 0..<fftSize { input[i] = x[start + i] } }, into: bins)
                    start += hop
                }
            }
        }
    }

    static func extract(_ samples: [Float], _ settings: FeatureSettings) {
        let engine = FeatureExtractor(settings: settings)
        _ = engine.append(samples)
        _ = engine.finish()
    }
}
