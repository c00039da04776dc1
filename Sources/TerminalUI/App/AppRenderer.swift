import Foundation

/// Draws a whole frame from the state: the title bar with the clock, the screen, the status line with the
/// keys (or the last message), and the help overlay when open. Pure: same state, same frame.
public enum AppRenderer {
    public static func render(_ state: AppState, model: DeskModel, width: Int, height: Int, now: Date, live: LiveCallView? = nil) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        guard width >= 20, height >= 5 else {
            buffer.put("80×24", x: 0, y: 0)
            return buffer
        }
        let lang = state.language
        let title = " \(UIText.text("title", lang)) · " + AppState.Screen.allCases.map { s in
            s == state.screen ? "[\(UIText.text(s.rawValue, lang))]" : UIText.text(s.rawValue, lang)
        }.joined(separator: "  ")
        buffer.fill(Rect(x: 0, y: 0, width: width, height: 1), with: Cell(" ", style: .reverse))
        buffer.put(DisplayWidth.truncate(title, to: width - 7), x: 0, y: 0, style: Style(bold: true, reverse: true))
        buffer.put(clock(now), x: width - 6, y: 0, style: .reverse)
        let body = Rect(x: 0, y: 1, width: width, height: height - 2)
        switch state.screen {
        case .triage: TriageScreen.render(state, model: model, live: live, now: now, into: &buffer, area: body)
        case .label: LabelScreen.render(state, model: model, into: &buffer, area: body)
        case .statistics: StatisticsScreen.render(state, model: model, now: now, into: &buffer, area: body)
        case .quality: QualityScreen.render(state, model: model, into: &buffer, area: body)
        }
        let keys = ["triage": "keys", "label": "keys-label", "statistics": "keys-stats", "quality": "keys-quality"][state.screen.rawValue] ?? "keys"
        // A failed load of what the screen shows is said, not hidden; a message of the user's last key comes first.
        let status = state.message ?? model.problem.map { "⚠ \($0)" } ?? UIText.text(keys, lang)
        buffer.fill(Rect(x: 0, y: height - 1, width: width, height: 1), with: Cell(" ", style: .reverse))
        buffer.put(DisplayWidth.truncate(" " + status, to: width), x: 0, y: height - 1, style: .reverse)
        if let prompt = state.overridePrompt {
            if let picked = prompt.picked, model.taxonomy.overrideReasons.indices.contains(picked) {
                PromptWidget(title: model.taxonomy.overrideReasons[picked].label.text(for: lang), text: prompt.text, hint: UIText.text("note-hint", lang))
                    .render(into: &buffer, area: Rect(x: 0, y: 1, width: width, height: height - 2))
            } else {
                // The picker on the line over the status line: the reasons with their keys.
                let choices = zip(OverridePrompt.keys, model.taxonomy.overrideReasons).map { "\($0) \($1.label.text(for: lang))" }
                let text = " \(UIText.text("why", lang)) " + choices.joined(separator: "  ") + "  · " + UIText.text("skip", lang)
                let style = Style(foreground: .yellow, bold: true, reverse: true)
                buffer.fill(Rect(x: 0, y: height - 2, width: width, height: 1), with: Cell(" ", style: style))
                buffer.put(DisplayWidth.truncate(text, to: width), x: 0, y: height - 2, style: style)
            }
        }
        if let draft = state.noteDraft {
            PromptWidget(title: UIText.text("note", lang), text: draft, hint: UIText.text("note-hint", lang))
                .render(into: &buffer, area: Rect(x: 0, y: 1, width: width, height: height - 2))
        }
        if state.showHelp { HelpOverlay(title: UIText.text("help", lang), lines: UIText.help(lang)).render(into: &buffer) }
        return buffer
    }

    static func clock(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&t, &parts)
        return String(format: "%02d:%02d", parts.tm_hour, parts.tm_min)
    }
}
