import Foundation

/// A capture device that makes its own signal: syllable-like bursts of a voiced tone over line noise,
/// for as long as asked. For benchmarks (a two-hour call without a two-hour file) and for tests that
/// need a device without a sound card.
public final class GeneratedInput: AudioInput {
    public let deviceName = "generated"
    public let format: AudioStreamFormat
    public let totalFrames: Int64
    private var position: Int64 = 0
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    public init(sampleRate: Int = 8000, seconds: Double) {
        format = AudioStreamFormat(sampleRate: sampleRate, channels: 1)
        totalFrames = Int64(seconds * Double(sampleRate))
    }

    public func read(frames: Int) throws -> [Float] {
        let n = Int(min(Int64(frames), totalFrames - position))
        guard n > 0 else { return [] }
        let rate = Float(format.sampleRate)
        var out = [Float](repeating: 0, count: n)
        for i in 0..<n {
            let t = Float(position + Int64(i)) / rate
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            let noise = Float(Int64(bitPattern: state) >> 40) / Float(1 << 23)
            // Four syllables a second for six seconds, then four seconds of quiet.
            let talking = t.truncatingRemainder(dividingBy: 10) < 6
            let envelope = talking ? max(0, sinf(.pi * 4 * t)) : 0
            out[i] = 0.3 * envelope * sinf(2 * .pi * 180 * t) + 0.003 * noise
        }
        position += Int64(n)
        return out
    }

    public func close() {}
}
