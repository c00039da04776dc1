import Foundation

/// Praat's pitch path finder: the best path through each frame's candidates (unvoiced, or one of the
/// voiced peaks) that rewards strong candidates, punishes octave jumps and voicing changes, and slightly
/// prefers higher candidates. A fixed-lag Viterbi search: a frame is settled once `pathLag` newer frames
/// have been seen, so it runs on a live call in bounded memory; a whole file goes through the same code.
struct PitchPathFinder {
    let settings: PitchSettings
    private struct Column {
        /// Candidate frequencies; 0 is the unvoiced candidate (always first).
        var frequencies: [Double]
        /// Their base-2 logarithms (for the octave-jump cost; unused for the unvoiced candidate).
        var octaves: [Double]
        var strengths: [Double]
        /// Best score of a path ending in each candidate, and the candidate it came from.
        var scores: [Double]
        var back: [Int]
    }
    private var columns: [Column] = []

    init(settings: PitchSettings) { self.settings = settings }

    /// Takes the next frame; returns the F0 (0: unvoiced) and strength of the frames this settles, oldest first.
    mutating func push(_ frame: PitchFrame) -> [(f0: Double, strength: Double)] {
        let s = settings
        var unvoiced = 2 - frame.intensity / (s.silenceThreshold / (1 + s.voicingThreshold))
        unvoiced = s.voicingThreshold + max(0, unvoiced)
        var frequencies = [0.0], strengths = [0.0], deltas = [unvoiced], octaves = [0.0]
        let ceilingOctave = log2(s.ceilingHz)
        for c in frame.candidates {
            let octave = log2(c.frequency)
            frequencies.append(c.frequency)
            octaves.append(octave)
            strengths.append(c.strength)
            deltas.append(c.strength - s.octaveCost * (ceilingOctave - octave))
        }
        var column = Column(frequencies: frequencies, octaves: octaves, strengths: strengths, scores: deltas, back: [Int](repeating: 0, count: deltas.count))
        if let previous = columns.last {
            for j in 0..<frequencies.count {
                var best = -Double.infinity, from = 0
                let voiced = j > 0
                for i in 0..<previous.frequencies.count {
                    let cost: Double
                    switch (i > 0, voiced) {
                    case (false, false): cost = 0
                    case (true, true): cost = s.octaveJumpCost * abs(previous.octaves[i] - octaves[j])
                    default: cost = s.voicedUnvoicedCost
                    }
                    let score = previous.scores[i] - cost
                    if score > best { best = score; from = i }
                }
                column.scores[j] = deltas[j] + best
                column.back[j] = from
            }
            // Keep the numbers small: only differences matter.
            let top = column.scores.max() ?? 0
            for j in column.scores.indices { column.scores[j] -= top }
        }
        columns.append(column)
        guard columns.count > s.pathLag else { return [] }
        // The oldest open frame's choice on the best path back from the newest.
        guard let last = columns.last else { return [] }
        var j = last.scores.indices.max { last.scores[$0] < last.scores[$1] } ?? 0
        for k in stride(from: columns.count - 1, to: 0, by: -1) { j = columns[k].back[j] }
        let settled = (columns[0].frequencies[j], columns[0].strengths[j])
        columns.removeFirst()
        return [settled]
    }

    /// Settles every frame still open (the end of the signal).
    mutating func finish() -> [(f0: Double, strength: Double)] {
        defer { columns.removeAll() }
        return trace()
    }

    /// The best path back from the newest frame: each open frame's choice, oldest first.
    private func trace() -> [(f0: Double, strength: Double)] {
        guard let last = columns.last else { return [] }
        var j = last.scores.indices.max { last.scores[$0] < last.scores[$1] } ?? 0
        var path = [(f0: Double, strength: Double)](repeating: (0, 0), count: columns.count)
        for k in stride(from: columns.count - 1, through: 0, by: -1) {
            path[k] = (columns[k].frequencies[j], columns[k].strengths[j])
            j = columns[k].back[j]
        }
        return path
    }
}
