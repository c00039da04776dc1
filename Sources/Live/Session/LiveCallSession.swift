import Acoustics
import Archive
import Foundation
import Synchronization
import Triage
import TriageCore

/// A call in progress: audio chunks, transcript turns and the midwife's notes come in from their
/// threads; after each, the acoustic measures are brought up to date and, when what the classifier
/// sees has changed, the call is classified again. `snapshot` is what the screen draws.
///
/// Memory stays bounded however long the call: the audio is not kept (the recorder writes it), only
/// two numbers per second for episodes and the last `keptColumns` tenths of a second for the strip.
public final class LiveCallSession: Sendable {
    /// Tenths of a second the strip keeps (10 minutes).
    public static let keptColumns = 6000

    private struct State {
        let classifier: TriageClassifier
        /// The streaming feature engine on the caller's channel (its floor follows the loudest frame so far).
        let features: FeatureExtractor
        /// F0 of the caller's voiced frames in the last ten seconds.
        var recentF0: [(timeMs: Int, f0: Float)] = []
        var episodes: EpisodeTracker
        var activity = SpeechActivityDetector()
        var summary = EpisodeSummary(episodes: [])
        var columnFrames = 0, columnPeak = FrameEnergy.floorDB, columnSpeech = 0
        var columns: [LiveColumn] = []
        var droppedColumns = 0
        var turns: [Turn] = []
        var partial: [Speaker: Turn] = [:]
        var textChanged = false
        var assessment: Assessment?
        var record: AssessmentRecord?
        var version = 0
        var problems: [String] = []
    }

    public let callID: Int64
    public let format: (sampleRate: Int, channels: Int)
    /// The caller's channel (episodes and the strip follow her).
    public let callerChannel: Int
    public let metadata: CallMetadata
    public let taxonomy: Taxonomy
    private let state: Mutex<State>

    /// - Parameter model: the reason model beside the rules (as `ModelOptions` chose it), or `nil` for the rules alone.
    public init(taxonomy: Taxonomy, model: ReasonModel? = nil, sampleRate: Int, channels: Int, callerChannel: Int = 0,
                metadata: CallMetadata = CallMetadata(), callID: Int64 = 0) {
        self.taxonomy = taxonomy
        self.format = (sampleRate, max(1, channels))
        self.callerChannel = min(max(0, callerChannel), max(1, channels) - 1)
        self.metadata = metadata
        self.callID = callID
        var settings = FeatureSettings(sampleRate: sampleRate)
        settings.wholeSignalFloor = false
        var classifier = TriageClassifier(taxonomy: taxonomy)
        var problem: String?
        if let model {
            // A model for another taxonomy is left out, and the screen says so.
            do { classifier = try TriageClassifier(taxonomy: taxonomy, model: model) } catch { problem = "\(error)" }
        }
        state = Mutex(State(classifier: classifier, features: FeatureExtractor(settings: settings),
                            episodes: EpisodeTracker(sampleRate: sampleRate)))
        if let problem { state.withLock { $0.problems.append(problem) } }
    }

    /// The call as it is now (made when asked for: the screen asks a few times a second).
    public var snapshot: LiveSnapshot {
        state.withLock { s in
            let f0 = s.recentF0.map(\.f0).sorted()
            return LiveSnapshot(audioMs: s.episodes.audioMs, columns: s.columns, firstColumnMs: s.droppedColumns * 100, episodes: s.summary,
                                turns: s.turns + Self.interim(s), assessment: s.assessment, record: s.record, version: s.version, problems: s.problems,
                                recentF0Hz: f0.isEmpty ? nil : Double(f0[f0.count / 2]))
        }
    }

    /// Changes so far: a screen redraws when this moves.
    public var version: Int { state.withLock { $0.version } }

    private static func interim(_ s: State) -> [Turn] { s.partial.values.sorted { ($0.startMs ?? 0) < ($1.startMs ?? 0) } }

    /// Takes the next chunk of audio (interleaved).
    public func audio(_ interleaved: [Float]) {
        let channels = format.channels, caller = callerChannel
        let mono: [Float] = channels == 1 ? interleaved : stride(from: caller, to: interleaved.count, by: channels).map { interleaved[$0] }
        state.withLock { s in
            let secondsBefore = s.episodes.audioMs / 1000
            var newColumns: [LiveColumn] = []
            s.episodes.append(mono) { level in
                s.columnPeak = max(s.columnPeak, level)
                if s.activity.isSpeech(level: level) { s.columnSpeech += 1 }
                s.columnFrames += 1
                if s.columnFrames == 10 {
                    newColumns.append(LiveColumn(peak: min(1, powf(10, s.columnPeak / 20)), speech: s.columnSpeech >= 5))
                    s.columnFrames = 0; s.columnPeak = FrameEnergy.floorDB; s.columnSpeech = 0
                }
            }
            s.columns.append(contentsOf: newColumns)
            for frame in s.features.append(mono) where frame.voiced { s.recentF0.append((frame.timeMs, frame.f0Hz)) }
            if let last = s.recentF0.last?.timeMs, let stale = s.recentF0.firstIndex(where: { $0.timeMs > last - 10_000 }), stale > 0 {
                s.recentF0.removeFirst(stale)
            }
            if s.columns.count > Self.keptColumns + 1000 {
                let drop = s.columns.count - Self.keptColumns
                s.columns.removeFirst(drop)
                s.droppedColumns += drop
            }
            if s.episodes.audioMs / 1000 != secondsBefore {
                let summary = s.episodes.summary()
                if summary != s.summary {
                    s.summary = summary
                    s.textChanged = true // what the classifier sees has changed
                }
            }
        }
        refresh()
    }

    /// Takes a transcript turn; an interim one replaces the last interim one of the same speaker.
    public func transcript(_ turn: Turn, partial: Bool = false) {
        state.withLock { s in
            if partial { s.partial[turn.speaker] = turn } else {
                s.partial[turn.speaker] = nil
                s.turns.append(turn)
            }
            s.textChanged = true
        }
        refresh()
    }

    /// Takes what the live transcript feed brought.
    public func transcript(_ event: LiveTranscriptParser.Event) {
        switch event {
        case .turn(let turn, let partial): transcript(turn, partial: partial)
        case .problem(let message):
            state.withLock { s in s.problems.append(message) }
            refresh()
        }
    }

    /// Takes the midwife's typed note: it counts as text for the classifier.
    public func note(_ text: String) {
        transcript(Turn(speaker: .notes, text: text))
    }

    /// Every final turn so far (for archiving the call when it ends).
    public var turns: [Turn] { state.withLock { $0.turns } }

    /// Classifies again when what the classifier sees has changed.
    private func refresh() {
        state.withLock { s in
            let turns = s.textChanged ? s.turns + Self.interim(s) : []
            if !turns.isEmpty {
                s.assessment = s.classifier.classify(CallInput(id: callID == 0 ? "live" : String(callID), startedAt: metadata.startedAt,
                                                               metadata: metadata, turns: turns, acoustic: s.summary))
                s.record = s.assessment.map { AssessmentRecord($0, callID: callID, taxonomy: taxonomy) }
            }
            s.textChanged = false
            s.version += 1
        }
    }
}
