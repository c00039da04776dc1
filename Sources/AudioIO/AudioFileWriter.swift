import CSndFile
import Foundation

/// Writes a recording through libsndfile, as 16-bit WAV or FLAC.
public final class AudioFileWriter {
    /// The containers the writer produces.
    public enum Container: String, Sendable, CaseIterable {
        case wav, flac

        /// The container for a path's extension (`.flac` → FLAC, anything else → WAV).
        public init(path: String) {
            self = path.lowercased().hasSuffix(".flac") ? .flac : .wav
        }

        var sfFormat: Int32 {
            switch self {
            case .wav: return Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)
            case .flac: return Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_16)
            }
        }
    }

    public let path: String
    public let sampleRate: Int
    public let channels: Int
    private var handle: OpaquePointer?
    /// Frames written so far.
    public private(set) var framesWritten: Int64 = 0

    /// Creates (or replaces) `path`.
    public init(path: String, sampleRate: Int, channels: Int, container: Container? = nil) throws {
        self.path = path
        self.sampleRate = sampleRate
        self.channels = channels
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = Int32(channels)
        info.format = (container ?? Container(path: path)).sfFormat
        guard let handle = sf_open(path, Int32(SFM_WRITE), &info) else {
            throw AudioIOError.writeFailed(path: path, reason: String(cString: sf_strerror(nil)))
        }
        self.handle = handle
    }

    deinit { if let handle { sf_close(handle) } }

    /// Appends interleaved samples in [-1, 1] (a whole number of frames).
    public func write(_ interleaved: [Float]) throws {
        guard let handle else { throw AudioIOError.writeFailed(path: path, reason: "already closed") }
        let frames = interleaved.count / channels
        errno = 0
        let written = interleaved.withUnsafeBufferPointer { sf_writef_float(handle, $0.baseAddress, sf_count_t(frames)) }
        if written > 0 { framesWritten += Int64(written) }
        if written != frames {
            let cause = errno != 0 ? String(cString: strerror(errno)) : String(cString: sf_strerror(handle))
            throw AudioIOError.writeFailed(path: path, reason: cause)
        }
    }

    /// Makes what was written so far durable: rewrites the header for the frames so far (WAV) and
    /// flushes the file to disk, so a crash or a power cut after this leaves a valid file.
    public func commit() throws {
        guard let handle else { throw AudioIOError.writeFailed(path: path, reason: "already closed") }
        errno = 0
        sf_command(handle, Int32(SFC_UPDATE_HEADER_NOW), nil, 0)
        sf_write_sync(handle)
        if sf_error(handle) != 0 {
            let cause = errno != 0 ? String(cString: strerror(errno)) : String(cString: sf_strerror(handle))
            throw AudioIOError.writeFailed(path: path, reason: cause)
        }
    }

    /// Writes the header and closes the file.
    public func close() throws {
        guard let handle else { return }
        self.handle = nil
        if sf_close(handle) != 0 {
            throw AudioIOError.writeFailed(path: path, reason: "closing failed")
        }
    }
}
