/// One piece of a suggestion's evidence as the screen shows it: words she said (quoted as said), or what the
/// recording or the model added, which the screen words in its own language.
public enum EvidenceWord: Equatable, Sendable {
    /// Words from the transcript or the notes.
    case said(String)
    /// A contraction-like episode on the caller's channel, of so many seconds.
    case episode(seconds: Int)
    /// The reason model's probability, in per cent.
    case model(percent: Int)

    /// Reads a stored suggestion's evidence item (`source`, `text`, `start_ms`/`end_ms`); nil for one without text.
    init?(_ item: [String: Any]) {
        switch item["source"] as? String {
        case "acoustic":
            let start = item["start_ms"] as? Int ?? 0, end = item["end_ms"] as? Int ?? start
            self = .episode(seconds: max(0, end - start) / 1000)
        case "model":
            guard let text = item["text"] as? String else { return nil }
            // "model 62 %: …": the figure; the features behind it are the model's own names.
            let digits = text.drop { !$0.isNumber }.prefix { $0.isNumber }
            self = .model(percent: Int(digits) ?? 0)
        default:
            guard let text = item["text"] as? String else { return nil }
            self = .said(text)
        }
    }

    /// The evidence in `language`: said words in quotes, the rest in the screen's words.
    func text(_ language: String) -> String {
        switch self {
        case .said(let words): return "“\(words)”"
        case .episode(let seconds): return String(format: UIText.text("episode-evidence", language), seconds)
        case .model(let percent): return String(format: UIText.text("model-evidence", language), percent)
        }
    }
}
