import Foundation
import Live
import TriageCore

/// One line on a terminal's standard error that follows a live recording: time, speech, suggestion.
final class LiveStatusLine {
    let enabled: Bool
    private var lastSecond = -1

    init(enabled: Bool) { self.enabled = enabled }

    /// Shows the call at `audioMs`, once a second; the snapshot is only made then.
    func show(audioMs: Int, _ snapshot: @autoclosure () -> LiveSnapshot) {
        guard enabled, audioMs / 1000 != lastSecond else { return }
        lastSecond = audioMs / 1000
        let snapshot = snapshot()
        let speaking = snapshot.columns.suffix(5).contains(where: \.speech) ? "speech" : "quiet "
        let suggestion = snapshot.record.map { "\($0.disposition) · \($0.primaryReason ?? "-")" } ?? "no text yet"
        FileHandle.standardError.write(Data("\r● \(TimeFormat.position(ms: snapshot.audioMs))  \(speaking)  \(snapshot.turns.count) turns  \(suggestion)\u{1B}[K".utf8))
    }

    func end() { if enabled, lastSecond >= 0 { FileHandle.standardError.write(Data("\n".utf8)) } }
}
