import AudioIO
import Foundation

/// Recordings made in the test: tones with a little seeded noise, so every file is distinct.
public enum SyntheticAudio {
    /// Interleaved samples of a `frequency` Hz tone (each channel a fifth higher than the last).
    public static func tone(seconds: Double, rate: Int = 8000, channels: Int = 1, frequency: Float = 220, seed: UInt64 = 1) -> [Float] {
        let frames = Int(seconds * Double(rate))
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        var samples = [Float](repeating: 0, count: frames * channels)
        for i in 0..<frames {
            for c in 0..<channels {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                let noise = Float(Int64(bitPattern: state) >> 40) / Float(1 << 23)
                let f = frequency * powf(1.5, Float(c))
                samples[i * channels + c] = 0.4 * sinf(2 * .pi * f * Float(i) / Float(rate)) + 0.02 * noise
            }
        }
        return samples
    }

    /// Writes a tone recording (WAV or FLAC by extension) and returns its path.
    @discardableResult
    public static func write(_ path: String, seconds: Double = 1, rate: Int = 8000, channels: Int = 1, seed: UInt64 = 1) throws -> String {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let writer = try AudioFileWriter(path: path, sampleRate: rate, channels: channels)
        try writer.write(tone(seconds: seconds, rate: rate, channels: channels, seed: seed))
        try writer.close()
        return path
    }

    /// Cuts a file to its first `bytes` bytes (a truncated download or a half-copied file).
    public static func truncate(_ path: String, toBytes bytes: Int) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(bytes).write(to: URL(fileURLWithPath: path))
    }
}
