import Foundation
import TriageCore

/// What a key does: a new state, and maybe something to do with the archive.
public enum AppUpdate {
    public enum Effect: Equatable {
        case none
        /// Store the midwife's decision for the selected call: this disposition (nil: the suggestion's).
        case decide(disposition: String?)
        /// Add the typed note to the selected call and classify it again.
        case addNote(String)
    }

    public static func handle(_ key: Key, state: inout AppState, callCount: Int) -> Effect {
        // While a note is typed, keys are text.
        if var draft = state.noteDraft {
            switch key {
            case .enter:
                state.noteDraft = nil
                let note = draft.trimmingCharacters(in: .whitespaces)
                return note.isEmpty ? .none : .addNote(note)
            case .escape: state.noteDraft = nil
            case .backspace: if !draft.isEmpty { draft.removeLast() }; state.noteDraft = draft
            case .character(let ch): state.noteDraft = draft + String(ch)
            default: break
            }
            return .none
        }
        if state.showHelp {
            state.showHelp = false
            if key != .character("q") { return .none }
        }
        state.message = nil
        switch key {
        case .character("q"), .escape: state.quitting = true
        case .character("?"): state.showHelp = true
        case .character("l"): state.language = state.language == "da" ? "en" : "da"
        case .tab: state.screen = state.screen == .triage ? .statistics : .triage
        case .up where state.screen == .triage:
            state.selected = max(0, state.selected - 1)
            state.transcriptScroll = 0
        case .down where state.screen == .triage:
            state.selected = min(max(0, callCount - 1), state.selected + 1)
            state.transcriptScroll = 0
        case .pageDown: state.transcriptScroll += 5
        case .pageUp: state.transcriptScroll = max(0, state.transcriptScroll - 5)
        case .character("k") where state.screen == .statistics: state.statisticsConfirmed.toggle()
        case .character("c") where state.screen == .triage && callCount > 0: return .decide(disposition: nil)
        case .character("n") where state.screen == .triage && callCount > 0: state.noteDraft = ""
        case .character(let ch) where state.screen == .triage && callCount > 0:
            if let n = ch.wholeNumberValue, (1...Disposition.allCases.count).contains(n) {
                return .decide(disposition: Disposition.allCases[n - 1].rawValue)
            }
        default: break
        }
        return .none
    }
}
