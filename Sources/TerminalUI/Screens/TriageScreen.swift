import Foundation
import TriageCore

/// The midwife's screen: the queue of calls, and for the selected one the disposition banner with the red
/// flags that forced it, the ranked reasons with their words, the facts with where each came from, the
/// transcript with the matched words highlighted (denied ones dimmed), and the questions still to ask.
enum TriageScreen {
    static func render(_ state: AppState, model: DeskModel, into buffer: inout ScreenBuffer, area: Rect) {
        let lang = state.language
        guard !model.calls.isEmpty else {
            buffer.put(UIText.text("no calls", lang), x: area.x + 2, y: area.y + 1)
            return
        }
        let queueWidth = min(max(24, area.width / 4), 40)
        let (queueArea, detailArea) = area.splitLeft(queueWidth)
        let inside = Frame.draw(into: &buffer, area: queueArea, title: UIText.text("queue", lang))
        // Only the rows that fit are built (the archive may hold many thousand calls).
        let first = max(0, min(state.selected - inside.height / 2, model.calls.count - inside.height))
        let visible = model.calls[first..<min(model.calls.count, first + inside.height)]
        let items = visible.map { c -> ListWidget.Item in
            let time = c.startedAt.map { String($0.dropFirst(5).prefix(11)).replacingOccurrences(of: "T", with: " ") } ?? "–"
            let label = c.suggestedPrimary.map { model.taxonomy.reason($0)?.label.text(for: lang) ?? $0 } ?? ""
            return ListWidget.Item("\(time) \(label)", marker: ScreenStyle.dot(c.confirmedDisposition ?? c.suggestedDisposition))
        }
        ListWidget(items: Array(items), selected: state.selected - first).render(into: &buffer, area: inside)

        guard let call = model.calls[safe: state.selected], let detail = try? model.detail(call.id) else { return }
        var rows = detailArea
        rows.x += 1
        rows.width -= 1
        // Header: time, length, caller, gestation.
        let m = detail.call.metadata
        var header = [m.startedAt.map { $0.description.replacingOccurrences(of: "T", with: " ") } ?? "", call.durationMs.map { duration($0) } ?? ""]
        if let w = m.gestationalWeek { header.append(m.gestationalDays.map { "\(w)+\($0)" } ?? "uge \(w)") }
        if let c = m.caller { header.append(c.rawValue) }
        if let lang = m.language { header.append(lang) }
        buffer.put(DisplayWidth.truncate(header.filter { !$0.isEmpty }.joined(separator: " · "), to: rows.width), x: rows.x, y: rows.y, style: .bold)
        rows = rows.splitTop(1).1

        guard let s = detail.suggestion else {
            buffer.put(UIText.text("no suggestion", lang), x: rows.x, y: rows.y, style: .dim)
            transcript(detail, nil, state, into: &buffer, area: rows.splitTop(1).1)
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
        if let decision = detail.decision {
            let decided = Disposition(rawValue: decision.disposition).flatMap { model.taxonomy.definition(of: $0)?.label.text(for: lang) } ?? decision.disposition
            buffer.put(DisplayWidth.truncate("✔ \(UIText.text("decided", lang)): \(decided) (\(decision.decidedBy))", to: rows.width), x: rows.x, y: rows.y,
                       style: Style(foreground: .green, bold: true))
            rows = rows.splitTop(1).1
        }
        // Reasons with their words.
        let reasonLines = min(s.reasons.count, max(1, rows.height / 6))
        for (i, r) in s.reasons.prefix(reasonLines).enumerated() {
            let name = model.taxonomy.reason(r.code)?.label.text(for: lang) ?? r.code
            let colour = ScreenStyle.highlights[i % ScreenStyle.highlights.count]
            let x = buffer.put("\(i == 0 ? "▶" : " ") \(name) \(String(format: "%.2f", r.score))", x: rows.x, y: rows.y + i, style: Style(foreground: colour, bold: i == 0))
            let words = r.words.prefix(3).map { "“\($0)”" }.joined(separator: " ")
            buffer.put(" " + DisplayWidth.truncate(words, to: max(0, rows.maxX - x - 1)), x: x, y: rows.y + i, style: .dim, maxX: rows.maxX)
        }
        rows = rows.splitTop(reasonLines).1
        // Facts with their sources.
        let facts = s.facts.map { f -> String in
            let name = model.taxonomy.fact(f.name)?.label.text(for: lang) ?? f.name
            let source = f.source == "record" ? " (\(UIText.text("record", lang)))" : ""
            return "\(name): \(f.value)\(model.taxonomy.fact(f.name)?.unit.map { " \($0)" } ?? "")\(source)"
        }.joined(separator: " · ")
        let factLines = HighlightedText(paragraphs: [HighlightedText.Paragraph(prefix: UIText.text("facts", lang) + ": ", text: facts)])
        let used = min(2, factLines.render(into: &buffer, area: Rect(x: rows.x, y: rows.y, width: rows.width, height: 2)))
        rows = rows.splitTop(used).1
        // Questions at the bottom, the transcript in between.
        let questions = s.questions.prefix(2).joined(separator: "  ")
        let (transcriptArea, askArea) = rows.splitTop(max(1, rows.height - (questions.isEmpty ? 0 : 1)))
        if !questions.isEmpty {
            buffer.put(DisplayWidth.truncate("? \(UIText.text("ask", lang)): \(questions)", to: askArea.width), x: askArea.x, y: askArea.y, style: Style(foreground: .yellow))
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
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
