/// Root-mean-square level of each frame in dB relative to full scale, floored at -120 dB so silence,
/// DC-free digital zero and NaN never give -inf or NaN.
public enum FrameEnergy {
    public static let floorDB: Float = -120

    /// The level of every frame of `samples` (one channel) under `layout`.
    public static func rmsDB(_ samples: [Float], layout: FrameLayout) -> [Float] {
        let count = layout.frameCount(samples: samples.count)
        var out = [Float](repeating: floorDB, count: count)
        samples.withUnsafeBufferPointer { x in
            for f in 0..<count {
                let start = f * layout.hop
                out[f] = level(of: UnsafeBufferPointer(rebasing: x[start..<(start + layout.window)]))
            }
        }
        return out
    }

    /// The level of one frame (NaN and infinite samples count as silence).
    @inline(__always)
    public static func level(of frame: UnsafeBufferPointer<Float>) -> Float {
        var sum: Float = 0
        for v in frame where v.isFinite { sum += v * v }
        let ms = sum / Float(max(1, frame.count))
        return ms > 1e-12 ? max(floorDB, 10 * log10f(ms)) : floorDB
    }
}

import Foundation
