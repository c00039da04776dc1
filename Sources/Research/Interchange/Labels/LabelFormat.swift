/// The label interchange formats `triage labels export|import` speak, and what each can hold.
public enum LabelFormat: String, CaseIterable, Sendable {
    /// Praat TextGrid: interval tiers, one per annotator.
    case textgrid
    /// ELAN annotation file: tiers per annotator, the taxonomy as a controlled vocabulary.
    case eaf
    /// Label Studio's JSON tasks for audio: annotations (or predictions) with `labels` results.
    case labelstudio
    /// An Audacity label track: `start<TAB>end<TAB>label` in seconds.
    case audacity
    /// WebVTT cues, the annotator as the cue's voice.
    case vtt
    /// SubRip cues.
    case srt

    public var fileExtension: String {
        switch self {
        case .textgrid: "TextGrid"
        case .eaf: "eaf"
        case .labelstudio: "json"
        case .audacity: "txt"
        case .vtt: "vtt"
        case .srt: "srt"
        }
    }

    /// Whether a file names who gave each label; where it does not, one file holds one annotator's labels.
    public var holdsAnnotator: Bool { self != .audacity && self != .srt }

    /// Whether a file holds the audio channel a label is on.
    public var holdsChannel: Bool { self == .labelstudio }

    /// Whether one file holds many calls (Label Studio's list of tasks); else a file is one call.
    public var holdsManyCalls: Bool { self == .labelstudio }

    /// The names, for usage messages: `textgrid, eaf, …`.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
