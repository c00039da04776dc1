import Archive
import TriageCore

/// The desk's live call as the triage screen shows it: recording, transcript, suggestion and sound so far.
public struct LiveCallView: Sendable {
    public var startedAt: LocalDateTime?
    public var audioMs: Int
    public var turns: [Turn]
    public var suggestion: AssessmentRecord?
    /// The caller's channel, 100 ms a column, oldest first: peak level in [0, 1] and speech.
    public var columns: [(peak: Float, speech: Bool)]
    /// The audio time of the first column.
    public var firstColumnMs: Int
    /// Contraction-like episodes so far (audio times).
    public var episodes: [(startMs: Int, endMs: Int)]
    /// Every question asked for so far during this call; answered ones are ticked off.
    public var questions: [(text: String, answered: Bool)]
    /// What went wrong with the device or the disk, if anything.
    public var problem: String?
    /// Increases with every change.
    public var version: Int
    /// The caller's recent median F0 (Hz), when she has been voiced lately.
    public var recentF0Hz: Double?

    public init(startedAt: LocalDateTime?, audioMs: Int, turns: [Turn], suggestion: AssessmentRecord?, columns: [(peak: Float, speech: Bool)],
                firstColumnMs: Int, episodes: [(startMs: Int, endMs: Int)], questions: [(text: String, answered: Bool)], problem: String?, version: Int,
                recentF0Hz: Double? = nil) {
        self.recentF0Hz = recentF0Hz
        self.startedAt = startedAt; self.audioMs = audioMs; self.turns = turns; self.suggestion = suggestion; self.columns = columns
        self.firstColumnMs = firstColumnMs; self.episodes = episodes; self.questions = questions; self.problem = problem; self.version = version
    }
}

/// Starts and stops the desk's live call and takes the midwife's notes for it. The executable wires it to
/// the audio device, the recorder and the live analysis; tests use a scripted one.
public protocol LiveDesk: AnyObject {
    /// The call being recorded; nil when none is. Making it may be costly: screens ask once per frame.
    var call: LiveCallView? { get }
    /// A call is being recorded (cheap to ask).
    var isRecording: Bool { get }
    /// Changes with every change to the live call (cheap to ask; -1 when none is recorded).
    var version: Int { get }
    /// Starts recording; throws a one-line error (no audio device).
    func start() throws
    /// Stops recording and archives the call; returns its id in the archive (nil when it could not be archived) and a message.
    func stop() -> (callID: Int64?, message: String)
    /// The midwife's typed note for the live call: it counts as text.
    func note(_ text: String)
}

extension LiveDesk {
    public var isRecording: Bool { call != nil }
    public var version: Int { call?.version ?? -1 }
}
