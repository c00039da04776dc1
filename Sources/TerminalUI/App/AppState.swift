/// Everything the screens depend on besides the archive: which screen, which call, the language, the
/// overlay, the last message. Rendering is a pure function of this and the model.
public struct AppState: Sendable, Equatable {
    public enum Screen: String, Sendable, CaseIterable { case triage, label, statistics, quality }

    public var screen: Screen = .triage
    /// The screens the user's roles open, in `Tab` order (a coordinator has only the statistics and the quality).
    public var screens: [Screen] = Screen.allCases
    /// "da" or "en"; Danish first.
    public var language = "da"
    public var selected = 0
    public var transcriptScroll = 0
    public var showHelp = false
    public var message: String?
    /// Whose reasons the statistics screen counts.
    public var statisticsConfirmed = false
    /// The statistics screen's period: days back from the newest call (nil: every call).
    public var statisticsDays: Int?
    /// The statistics screen's reason filter: an index into the taxonomy's reasons (nil: every reason).
    public var statisticsReason: Int?
    /// The statistics screen counts the replays of known calls too (the demo's live calls; left out by default).
    public var statisticsReplays = false
    public var quitting = false
    /// The note being typed, while the note prompt is open.
    public var noteDraft: String?
    /// The override-reason picker, just after a decision other than the suggestion.
    public var overridePrompt: OverridePrompt?
    /// The quality screen per month rather than per ISO week.
    public var qualityMonthly = false
    /// The label screen's view, playhead, marks and code list.
    public var label = LabelState()
    /// A live call is being recorded (the queue's first row), and it is the one shown.
    public var hasLiveCall = false
    public var liveSelected = false
    /// Who uses the screen: decisions and labels are stored under this name.
    public var user = ""
    /// The terminal shows colours (else styles fall back to attributes, the spectrogram to shades).
    public var colours = true

    public init() {}
}
