import Archive

/// A labelled call as a dataset holds it: its labels in time order, its recording (nil when the archive has none),
/// where in the recording an identifier was said (beeped in the dataset's copy), its stored acoustic summaries and
/// its length.
public struct DatasetCall: Sendable {
    public var id: Int64
    public var durationMs: Int?
    public var labels: [AnnotationRecord]
    /// The recording to copy or point to: the store's copy (or the original), nil for a call without audio.
    public var recording: String?
    /// Why a call with audio has no recording to give (removed under retention, missing, damaged).
    public var recordingProblem: String?
    public var features: [CallFeatureRecord]
    /// The stretches of the recording, in milliseconds, where an identifier was said: the dataset's copy is beeped there.
    public var spoken: [Range<Int>]

    public init(id: Int64, durationMs: Int?, labels: [AnnotationRecord], recording: String?, recordingProblem: String? = nil,
                features: [CallFeatureRecord] = [], spoken: [Range<Int>] = []) {
        self.id = id; self.durationMs = durationMs; self.labels = labels; self.recording = recording; self.recordingProblem = recordingProblem
        self.features = features; self.spoken = spoken
    }

    /// The notice for a call left out of an audio dataset.
    var skippedNotice: String { "call \(id): skipped, " + (recordingProblem.map { "its recording cannot be read: \($0)" } ?? "it has no recording") }

    /// The call's codes, each once, in byte order.
    public var codes: [String] { Set(labels.map(\.code.rawValue)).sorted(by: DatasetText.byteOrder) }

    /// The code labelled most often on the call (ties to the first in byte order); the split's stratum.
    public var primary: String { Self.primary(of: labels.map(\.code.rawValue)) ?? "" }

    /// The most frequent of `codes`, ties to the first in byte order; nil for none.
    public static func primary(of codes: [String]) -> String? {
        var counts: [String: Int] = [:]
        for code in codes { counts[code, default: 0] += 1 }
        return counts.min { a, b in a.value != b.value ? a.value > b.value : DatasetText.byteOrder(a.key, b.key) }?.key
    }

    /// The name the dataset gives the call and its files: `call-ID`, never a source path.
    public var name: String { "call-\(id)" }
}
