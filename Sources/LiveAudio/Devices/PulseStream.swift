import CPulse
import Foundation

/// One blocking stream through PulseAudio's simple API: capture from a source or playback to a sink,
/// 32-bit float samples, a small fragment size for low latency.
final class PulseStream {
    let device: String
    let format: AudioStreamFormat
    private let handle: OpaquePointer

    init(direction: pa_stream_direction_t, device: String?, format: AudioStreamFormat, latencyMs: Int, purpose: String) throws {
        let name = device ?? "default"
        var spec = pa_sample_spec(format: PA_SAMPLE_FLOAT32LE, rate: UInt32(format.sampleRate), channels: UInt8(format.channels))
        let bytes = UInt32(format.frames(milliseconds: latencyMs) * format.channels * MemoryLayout<Float>.size)
        var attributes = pa_buffer_attr(maxlength: UInt32.max, tlength: direction == PA_STREAM_PLAYBACK ? bytes * 4 : UInt32.max,
                                        prebuf: UInt32.max, minreq: UInt32.max, fragsize: bytes)
        var error: Int32 = 0
        guard let handle = pa_simple_new(nil, "triage", direction, device, purpose, &spec, nil, &attributes, &error) else {
            throw AudioDeviceError.openFailed(device: name, reason: String(cString: pa_strerror(error)))
        }
        self.handle = handle
        self.device = name
        self.format = format
    }

    deinit { pa_simple_free(handle) }

    func read(frames: Int) throws -> [Float] {
        var samples = [Float](repeating: 0, count: frames * format.channels)
        var error: Int32 = 0
        let status = samples.withUnsafeMutableBytes { pa_simple_read(handle, $0.baseAddress, $0.count, &error) }
        if status < 0 { throw AudioDeviceError.lost(device: device, reason: String(cString: pa_strerror(error))) }
        return samples
    }

    func write(_ interleaved: [Float]) throws {
        var error: Int32 = 0
        let status = interleaved.withUnsafeBytes { pa_simple_write(handle, $0.baseAddress, $0.count, &error) }
        if status < 0 { throw AudioDeviceError.lost(device: device, reason: String(cString: pa_strerror(error))) }
    }

    func flush() {
        var error: Int32 = 0
        _ = pa_simple_flush(handle, &error)
    }
}
