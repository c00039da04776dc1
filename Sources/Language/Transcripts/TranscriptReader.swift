import Foundation
import TriageCore

/// Reads a transcript file of any supported format, chosen by its extension.
public enum TranscriptReader {
    /// Reads and parses `path`; throws `TranscriptError` naming the file (and line) on any problem,
    /// including a transcript with no turns.
    public static func read(fileAt path: String) throws -> Transcript {
        let ext = (path as NSString).pathExtension
        guard let format = TranscriptFormat(fileExtension: ext) else {
            throw TranscriptError(path: path, message: "unknown transcript format '.\(ext)'")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TranscriptError(path: path, message: "cannot read the file")
        }
        return try parse(data, format: format, path: path)
    }

    /// Parses transcript bytes in `format`; `path` names the source in errors.
    public static func parse(_ data: Data, format: TranscriptFormat, path: String) throws -> Transcript {
        do {
            if data.isEmpty { throw TranscriptParseError("empty file") }
            let text = try TextDecoding.decode(data, allowLatin1: format == .srt || format == .plainText)
            let turns: [Turn]
            switch format {
            case .webVTT: turns = try WebVTTParser.parse(text)
            case .srt: turns = try SRTParser.parse(text)
            case .textGrid: turns = try TextGridParser.parse(text)
            case .json: turns = try JSONTranscriptParser.parse(text)
            case .plainText: turns = PlainTextTranscriptParser.parse(text)
            }
            if turns.isEmpty { throw TranscriptParseError("the transcript holds no turns") }
            return Transcript(turns: turns, format: format)
        } catch let error as TranscriptParseError {
            throw TranscriptError(path: path, line: error.line, message: error.message)
        }
    }
}
