import CSndFile
import Foundation

/// A recording opened for reading through libsndfile: WAV, FLAC, OGG/Opus, MP3 (where the library
/// has it) and every other format it knows, at any rate, mono or one channel per party.
///
/// Samples come out as interleaved `Float` in [-1, 1]. Not thread-safe: one reader per thread.
public final class AudioFile {
    /// The file's path.
    public let path: String
    /// Length, rate, channels and encoding.
    public let info: AudioFileInfo
    private let handle: OpaquePointer
    private let headerProblem: String?

    /// Opens `path`; throws `AudioIOError` naming the file when it is missing, empty or not audio.
    public init(path: String) throws {
        self.path = path
        var attributes = stat()
        guard stat(path, &attributes) == 0 else {
            throw AudioIOError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        if (attributes.st_mode & S_IFMT) == S_IFDIR { throw AudioIOError.unreadable(path: path, reason: "it is a folder") }
        if attributes.st_size == 0 { throw AudioIOError.emptyFile(path: path) }
        var sfInfo = SF_INFO()
        guard let handle = sf_open(path, Int32(SFM_READ), &sfInfo) else {
            let message = String(cString: sf_strerror(nil))
            if access(path, R_OK) != 0 { throw AudioIOError.unreadable(path: path, reason: message) }
            throw AudioIOError.notAudio(path: path, reason: message)
        }
        self.handle = handle
        self.info = AudioFileInfo(frames: Int64(sfInfo.frames), sampleRate: Int(sfInfo.samplerate),
                                  channels: Int(sfInfo.channels), format: AudioFormatName.describe(sfInfo.format))
        self.headerProblem = AudioFile.headerProblem(in: AudioFile.log(handle))
        guard sfInfo.frames > 0, sfInfo.channels > 0, sfInfo.samplerate > 0 else {
            sf_close(handle)
            throw AudioIOError.noSamples(path: path)
        }
        // Buffers follow the declared rate and channels: a header that claims a billion samples a second is a broken
        // (or hostile) file, refused before anything is allocated for it.
        guard AudioFile.plausibleRates.contains(Int(sfInfo.samplerate)), sfInfo.channels <= AudioFile.maxChannels else {
            sf_close(handle)
            throw AudioIOError.notAudio(path: path, reason: "its header claims \(sfInfo.samplerate) Hz and \(sfInfo.channels) channels; "
                                        + "a recording has \(AudioFile.plausibleRates.lowerBound)–\(AudioFile.plausibleRates.upperBound) Hz and at most \(AudioFile.maxChannels) channels")
        }
    }

    deinit { sf_close(handle) }

    /// The sample rates a recording may declare.
    public static let plausibleRates = 1000...384_000
    /// The most channels a recording may declare.
    public static let maxChannels: Int32 = 32

    /// Reads up to `maxFrames` frames, interleaved, into `buffer` (resized as needed); returns the
    /// frames read, 0 at the end. Throws when decoding fails part-way.
    @discardableResult
    public func read(into buffer: inout [Float], maxFrames: Int) throws -> Int {
        let needed = maxFrames * info.channels
        if buffer.count < needed { buffer = [Float](repeating: 0, count: needed) }
        let n = buffer.withUnsafeMutableBufferPointer { sf_readf_float(handle, $0.baseAddress, sf_count_t(maxFrames)) }
        if n < maxFrames, sf_error(handle) != 0 {
            throw AudioIOError.corrupt(path: path, detail: String(cString: sf_strerror(handle)))
        }
        return Int(n)
    }

    /// Every sample of the file, interleaved.
    public func readAll() throws -> [Float] {
        try seek(toFrame: 0)
        var all = [Float]()
        all.reserveCapacity(Int(info.frames) * info.channels)
        var chunk = [Float]()
        while true {
            let n = try read(into: &chunk, maxFrames: 65536)
            if n == 0 { break }
            all.append(contentsOf: chunk[0..<(n * info.channels)])
        }
        return all
    }

    /// Every frame of one channel (the last channel when `channel` is past it).
    public func readChannel(_ channel: Int) throws -> [Float] {
        var out = [Float]()
        out.reserveCapacity(Int(info.frames))
        try forEachBlock(channel: channel) { out += $0 }
        return out
    }

    /// Every frame with its channels averaged: one signal for a call with a party per channel.
    public func readMono() throws -> [Float] {
        var out = [Float]()
        out.reserveCapacity(Int(info.frames))
        try forEachBlock(channel: nil) { out += $0 }
        return out
    }

    /// Reads the file from the start in blocks of up to `maxFrames` and calls `body` with each block's
    /// samples of `channel` (the last channel when past it), or with its channels averaged when `channel`
    /// is nil: a whole call in bounded memory.
    public func forEachBlock(channel: Int?, maxFrames: Int = 32768, _ body: ([Float]) throws -> Void) throws {
        try seek(toFrame: 0)
        let channels = max(1, info.channels), c = channel.map { min(max(0, $0), channels - 1) }
        let divisor = Float(channels)
        var chunk = [Float](), block = [Float]()
        while true {
            let n = try read(into: &chunk, maxFrames: max(1, maxFrames))
            if n == 0 { break }
            block.removeAll(keepingCapacity: true)
            chunk.withUnsafeBufferPointer { b in
                if let c {
                    var i = c
                    while i < n * channels { block.append(b[i]); i += channels }
                } else if channels == 1 {
                    block.append(contentsOf: b[0..<n])
                } else {
                    for f in 0..<n {
                        var sum: Float = 0
                        for k in 0..<channels { sum += b[f * channels + k] }
                        block.append(sum / divisor)
                    }
                }
            }
            try body(block)
        }
    }

    /// Moves the read position to `frame`.
    public func seek(toFrame frame: Int64) throws {
        if sf_seek(handle, sf_count_t(frame), SEEK_SET) < 0 {
            throw AudioIOError.corrupt(path: path, detail: "cannot seek to frame \(frame)")
        }
    }

    /// Decodes the whole file once, without keeping the samples, and throws `truncated` or
    /// `corrupt` when the audio does not hold what its header announces. Cheap for PCM.
    public func validate() throws {
        if let headerProblem { throw AudioIOError.truncated(path: path, detail: headerProblem) }
        try seek(toFrame: 0)
        var total: Int64 = 0
        let chunkFrames = 32768
        var buffer = [Int16](repeating: 0, count: chunkFrames * info.channels)
        while true {
            let n = buffer.withUnsafeMutableBufferPointer { sf_readf_short(handle, $0.baseAddress, sf_count_t(chunkFrames)) }
            if n <= 0 { break }
            total += Int64(n)
        }
        if sf_error(handle) != 0 {
            let message = String(cString: sf_strerror(handle))
            throw AudioIOError.corrupt(path: path, detail: "\(message) after \(total) of \(info.frames) frames")
        }
        if total < info.frames {
            throw AudioIOError.truncated(path: path, detail: "the header announces \(info.frames) frames, the file holds \(total)")
        }
        try seek(toFrame: 0)
    }

    private static func log(_ handle: OpaquePointer) -> String {
        var buffer = [CChar](repeating: 0, count: 8192)
        _ = buffer.withUnsafeMutableBufferPointer { sf_command(handle, Int32(SFC_GET_LOG_INFO), $0.baseAddress, Int32($0.count)) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// libsndfile shortens a truncated WAV/AIFF silently and notes it in its log as
    /// `data : 80000 (should be 39956)`; find that note.
    static func headerProblem(in log: String) -> String? {
        for line in log.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("data"), let open = trimmed.range(of: "(should be ") else { continue }
            let declared = trimmed[trimmed.index(after: trimmed.firstIndex(of: ":") ?? trimmed.startIndex)..<open.lowerBound]
                .trimmingCharacters(in: .whitespaces)
            let actual = trimmed[open.upperBound...].prefix { $0.isNumber }
            guard let d = UInt64(declared), let a = UInt64(actual) else { continue }
            // A streaming writer that never finalised its header writes 0 or 0xFFFFFFFF: not truncation.
            if d > a, d != 0, d != 0xFFFF_FFFF, d != 0xFFFF_FFFF_FFFF_FFFF {
                return "the header announces \(d) bytes of audio, the file holds \(a)"
            }
        }
        return nil
    }
}
