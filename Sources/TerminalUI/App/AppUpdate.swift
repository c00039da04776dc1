import Foundation
import TriageCore

/// What a key does: a new state, and maybe something to do with the archive.
public enum AppUpdate {
    public enum Effect: Equatable {
        case none
        /// Store the midwife's decision for the selected call: this disposition (nil: the suggestion's).
        case decide(disposition: Disposition?)
        /// Add the typed note to the selected call and classify it again.
        case addNote(String)
        /// Label a range of the selected call with a code.
        case annotate(startMs: Int, endMs: Int, code: String)
        /// Give a label another code.
        case retag(id: Int64, code: String)
        /// Move a label to another range.
        case moveLabel(id: Int64, startMs: Int, endMs: Int)
        /// Take a label out of force (it is kept, and undo puts it back).
        case deleteLabel(id: Int64)
        /// Undo the last label change.
        case undo
        /// Play the selected call from a position; pause it.
        case play(fromMs: Int)
        case pause
        /// Start or stop recording a live call.
        case toggleRecording
        /// Write what the statistics screen shows to CSV files.
        case exportStatistics
        /// Give the decision just stored the taxonomy's override reason number `index` (and her words).
        case overrideReason(callID: Int64, decisionID: Int64, index: Int, text: String?)
    }

    /// The statistics screen's periods, in the order `d` steps through them.
    public static let statisticsPeriods: [Int?] = [nil, 7, 30, 365]

    public static func handle(_ key: Key, state: inout AppState, callCount: Int, label: LabelUpdate.Context? = nil, reasonCount: Int = 0,
                              overrideReasons: [OverrideReason] = []) -> Effect {
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
        // Just after an override: one key picks her reason; any other key closes the picker and does what it does.
        if var prompt = state.overridePrompt {
            if let picked = prompt.picked {
                switch key {
                case .enter:
                    state.overridePrompt = nil
                    let text = prompt.text.trimmingCharacters(in: .whitespaces)
                    return .overrideReason(callID: prompt.callID, decisionID: prompt.decisionID, index: picked, text: text.isEmpty ? nil : text)
                case .escape: state.overridePrompt = nil
                case .backspace: if !prompt.text.isEmpty { prompt.text.removeLast() }; state.overridePrompt = prompt
                case .character(let ch): prompt.text.append(ch); state.overridePrompt = prompt
                default: break
                }
                return .none
            }
            state.overridePrompt = nil
            if key == .escape { return .none }
            if case .character(let ch) = key, let index = OverridePrompt.keys.firstIndex(of: ch), overrideReasons.indices.contains(index) {
                guard overrideReasons[index].freeText else {
                    return .overrideReason(callID: prompt.callID, decisionID: prompt.decisionID, index: index, text: nil)
                }
                prompt.picked = index
                state.overridePrompt = prompt
                return .none
            }
        }
        if state.showHelp {
            state.showHelp = false
            if key != .character("q") { return .none }
        }
        state.message = nil
        if state.screen == .label, let label {
            let wasOpen = state.label.picker != nil
            if let effect = LabelUpdate.handle(key, state: &state.label, context: label) { return effect }
            if wasOpen { return .none }
        }
        switch key {
        case .character("q"), .escape: state.quitting = true
        case .character("?"): state.showHelp = true
        case .character("l"): state.language = state.language == "da" ? "en" : "da"
        case .tab:
            let screens = state.screens.isEmpty ? [state.screen] : state.screens
            state.screen = screens[((screens.firstIndex(of: state.screen) ?? -1) + 1) % screens.count]
            if state.label.playing { state.label.playing = false; return .pause }
        case .up where state.screen == .triage && state.liveSelected: break
        case .up where state.screen == .triage && state.hasLiveCall && state.selected == 0 && !state.liveSelected:
            state.liveSelected = true
        case .down where state.screen == .triage && state.liveSelected:
            state.liveSelected = false
        case .up where state.screen != .statistics && state.screen != .quality, .down where state.screen != .statistics && state.screen != .quality:
            state.liveSelected = false
            let next = key == .up ? max(0, state.selected - 1) : min(max(0, callCount - 1), state.selected + 1)
            guard next != state.selected else { break }
            state.selected = next
            state.transcriptScroll = 0
            let wasPlaying = state.label.playing
            state.label = LabelState()
            if wasPlaying { return .pause }
        case .pageDown: state.transcriptScroll += 5
        case .pageUp: state.transcriptScroll = max(0, state.transcriptScroll - 5)
        case .character("k") where state.screen == .statistics: state.statisticsConfirmed.toggle()
        case .character("g") where state.screen == .statistics: state.statisticsReplays.toggle()
        case .character("d") where state.screen == .statistics:
            let periods = statisticsPeriods
            state.statisticsDays = periods[((periods.firstIndex(of: state.statisticsDays) ?? 0) + 1) % periods.count]
        case .character("a") where state.screen == .statistics && reasonCount > 0:
            state.statisticsReason = state.statisticsReason.map { $0 + 1 < reasonCount ? $0 + 1 : nil } ?? 0
        case .character("e") where state.screen == .statistics: return .exportStatistics
        case .character("m") where state.screen == .quality: state.qualityMonthly.toggle()
        case .character("c") where state.screen == .triage && callCount > 0: return .decide(disposition: nil)
        case .character("n") where state.screen == .triage && callCount > 0: state.noteDraft = ""
        case .character("r") where state.screen == .triage: return .toggleRecording
        case .character(let ch) where state.screen == .triage && callCount > 0:
            if let n = ch.wholeNumberValue, (1...Disposition.allCases.count).contains(n) {
                return .decide(disposition: Disposition.allCases[n - 1])
            }
        default: break
        }
        return .none
    }
}
