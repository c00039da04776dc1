import Archive
import Foundation
import TriageCore

/// The midwife's screen: the queue of calls, and for the selected one the disposition banner with the red
/// flags that forced it, the ranked reasons with their words, the facts with where each came from, the
/// transcript with the matched words highlighted (denied ones dimmed), and the questions still to ask.
enum TriageScreen {
    static func render(_ state: AppState, model: DeskModel, live: LiveCallView?, now: Date, into buffer: inout ScreenBuffer, area: Rect) {
        let lang = state.language
        // Calls being taken at the other desks (a desk that stopped refreshing for a while is gone).
        let elsewhere = model.otherDesks.filter { now.timeIntervalSince($0.updatedAt) <= LiveCallRecord.staleAfter }
        guard !model.calls.isEmpty || live != nil || !elsewhere.isEmpty else {
            buffer.put(UIText.text("no calls", lang), x: area.x + 2, y: area.y + 1)
            return
        }
        let queueWidth = min(max(24, area.width / 4), 40)
        let (queueArea, detailArea) = area.splitLeft(queueWidth)
        var inside = Frame.draw(into: &buffer, area: queueArea, title: UIText.text("queue", lang))
        // The live call first, then the recent calls.
        if let live {
            let label = live.suggestion?.primaryReason.map { model.taxonomy.reason($0)?.label.text(for: lang) ?? $0.rawValue } ?? ""
            let style = Style(foreground: .red, bold: true, reverse: state.liveSelected)
            buffer.fill(Rect(x: inside.x, y: inside.y, width: inside.width, height: 1), with: Cell(" ", style: style))
            buffer.put(DisplayWidth.truncate("● \(UIText.text("live", lang)) \(TimeFormat.position(ms: live.audioMs)) \(label)", to: inside.width),
                       x: inside.x, y: inside.y, style: style)
            inside = inside.splitTop(1).1
        }
        for other in elsewhere.prefix(max(0, inside.height - 1)) {
            let label = other.disposition.flatMap { model.taxonomy.definition(of: $0)?.label.text(for: lang) } ?? ""
            var style = ScreenStyle.dot(other.disposition?.rawValue).1
            style.bold = true
            buffer.put(DisplayWidth.truncate("◉ \(UIText.text("live", lang)) \(other.user) \(TimeFormat.position(ms: other.audioMs)) \(label)",
                                             to: inside.width), x: inside.x, y: inside.y, style: style)
            inside = inside.splitTop(1).1
        }
        // Only the rows that fit are built (the archive may hold many thousand calls).
        let first = max(0, min(state.selected - inside.height / 2, model.calls.count - inside.height))
        let visible = model.calls[first..<min(model.calls.count, first + inside.height)]
        let items = visible.map { c -> ListWidget.Item in
            let time = c.startedAt.map { String($0.dropFirst(5).prefix(11)).replacingOccurrences(of: "T", with: " ") } ?? "–"
            let label = c.suggestedPrimary.map { model.taxonomy.reason($0)?.label.text(for: lang) ?? $0.rawValue } ?? ""
            return ListWidget.Item("\(time) \(label)", marker: ScreenStyle.dot((c.confirmedDisposition ?? c.suggestedDisposition)?.rawValue))
        }
        ListWidget(items: Array(items), selected: state.liveSelected ? nil : state.selected - first).render(into: &buffer, area: inside)

        var rows = detailArea
        rows.x += 1
        rows.width -= 1
        if state.liveSelected, let live {
            let call = Call(id: 0, sha256: "", path: "", format: nil, sampleRate: nil, channels: 1, frames: nil, durationMs: live.audioMs,
                            metadata: CallMetadata(), transcriptPath: nil)
            let detail = DeskModel.Detail(call: call, turns: live.turns, suggestion: live.suggestion.map(DeskModel.parse), suggestionID: nil, decision: nil)
            var header = ["● \(UIText.text("recording", lang)) \(TimeFormat.position(ms: live.audioMs))"]
            if let started = live.startedAt { header.append(started.description.replacingOccurrences(of: "T", with: " ")) }
            if let f0 = live.recentF0Hz { header.append("F0 \(Int(f0.rounded())) Hz") }
            let (headerArea, gaugeArea) = rows.splitTop(1).0.splitLeft(max(0, rows.width - 26))
            buffer.put(DisplayWidth.truncate(header.joined(separator: " · "), to: headerArea.width - 1), x: headerArea.x, y: headerArea.y,
                       style: Style(foreground: .red, bold: true))
            // How much of the last minute the caller spoke.
            let minute = live.columns.suffix(600)
            let share = minute.isEmpty ? 0 : Double(minute.filter(\.speech).count) / Double(minute.count)
            GaugeWidget(label: UIText.text("speech", lang), ratio: share, text: "\(Int((share * 100).rounded())) %", style: Style(foreground: .cyan))
                .render(into: &buffer, area: gaugeArea)
            rows = rows.splitTop(1).1
            // A device that went away or a full disk: said on a line of its own.
            if let problem = live.problem {
                buffer.put(DisplayWidth.truncate("⚠ " + problem, to: rows.width), x: rows.x, y: rows.y, style: Style(foreground: .yellow, bold: true))
                rows = rows.splitTop(1).1
            }
            let (stripArea, rest) = rows.splitTop(2)
            strip(live, into: &buffer, area: stripArea)
            body(detail, state, model: model, questions: live.questions, into: &buffer, area: rest)
            return
        }
        guard let call = model.calls[safe: state.selected], let detail = model.loadedDetail(call.id) else { return }
        // Header: time, length, caller, gestation.
        let m = detail.call.metadata
        var header = [m.startedAt.map { $0.description.replacingOccurrences(of: "T", with: " ") } ?? "", call.durationMs.map { duration($0) } ?? ""]
        if let w = m.gestationalWeek { header.append(m.gestationalDays.map { "\(w)+\($0)" } ?? "uge \(w)") }
        if let c = m.caller { header.append(UIText.value(c.rawValue, lang)) }
        if let lang = m.language { header.append(lang) }
        buffer.put(DisplayWidth.truncate(header.filter { !$0.isEmpty }.joined(separator: " · "), to: rows.width), x: rows.x, y: rows.y, style: .bold)
        body(detail, state, model: model, questions: nil, into: &buffer, area: rows.splitTop(1).1)
    }

    /// The live call's sound: the caller's level as a sparkline over the speech strip, with the
    /// contraction-like episodes marked.
    static func strip(_ live: LiveCallView, into buffer: inout ScreenBuffer, area: Rect) {
        let columns = live.columns.suffix(area.width)
        SparklineWidget(values: columns.map { Double($0.peak) }, maximum: 0.5, style: Style(foreground: .green))
            .render(into: &buffer, area: Rect(x: area.x, y: area.y, width: area.width, height: 1))
        let firstMs = live.firstColumnMs + (live.columns.count - columns.count) * 100
        let start = area.maxX - columns.count
        for (i, c) in columns.enumerated() {
            let ms = firstMs + i * 100
            let inEpisode = live.episodes.contains { ($0.startMs..<$0.endMs).contains(ms) }
            let cell = inEpisode ? Cell("▬", style: Style(foreground: .yellow, bold: true))
                : (c.speech ? Cell("█", style: Style(foreground: .cyan)) : Cell("·", style: .dim))
            buffer[start + i, area.y + 1] = cell
        }
    }

    /// Her decision on one line, or a loud warning when the suggestion has since become more urgent.
    static func decisionLine(_ detail: DeskModel.Detail, suggested disposition: Disposition?, model: DeskModel, lang: String,
                             into buffer: inout ScreenBuffer, rows: inout Rect) {
        guard let decision = detail.decision else { return }
        let decided = model.taxonomy.definition(of: decision.disposition)?.label.text(for: lang) ?? decision.disposition.rawValue
        if let disposition, TriageScreen.isStale(decision, suggestion: disposition, suggestionID: detail.suggestionID) {
            // The suggestion was made again after her decision and is more urgent now: she must decide again.
            let text = " ⚠ \(UIText.text("decide again", lang)): \(UIText.text("stale decision", lang)) — \(decided) (\(decision.decidedBy)) "
            buffer.fill(Rect(x: rows.x, y: rows.y, width: rows.width, height: 1), with: Cell(" ", style: Style(foreground: .red, bold: true, reverse: true)))
            buffer.put(DisplayWidth.truncate(text, to: rows.width), x: rows.x, y: rows.y, style: Style(foreground: .red, bold: true, reverse: true))
        } else {
            let why = decision.overrideReason.flatMap { model.taxonomy.overrideReason($0)?.label.text(for: lang) ?? $0.rawValue }.map { " · \($0)" } ?? ""
            buffer.put(DisplayWidth.truncate("✔ \(UIText.text("decided", lang)): \(decided) (\(decision.decidedBy))\(why)", to: rows.width), x: rows.x, y: rows.y,
                       style: Style(foreground: .green, bold: true))
        }
        rows = rows.splitTop(1).1
    }

    /// Banner, decision, reasons, facts, transcript and questions of a call (archived or live).
    static func body(_ detail: DeskModel.Detail, _ state: AppState, model: DeskModel, questions: [(text: String, answered: Bool)]?,
                     into buffer: inout ScreenBuffer, area: Rect) {
        let lang = state.language
        var rows = area
        guard let s = detail.suggestion else {
            // No suggestion (no transcript), but her decision all the same.
            buffer.put(UIText.text("no suggestion", lang), x: rows.x, y: rows.y, style: .dim)
            rows = rows.splitTop(1).1
            if detail.decision != nil { decisionLine(detail, suggested: nil, model: model, lang: lang, into: &buffer, rows: &rows) }
            transcript(detail, nil, state, into: &buffer, area: rows)
            return
        }
        // The banner: the suggestion, or the decision beside it.
        let disposition = Disposition(rawValue: s.disposition)
        let label = disposition.flatMap { model.taxonomy.definition(of: $0)?.label.text(for: lang) } ?? s.disposition
        let flags = s.flags.map { model.taxonomy.redFlag($0.code)?.label.text(for: lang) ?? $0.code }
        let bannerText = " " + label.uppercased() + (flags.isEmpty ? "" : "  ·  " + flags.joined(separator: ", ")) + " "
        buffer.fill(Rect(x: rows.x, y: rows.y, width: rows.width, height: 1), with: Cell(" ", style: ScreenStyle.banner(s.disposition)))
        buffer.put(DisplayWidth.truncate(bannerText, to: rows.width), x: rows.x, y: rows.y, style: ScreenStyle.banner(s.disposition))
        rows = rows.splitTop(1).1
        if detail.decision != nil { decisionLine(detail, suggested: disposition, model: model, lang: lang, into: &buffer, rows: &rows) }
        // Reasons with their words.
        let reasonLines = min(s.reasons.count, max(1, rows.height / 6))
        for (i, r) in s.reasons.prefix(reasonLines).enumerated() {
            let name = model.taxonomy.reason(r.code)?.label.text(for: lang) ?? r.code
            let colour = ScreenStyle.highlights[i % ScreenStyle.highlights.count]
            let x = buffer.put("\(i == 0 ? "▶" : " ") \(name) \(String(format: "%.2f", r.score))", x: rows.x, y: rows.y + i, style: Style(foreground: colour, bold: i == 0))
            let words = r.words.prefix(3).map { $0.text(lang) }.joined(separator: " ")
            buffer.put(" " + DisplayWidth.truncate(words, to: max(0, rows.maxX - x - 1)), x: x, y: rows.y + i, style: .dim, maxX: rows.maxX)
        }
        rows = rows.splitTop(reasonLines).1
        // Facts with their sources.
        let facts = TriageScreen.factsInOrder(s.facts, taxonomy: model.taxonomy, language: lang).map { f -> String in
            let source = f.source == "record" ? " (\(UIText.text("record", lang)))" : ""
            if f.name == "gestation" { return "\(f.value)\(source)" }
            let definition = model.taxonomy.fact(FactName(rawValue: f.name))
            let name = definition?.label.text(for: lang) ?? f.name
            return "\(name): \(UIText.value(f.value, lang))\(definition?.unit.map { " \($0)" } ?? "")\(source)"
        }.joined(separator: " · ")
        let factLines = HighlightedText(paragraphs: [HighlightedText.Paragraph(prefix: UIText.text("facts", lang) + ": ", text: facts)])
        let used = min(2, factLines.render(into: &buffer, area: Rect(x: rows.x, y: rows.y, width: rows.width, height: 2)))
        rows = rows.splitTop(used).1
        // Questions at the bottom (a live call ticks them off as they are answered), the transcript in between.
        // Asked in the screen's language: the taxonomy's question for the fact or finding, else the text as stored.
        let asked = questions ?? s.questions.map { q in
            ((q.fact.flatMap { model.taxonomy.fact(FactName(rawValue: $0))?.question } ?? q.finding.flatMap { model.taxonomy.finding($0)?.question })?.text(for: lang)
                ?? q.text, false)
        }
        let open = asked.filter { !$0.answered }.prefix(2).map(\.text)
        let answered = asked.filter(\.answered).suffix(2).map(\.text)
        let questionRows = open.isEmpty && answered.isEmpty ? 0 : 1
        let (transcriptArea, askArea) = rows.splitTop(max(1, rows.height - questionRows))
        if questionRows > 0 {
            var x = askArea.x
            if !open.isEmpty {
                x = buffer.put("? \(UIText.text("ask", lang)): \(open.joined(separator: "  "))  ", x: x, y: askArea.y, style: Style(foreground: .yellow), maxX: askArea.maxX)
            }
            for text in answered { x = buffer.put("✔ \(text)  ", x: x, y: askArea.y, style: Style(foreground: .green, dim: true), maxX: askArea.maxX) }
        }
        transcript(detail, s, state, into: &buffer, area: transcriptArea)
    }

    static func transcript(_ detail: DeskModel.Detail, _ s: DeskModel.Suggestion?, _ state: AppState, into buffer: inout ScreenBuffer, area: Rect) {
        let colours = Dictionary(s?.reasons.enumerated().map { ($1.code, ScreenStyle.highlights[$0 % ScreenStyle.highlights.count]) } ?? [], uniquingKeysWith: { a, _ in a })
        let paragraphs = detail.turns.enumerated().map { i, turn -> HighlightedText.Paragraph in
            let spans = (s?.marks ?? []).filter { $0.turn == i }.map { mark -> HighlightedText.Span in
                mark.negated ? .init(range: mark.range, style: Style(dim: true, underline: true))
                    : .init(range: mark.range, style: Style(foreground: colours[mark.code] ?? .cyan, bold: true))
            }
            let who = turn.speaker == .midwife ? "M" : (turn.speaker == .caller ? "C" : (turn.speaker == .notes ? "N" : "?"))
            let time = turn.startMs.map { String(format: "%02d:%02d ", $0 / 60000, $0 / 1000 % 60) } ?? ""
            return HighlightedText.Paragraph(prefix: "\(time)\(who): ", prefixStyle: turn.speaker == .midwife ? .dim : .bold, text: turn.text, spans: spans)
        }
        HighlightedText(paragraphs: paragraphs).render(into: &buffer, area: area, scroll: state.transcriptScroll)
    }

    static func duration(_ ms: Int) -> String { TimeFormat.duration(ms: ms) }

    /// Whether a decision no longer stands: the call was suggested anew after it (another suggestion than the one she
    /// decided on) and the new suggestion is more urgent than what she decided. The archive keeps both.
    static func isStale(_ decision: DecisionRecord, suggestion: Disposition, suggestionID: Int64?) -> Bool {
        suggestion < decision.disposition && decision.assessmentID != suggestionID
    }

    /// The facts in the taxonomy's order (the decisive first: gestation, first baby, interval, colour …), the week and
    /// its days as one "40+3" so that the narrowest screen shows it first.
    static func factsInOrder(_ facts: [(name: String, value: String, source: String)], taxonomy: Taxonomy,
                             language: String) -> [(name: String, value: String, source: String)] {
        let order = Dictionary(taxonomy.facts.enumerated().map { ($1.name.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        var sorted = facts.sorted { (order[$0.name] ?? .max, $0.name) < (order[$1.name] ?? .max, $1.name) }
        if let week = sorted.firstIndex(where: { $0.name == FactName.gestationalWeek.rawValue }) {
            let days = sorted.first { $0.name == FactName.gestationalDays.rawValue }
            sorted[week] = (name: "gestation", value: days.map { "\(sorted[week].value)+\($0.value)" } ?? "\(language == "en" ? "week" : "uge") \(sorted[week].value)",
                            source: sorted[week].source)
            sorted.removeAll { $0.name == FactName.gestationalDays.rawValue }
        }
        return sorted
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }

}
