import Foundation
import Language

/// What a file is to ingest, judged by its name.
enum FileKind: Equatable {
    case audio
    case transcript(TranscriptFormat)
    case metadata
    case other

    /// Extensions of the audio containers libsndfile reads.
    static let audioExtensions: Set<String> = [
        "wav", "wave", "flac", "ogg", "oga", "opus", "mp3", "aif", "aiff", "aifc", "au", "snd", "caf",
        "w64", "rf64", "voc", "sd2", "htk", "pvf", "avr", "wve", "mpc2k", "sds", "xi",
    ]

    /// The suffix of metadata sidecars.
    static let metadataSuffix = ".meta.json"

    init(path: String) {
        let name = (path as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased()
        if name.lowercased().hasSuffix(FileKind.metadataSuffix) { self = .metadata }
        else if FileKind.audioExtensions.contains(ext) { self = .audio }
        else if let format = TranscriptFormat(fileExtension: ext) { self = .transcript(format) }
        else { self = .other }
    }

    /// The name that ties a recording to its sidecars: the path without `.meta.json` or the extension.
    static func baseKey(_ path: String) -> String {
        if path.lowercased().hasSuffix(metadataSuffix) { return String(path.dropLast(metadataSuffix.count)) }
        return (path as NSString).deletingPathExtension
    }

    /// Which transcript wins when one recording has several: the timed, speaker-tagged formats first.
    static func transcriptPreference(_ format: TranscriptFormat) -> Int {
        switch format {
        case .webVTT: return 0
        case .textGrid: return 1
        case .srt: return 2
        case .json: return 3
        case .plainText: return 4
        }
    }
}
