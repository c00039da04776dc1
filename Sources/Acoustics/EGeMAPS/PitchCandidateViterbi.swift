import Foundation

/// eGeMAPS's pitch smoothing: an incremental Viterbi search over each frame's six subharmonic-summation
/// candidates and an unvoiced state, with a 40-frame trellis that is decided where all paths merge (or
/// forced when it is full). Costs follow openSMILE's `cPitchSmootherViterbi` with eGeMAPS's weights,
/// including its quirks, so that the same frames come out voiced: an unvoiced→unvoiced step costs 1, and
/// the delta-continuity term remembers the last voiced→voiced pair the search looked at.
struct PitchCandidateViterbi {
    struct Frame {
        var f0 = [Double](repeating: 0, count: 6)
        var voicing = [Double](repeating: 0, count: 6)
        /// The best candidate's voicing when above the cut-off, else 0 (openSMILE reads it as a 7th voicing).
        var clippedVoicing = 0.0
    }

    static let states = 7, bufferLength = 40
    static let voicingCutoff = 0.7
    static let wLocal = 2.0, wTvv = 10.0, wTvvd = 10.0, wTvuv = 10.0, wThr = 4.0, wRange = 1.0

    /// The smoothed F0 of every frame (0 where the unvoiced state wins).
    static func smooth(_ frames: [Frame]) -> [Double] {
        var smoother = Smoother()
        var output: [Double] = []
        output.reserveCapacity(frames.count)
        for frame in frames { output += smoother.push(frame) }
        return output + smoother.finish()
    }

    /// The search frame by frame: each frame in, the smoothed F0 of the frames it decided out (in order,
    /// at most `bufferLength` frames behind), so that a long call needs only the trellis.
    struct Smoother {
        private let n = states, length = bufferLength
        private var paths = [[Int]](repeating: [Int](repeating: 0, count: states * bufferLength), count: 2)
        private var pathBuffer = 0
        private var best = [Int](repeating: 0, count: bufferLength)
        private var costs = [Double](repeating: 0, count: states), newCosts = [Double](repeating: 0, count: states)
        private var pathIndex = 0, converged = -1, read = 0
        private var lastChange = 1.0
        /// The frames from `read` on (the decided path names a candidate of each).
        private var frames: [Frame] = []

        private func local(_ i: Int, _ f: Frame) -> Double {
            if i < n - 1 {
                let pv = min(1, max(0.01, f.voicing[i]))
                let threshold = pv < voicingCutoff ? wThr : 0
                return (-log(pv) + threshold) * wLocal + rangeWeight(f.f0[i]) * wRange
            }
            let anyVoiced = f.voicing.contains { $0 >= voicingCutoff } || f.clippedVoicing >= voicingCutoff
            return wLocal * (anyVoiced ? wThr : 0)
        }

        private mutating func transition(_ i: Int, _ j: Int, _ previous: Frame, _ current: Frame) -> Double {
            if i < n - 1, j < n - 1 {
                let f0 = previous.f0[j], f1 = current.f0[i]
                guard f0 != 0, f1 != 0 else { return 999 }
                let r = log(f1 / f0)
                let x = wTvv * abs(r) + wTvvd * abs(r - lastChange)
                lastChange = r
                return x
            }
            if (i == n - 1) != (j == n - 1) { lastChange = 0; return wTvuv }
            return 1
        }

        /// The F0 of every decided frame not handed out yet.
        private mutating func emit() -> [Double] {
            var out: [Double] = []
            while read <= converged {
                let s = best[read % length]
                out.append(s < n - 1 ? frames[0].f0[s] : 0)
                frames.removeFirst()
                read += 1
            }
            return out
        }

        /// Takes the next frame; returns the F0 of the frames now decided.
        mutating func push(_ frame: Frame) -> [Double] {
            if pathIndex == 0 {
                converged = -1
                for i in 0..<n {
                    costs[i] = local(i, frame)
                    paths[pathBuffer][i * length] = i
                }
            } else if let previous = frames.last {
                let next = (pathBuffer + 1) % 2
                for i in 0..<n {
                    var minState = 0
                    var minCost = transition(i, 0, previous, frame) + costs[0]
                    for j in 1..<n {
                        let c = transition(i, j, previous, frame) + costs[j]
                        if c < minCost { minState = j; minCost = c }
                    }
                    newCosts[i] = minCost + local(i, frame)
                    for k in 0..<length { paths[next][i * length + k] = paths[pathBuffer][minState * length + k] }
                    paths[next][i * length + pathIndex % length] = i
                }
                swap(&costs, &newCosts)
                pathBuffer = next
            }
            frames.append(frame)
            pathIndex += 1
            if pathIndex - converged > length {
                let minState = (0..<n).min { costs[$0] < costs[$1] } ?? 0
                converged += 1
                best[converged % length] = paths[pathBuffer][minState * length + converged % length]
            } else {
                var k = converged + 1
                while k < pathIndex {
                    let x = paths[pathBuffer][k % length]
                    guard (1..<n).allSatisfy({ paths[pathBuffer][$0 * length + k % length] == x }) else { break }
                    converged += 1
                    best[converged % length] = x
                    k += 1
                }
            }
            return emit()
        }

        /// End of input: the cheapest path decides the rest.
        mutating func finish() -> [Double] {
            let minState = (0..<n).min { costs[$0] < costs[$1] } ?? 0
            while converged + 1 < pathIndex {
                converged += 1
                best[converged % length] = paths[pathBuffer][minState * length + converged % length]
            }
            return emit()
        }
    }

    /// openSMILE's built-in penalty for unlikely pitch: none 100–350 Hz, rising below and above.
    static func rangeWeight(_ f: Double) -> Double {
        if f > 0, f < 100 { return 1 - f / 100 }
        if f >= 100, f < 350 { return 0 }
        if f >= 350, f < 600 { return (f - 350) / 250 }
        if f >= 600 { return 1.2 }
        return 2
    }
}
