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
        var frequencies = [0.0], strengths = [0.0], deltas = [unvoiced]
        for c in frame.candidates {
            frequencies.append(c.frequency)
            strengths.append(c.strength)
            deltas.append(c.strength - s.octaveCost * log2(s.ceilingHz / c.frequency))
        }
        var column = Column(frequencies: frequencies, strengths: strengths, scores: deltas, back: [Int](repeating: 0, count: deltas.count))
        if let previous = columns.last {
            for j in 0..<frequencies.count {
                var best = -Double.infinity, from = 0
                for i in 0..<previous.frequencies.count {
                    let cost = transition(previous.frequencies[i], frequencies[j])
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
        let settled = trace().first ?? (0, 0)
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

    private func transition(_ a: Double, _ b: Double) -> Double {
        switch (a > 0, b > 0) {
        case (false, false): return 0
        case (true, true): return settings.octaveJumpCost * abs(log2(a / b))
        default: return settings.voicedUnvoicedCost
        }
    }
}
