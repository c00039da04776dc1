/// Where live audio comes from: the desk's capture device, or a file played as if it were one.
/// Everything after this layer (recording, analysis) is the same for both.
public protocol AudioInput: AnyObject {
    /// The device's name, for messages and the archive.
    var deviceName: String { get }
    var format: AudioStreamFormat { get }
    /// Blocks until `frames` frames have arrived and returns them interleaved. A finite source returns
    /// fewer at its end, then an empty array. Throws `AudioDeviceError.lost` when the device goes away.
    func read(frames: Int) throws -> [Float]
    /// Releases the device.
    func close()
}

/// Where audio is played: the desk's output device (the label screen's playback).
public protocol AudioOutput: AnyObject {
    var deviceName: String { get }
    var format: AudioStreamFormat { get }
    /// Queues interleaved samples for playback; blocks while the device's buffer is full.
    func write(_ interleaved: [Float]) throws
    /// Drops what is queued and not yet heard (pause, seek).
    func flush()
    /// Releases the device.
    func close()
}
