import Foundation

/// Builds a `FeatureSummary` from frames that arrive in order, in bounded memory: the descriptors'
/// values wait in one `FloatSpill` each (on disk for a long call) until `finish`, which summarises one
/// descriptor at a time. The values are the same as summarising all the frames at once.
public final class FeatureSummaryBuilder {
    public let hopMs: Double
    private var frames = 0
    private var speechFrames = 0
    // Pauses: runs of non-speech between speech.
    private var pauseCount = 0, pauseTotalMs = 0
    private var run = 0, seenSpeech = false
    // Syllable nuclei: the frame before, and the one in the middle waiting for its successor.
    private var previousLevel = 0.0
    private var middle: (level: Double, voiced: Bool, speech: Bool)?
    private var valley = Double.infinity
    private var peaks = 0
    // Descriptor values of speech frames and of voiced frames, with their times.
    private var names: [String] = []
    private var overVoiced: [Bool] = []
    private var columns: [FloatSpill] = []
    /// MFCC per frame, and the first of the four voice columns.
    private var coefficients = 0, voiceColumn = 0
    private let speechTimes = FloatSpill(width: 2, memoryFloats: FeatureSummaryBuilder.memoryFloats)
    private let voicedTimes = FloatSpill(width: 2, memoryFloats: FeatureSummaryBuilder.memoryFloats)
    /// Floats each column keeps in memory before it goes to disk (16 KB).
    static let memoryFloats = 1 << 12

    public init(hopMs: Double) { self.hopMs = hopMs }

    /// Takes the next frame.
    public func add(_ f: FrameFeatures) {
        if columns.isEmpty { prepare(coefficients: f.mfcc.count) }
        frames += 1
        let time = FloatSpill.bits(of: f.timeMs)
        if f.speech {
            speechFrames += 1
            speechTimes.append(time.0, time.1)
        }
        if f.voiced { voicedTimes.append(time.0, time.1) }
        // Columns in `FrameFeatures.columns` order: seven spectral, the MFCC, their deltas, four voice ones.
        // The first seven and the cepstra are summarised over speech, the last four over voiced frames.
        if f.speech {
            columns[0].append(f.rmsDB); columns[1].append(f.loudness); columns[2].append(f.zcr)
            columns[3].append(f.spectralCentroidHz); columns[4].append(f.spectralFlux); columns[5].append(f.spectralRolloffHz)
            columns[6].append(f.spectralFlatness)
            var c = 7
            for v in f.mfcc where c < voiceColumn { columns[c].append(v); c += 1 }
            c = 7 + coefficients
            for v in f.mfccDelta where c < voiceColumn { columns[c].append(v); c += 1 }
        }
        if f.voiced {
            columns[voiceColumn].append(f.f0Hz); columns[voiceColumn + 1].append(f.hnrDB)
            columns[voiceColumn + 2].append(f.jitterLocal); columns[voiceColumn + 3].append(f.shimmerLocalDB)
        }

        if f.speech {
            if seenSpeech, Double(run) * hopMs >= Double(FeatureSummary.minimumPauseMs) {
                pauseCount += 1
                pauseTotalMs += Int(Double(run) * hopMs)
            }
            run = 0
            seenSpeech = true
        } else if seenSpeech {
            run += 1
        }

        // A loudness peak (in dB) in voiced speech, at least 2 dB above the lowest point since the last.
        let level = 10 * log10(max(Double(f.loudness), 1e-6))
        if let m = middle {
            valley = min(valley, m.level)
            if m.voiced, m.speech, m.level >= previousLevel, m.level > level, m.level - valley >= 2 {
                peaks += 1
                valley = m.level
            }
            previousLevel = m.level
            middle = (level, f.voiced, f.speech)
        } else if frames == 1 {
            previousLevel = level
        }
        if frames >= 2, middle == nil { middle = (level, f.voiced, f.speech) }
    }

    /// The summary of every frame added.
    public func finish() -> FeatureSummary {
        if columns.isEmpty { prepare(coefficients: 13) }
        var descriptors: [(name: String, functionals: Functionals)] = []
        for (c, name) in names.enumerated() {
            var values = columns[c].column(0)
            let times = overVoiced[c] ? voicedTimes : speechTimes
            descriptors.append((name, Functionals.of(&values) { body in
                times.forEachBatch { b in
                    var i = 0
                    while i + 1 < b.count { body(FloatSpill.integer(low: b[i], high: b[i + 1])); i += 2 }
                }
            }))
            columns[c] = FloatSpill(width: 1)
        }
        let speechSeconds = Double(speechFrames) * hopMs / 1000
        return FeatureSummary(frames: frames, durationMs: Int(Double(frames) * hopMs), descriptors: descriptors,
                              speechRatio: frames == 0 ? 0 : Double(speechFrames) / Double(frames), pauseCount: pauseCount,
                              meanPauseMs: pauseCount == 0 ? 0 : Double(pauseTotalMs) / Double(pauseCount),
                              speakingRate: speechSeconds > 0 ? Double(peaks) / speechSeconds : 0)
    }

    private func prepare(coefficients: Int) {
        let skipped: Set<String> = ["time_ms", "voiced", "speech"]
        names = FrameFeatures.columns(coefficients: coefficients).filter { !skipped.contains($0) }
        overVoiced = names.map { FeatureSummary.overVoiced.contains($0) }
        self.coefficients = max(1, coefficients)
        voiceColumn = 7 + 2 * self.coefficients
        columns = names.map { _ in FloatSpill(width: 1, memoryFloats: FeatureSummaryBuilder.memoryFloats) }
    }
}
