/// Why live audio could not start or went away. Each message is one line a midwife can act on.
public enum AudioDeviceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No sound server (PulseAudio or PipeWire) answers.
    case noServer(reason: String)
    /// The server has no device of that name.
    case noDevice(name: String, known: [String])
    /// The device could not be opened.
    case openFailed(device: String, reason: String)
    /// The device stopped delivering audio in the middle of a call (unplugged, server gone).
    case lost(device: String, reason: String)

    public var description: String {
        switch self {
        case .noServer(let reason):
            return "no audio device: no sound server answers (\(reason)); calls can still be ingested from files"
        case .noDevice(let name, let known):
            return "no audio device named \(name)" + (known.isEmpty ? "" : "; known: \(known.joined(separator: ", "))")
        case .openFailed(let device, let reason): return "cannot open audio device \(device): \(reason)"
        case .lost(let device, let reason): return "audio device \(device) was lost: \(reason)"
        }
    }
}
