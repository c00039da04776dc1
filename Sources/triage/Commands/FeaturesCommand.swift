import Acoustics
import ArgumentParser
import Foundation
import Ingest
import TriageCore

/// `triage features AUDIO`: the acoustic descriptors of a recording, per frame or summarised.
struct FeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Acoustic features of a recording: per-frame descriptors or per-call summaries, as CSV or JSON.",
        discussion: HelpText.paragraphs("""
            Frames (default): one row per frame (and per channel, with a channel column, when the call has one
            party per channel): time_ms (frame centre), rms_db, loudness, zcr, spectral_centroid_hz,
            spectral_flux, spectral_rolloff_hz, spectral_flatness, mfcc_1…mfcc_13 (mfcc_1 is coefficient 0),
            mfcc_delta_1…13, f0_hz (0 when unvoiced), voiced, hnr_db, jitter_local, shimmer_local_db, speech.
            --style librosa reproduces librosa.feature.mfcc with the same --n-fft/--win-ms/--hop-ms/--n-mels;
            --style htk follows HTK conventions (as python_speech_features computes them, frames from the first
            sample). --summary gives mean, std, p20, p50, p80, range and slope of each descriptor (pitch, HNR,
            jitter and shimmer over voiced frames, the rest over speech), the speech ratio, pauses, speaking
            rate and, for two channels, turn-taking. --set egemaps gives the 25 eGeMAPS v02 descriptors per
            frame or its 88 functionals (docs/egemaps.md lists how they are computed and how they compare
            with openSMILE's).
            """)
    )

    enum Output: String, ExpressibleByArgument { case csv, json }
    enum Set: String, ExpressibleByArgument { case lld, egemaps }

    @Argument(help: "The recording (any format libsndfile reads).")
    var audio: String

    @Flag(name: .long, help: "One row per frame (the default).")
    var frames = false

    @Flag(name: .long, help: "Summaries per channel instead of frames.")
    var summary = false

    @Option(name: .long, help: "lld (the descriptors above) or egemaps.")
    var set: Set = .lld

    @Option(name: .long, help: "csv or json.")
    var format: Output = .csv

    @Option(name: .customLong("win-ms"), help: "Window length in ms (default 25).")
    var windowMs: Double = 25

    @Option(name: .customLong("hop-ms"), help: "Hop in ms (default 10).")
    var hopMs: Double = 10

    @Option(name: .customLong("n-fft"), help: "FFT size (default: the next power of two at or above the window).")
    var fftSize: Int?

    @Option(name: .customLong("n-mels"), help: "Mel bands (default 40 for librosa, 26 for htk).")
    var melBands: Int?

    @Option(name: .long, help: "librosa or htk.")
    var style: FeatureSettings.Style = .librosa

    @Option(name: .long, parsing: .singleValue, help: "With --summary: summarise the time range START-END (ms) as well (repeatable).")
    var segment: [String] = []

    /// The segments asked for, as millisecond ranges.
    var segments: [Range<Int>] {
        segment.compactMap { text in
            let parts = text.split(separator: "-").compactMap { Int($0) }
            return parts.count == 2 && parts[0] < parts[1] ? parts[0]..<parts[1] : nil
        }
    }

    func validate() throws {
        if frames && summary { throw ValidationError("choose --frames or --summary, not both") }
        guard windowMs > 0, windowMs <= 1000, hopMs > 0, hopMs <= 1000 else { throw ValidationError("--win-ms and --hop-ms must be from 0 to 1000") }
        if let fftSize, fftSize < 8 || fftSize > 65536 { throw ValidationError("--n-fft must be from 8 to 65536") }
        if let melBands, melBands < 1 || melBands > 256 { throw ValidationError("--n-mels must be from 1 to 256") }
        if segments.count != segment.count { throw ValidationError("--segment takes START-END in milliseconds, START before END (1000-5000)") }
        if !segment.isEmpty && !summary { throw ValidationError("--segment needs --summary") }
    }

    func run() throws {
        let out = TextSink()
        do {
            let recording = try RecordingFeatures(path: audio) { s in
                s.windowMs = windowMs; s.hopMs = hopMs; s.fftSize = fftSize; s.melBands = melBands; s.style = style
                if let fftSize, fftSize < s.window { s.windowMs = Double(fftSize) * 1000 / Double(s.sampleRate) }
            }
            switch (set, summary) {
            case (.lld, false): try FeatureOutput.frames(recording, format: format, to: out)
            case (.lld, true): try FeatureOutput.summary(recording, format: format, segments: segments, to: out)
            case (.egemaps, false): try FeatureOutput.egemapsFrames(recording, format: format, to: out)
            case (.egemaps, true): try FeatureOutput.egemapsSummary(recording, format: format, segments: segments, to: out)
            }
        } catch let failure as CommandFailure { throw failure } catch { throw CommandFailure(error) }
        out.flush()
    }
}

extension FeatureSettings.Style: ExpressibleByArgument {}
