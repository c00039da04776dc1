/// The transcript formats the product reads.
public enum TranscriptFormat: String, Sendable, CaseIterable, Codable {
    case webVTT = "webvtt"
    case srt
    case textGrid = "textgrid"
    case json
    case plainText = "text"

    /// The format for a file extension (case-insensitive, without the dot), `nil` if none.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "vtt", "webvtt": self = .webVTT
        case "srt": self = .srt
        case "textgrid": self = .textGrid
        case "json": self = .json
        case "txt", "text": self = .plainText
        default: return nil
        }
    }
}
