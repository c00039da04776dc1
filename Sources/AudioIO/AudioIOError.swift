/// Why an audio file could not be read or written. Every case names the file.
public enum AudioIOError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist or cannot be read.
    case unreadable(path: String, reason: String)
    /// The file has no bytes at all.
    case emptyFile(path: String)
    /// libsndfile does not recognise the file as audio.
    case notAudio(path: String, reason: String)
    /// The file is audio but holds no sample frames.
    case noSamples(path: String)
    /// The file ends before the audio its header announces.
    case truncated(path: String, detail: String)
    /// Decoding failed part-way.
    case corrupt(path: String, detail: String)
    /// Writing failed.
    case writeFailed(path: String, reason: String)

    public var path: String {
        switch self {
        case .unreadable(let p, _), .emptyFile(let p), .notAudio(let p, _), .noSamples(let p),
             .truncated(let p, _), .corrupt(let p, _), .writeFailed(let p, _): return p
        }
    }

    /// The problem without the file name.
    public var reason: String {
        switch self {
        case .unreadable(_, let r): return "cannot read the file (\(r))"
        case .emptyFile: return "empty file"
        case .notAudio(_, let r): return "not an audio file libsndfile can read (\(r))"
        case .noSamples: return "the audio holds no samples"
        case .truncated(_, let d): return "truncated audio: \(d)"
        case .corrupt(_, let d): return "corrupt audio: \(d)"
        case .writeFailed(_, let r): return "cannot write audio (\(r))"
        }
    }

    /// `PATH: reason`, one line.
    public var description: String { "\(path): \(reason)" }
}
