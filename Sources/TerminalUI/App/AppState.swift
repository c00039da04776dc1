/// Everything the screens depend on besides the archive: which screen, which call, the language, the
/// overlay, the last message. Rendering is a pure function of this and the model.
public struct AppState: Sendable, Equatable {
    public enum Screen: String, Sendable { case triage, statistics }

    public var screen: Screen = .triage
    /// "da" or "en"; Danish first.
    public var language = "da"
    public var selected = 0
    public var transcriptScroll = 0
    public var showHelp = false
    public var message: String?
    /// Whose reasons the statistics screen counts.
    public var statisticsConfirmed = false
    public var quitting = false
    /// The note being typed, while the note prompt is open.
    public var noteDraft: String?

    public init() {}
}
