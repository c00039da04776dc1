import Foundation
@testable import Research

/// Labels the format tests write and read back: two annotators, an overlap within one, a note with a colon and
/// Danish letters, a channel, a label at the very start of the call.
enum LabelSamples {
    static let labels: [InterchangeLabel] = [
        InterchangeLabel(annotator: "anna", startMs: 0, endMs: 1_250, code: "labour_contractions", note: "hver 5. minut: regelmæssige"),
        InterchangeLabel(annotator: "anna", startMs: 1_000, endMs: 4_005, code: "rupture_of_membranes"),
        InterchangeLabel(annotator: "anna", startMs: 6_000, endMs: 7_500, code: "vaginal_bleeding", note: "\"lidt\" blod & <slim>"),
        InterchangeLabel(annotator: "bo", startMs: 500, endMs: 1_250, code: "labour_contractions"),
        InterchangeLabel(annotator: "bo", startMs: 9_999, endMs: 12_001, code: "reduced_fetal_movements", channel: 0),
    ]

    static let sheet = LabelSheet(callID: 7, durationMs: 15_000, mediaName: "call-7.flac", labels: labels)

    /// The labels without what a read adds (the place) or what the format cannot hold, in a stable order.
    static func comparable(_ labels: [InterchangeLabel], channel: Bool = false, annotator: Bool = true) -> [InterchangeLabel] {
        labels.map {
            InterchangeLabel(annotator: annotator ? $0.annotator : nil, startMs: $0.startMs, endMs: $0.endMs, code: $0.code,
                             note: $0.note, channel: channel ? $0.channel : nil)
        }.sorted { ($0.annotator ?? "", $0.startMs, $0.endMs, $0.code) < ($1.annotator ?? "", $1.startMs, $1.endMs, $1.code) }
    }

    static func of(_ annotator: String) -> [InterchangeLabel] { labels.filter { $0.annotator == annotator } }
}
