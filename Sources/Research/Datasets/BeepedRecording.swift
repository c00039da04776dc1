import AudioIO
import Foundation

/// A recording written out with a 1 kHz tone over every stretch where an identifier was said (a CPR or telephone
/// number, an address, a name), on every channel, so a dataset's audio says no more than its pseudonymised text.
enum BeepedRecording {
    /// The tone's frequency and amplitude (-6 dBFS).
    static let toneHz = 1000.0
    static let amplitude = 0.5

    /// The tone's sample at frame `n` of a recording at `rate` Hz.
    static func tone(frame n: Int64, rate: Int) -> Float {
        Float(amplitude * sin(2 * Double.pi * toneHz * Double(n) / Double(max(1, rate))))
    }

    /// Writes `source` to `target` (16-bit WAV, or FLAC for a `.flac` target) with the tone over `spans` (milliseconds).
    static func write(from source: String, to target: String, spans: [Range<Int>]) throws {
        do {
            let input = try AudioFile(path: source)
            let rate = input.info.sampleRate, channels = max(1, input.info.channels)
            // Spans as frames; milliseconds from a stored turn are clamped so the products cannot overflow.
            let frames = spans.map { span -> Range<Int64> in
                let from = Int64(clamping: max(0, span.lowerBound)).multipliedReportingOverflow(by: Int64(rate))
                let to = Int64(clamping: max(0, span.upperBound)).multipliedReportingOverflow(by: Int64(rate))
                let start = from.overflow ? Int64.max / 1000 : from.partialValue / 1000
                let end = to.overflow ? Int64.max / 1000 : to.partialValue / 1000
                return start..<max(start, end)
            }
            let output = try AudioFileWriter(path: target, sampleRate: rate, channels: channels)
            var block = [Float](), frame: Int64 = 0
            try input.seek(toFrame: 0)
            while true {
                let n = try input.read(into: &block, maxFrames: 65536)
                if n == 0 { break }
                let blockFrames = frame..<(frame + Int64(n))
                for f in 0..<n where frames.contains(where: { $0.overlaps(blockFrames) }) {
                    let at = frame + Int64(f)
                    guard frames.contains(where: { $0.contains(at) }) else { continue }
                    let sample = tone(frame: at, rate: rate)
                    for c in 0..<channels { block[f * channels + c] = sample }
                }
                try output.write(Array(block[0..<(n * channels)]))
                frame += Int64(n)
            }
            try output.close()
        } catch let problem as AudioIOError {
            throw DatasetProblem(path: problem.path, problem: problem.reason)
        } catch {
            throw DatasetProblem(path: target, problem: "cannot be written with its identifiers beeped (\(error))")
        }
    }
}
