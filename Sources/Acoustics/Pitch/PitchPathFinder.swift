import Foundation

/// Praat's pitch path finder: the best path through each frame's candidates (unvoiced, or one of the
/// voiced peaks) that rewards strong candidates, punishes octave jumps and voicing changes, and slightly
/// prefers higher candidates. A fixed-lag Viterbi search: a frame is settled once `pathLag` newer frames
/// have been seen, so it runs on a live call in bounded memory; a whole file goes through the same code.
/// The open frames live in a ring of fixed-size columns, so a frame costs no allocation.
struct PitchPathFinder {
    let settings: PitchSettings
    /// Candidates per column: the unvoiced one (always first) and the voiced ones.
    private let width: Int
    /// Columns kept: the open frames and the newest.
    private let capacity: Int
    /// Column c's candidate j at `c * width + j`.
    private var frequencies: [Double], octaves: [Double], strengths: [Double], scores: [Double]
    private var back: [Int]
    private var counts: [Int]
    /// The oldest open column's slot, and how many are open.
    private var first = 0
    private var open = 0
    private var deltas: [Double]

    init(settings: PitchSettings) {
        self.settings = settings
        width = max(1, settings.maximumCandidates)
        capacity = max(1, settings.pathLag) + 1
        frequencies = [Double](repeating: 0, count: width * capacity)
        octaves = frequencies; strengths = frequencies; scores = frequencies
        back = [Int](repeating: 0, count: width * capacity)
        counts = [Int](repeating: 0, count: capacity)
        deltas = [Double](repeating: 0, count: width)
    }

    private func slot(_ age: Int) -> Int { (first + age) % capacity }

    /// Takes the next frame; returns the F0 (0: unvoiced) and strength of the frame this settles, if any.
    mutating func push(_ frame: PitchFrame) -> (f0: Double, strength: Double)? {
        let s = settings
        var unvoiced = 2 - frame.intensity / (s.silenceThreshold / (1 + s.voicingThreshold))
        unvoiced = s.voicingThreshold + max(0, unvoiced)
        let ceilingOctave = log2(s.ceilingHz)
        let column = slot(open)
        let base = column * width
        let count = min(width, frame.candidates.count + 1)
        frequencies[base] = 0; octaves[base] = 0; strengths[base] = 0; deltas[0] = unvoiced
        for (k, c) in frame.candidates.prefix(count - 1).enumerated() {
            let octave = Double(FastMath.log2(Float(c.frequency)))   // to a few ulp of a Float: plenty for octave costs
            frequencies[base + k + 1] = c.frequency
            octaves[base + k + 1] = octave
            strengths[base + k + 1] = c.strength
            deltas[k + 1] = c.strength - s.octaveCost * (ceilingOctave - octave)
        }
        counts[column] = count
        if open > 0 {
            let previous = slot(open - 1), p = previous * width, previousCount = counts[previous]
            var top = -Double.infinity
            for j in 0..<count {
                var best = -Double.infinity, from = 0
                let voiced = j > 0
                for i in 0..<previousCount {
                    let cost: Double
                    switch (i > 0, voiced) {
                    case (false, false): cost = 0
                    case (true, true): cost = s.octaveJumpCost * abs(octaves[p + i] - octaves[base + j])
                    default: cost = s.voicedUnvoicedCost
                    }
                    let score = scores[p + i] - cost
                    if score > best { best = score; from = i }
                }
                scores[base + j] = deltas[j] + best
                back[base + j] = from
                top = max(top, scores[base + j])
            }
            // Keep the numbers small: only differences matter.
            for j in 0..<count { scores[base + j] -= top }
        } else {
            for j in 0..<count { scores[base + j] = deltas[j]; back[base + j] = 0 }
        }
        open += 1
        guard open > s.pathLag else { return nil }
        // The oldest open frame's choice on the best path back from the newest.
        var j = bestCandidate(in: column)
        for age in stride(from: open - 1, to: 0, by: -1) { j = back[slot(age) * width + j] }
        let oldest = first * width
        let settled = (frequencies[oldest + j], strengths[oldest + j])
        first = (first + 1) % capacity
        open -= 1
        return settled
    }

    private func bestCandidate(in column: Int) -> Int {
        let base = column * width
        var best = 0
        for j in 1..<max(1, counts[column]) where scores[base + j] > scores[base + best] { best = j }
        return best
    }

    /// Settles every frame still open (the end of the signal).
    mutating func finish() -> [(f0: Double, strength: Double)] {
        guard open > 0 else { return [] }
        var j = bestCandidate(in: slot(open - 1))
        var path = [(f0: Double, strength: Double)](repeating: (0, 0), count: open)
        for age in stride(from: open - 1, through: 0, by: -1) {
            let base = slot(age) * width
            path[age] = (frequencies[base + j], strengths[base + j])
            j = back[base + j]
        }
        open = 0
        first = 0
        return path
    }
}
