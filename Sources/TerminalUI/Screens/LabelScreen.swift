import Acoustics
import Archive
import Foundation
import TriageCore

/// The researcher's screen: a recorded call as a braille waveform and a half-block spectrogram with the
/// playhead, a time ruler and the labels as a lane, the transcript aligned to the playhead, and the
/// researcher's labels as a table. The code list opens over it to choose a code.
enum LabelScreen {
    static func render(_ state: AppState, model: DeskModel, into buffer: inout ScreenBuffer, area: Rect) {
        let lang = state.language
        guard let call = model.calls[safe: state.selected], let detail = model.loadedDetail(call.id) else {
            buffer.put(UIText.text("no calls", lang), x: area.x + 2, y: area.y + 1)
            return
        }
        let overview = model.loadedOverview(call.id) ?? .failure(DeskModel.OverviewProblem(message: UIText.text("no audio", lang)))
        let audioMs = (try? overview.get().durationMs) ?? 0
        let durationMs = max(audioMs, call.durationMs ?? 0, detail.turns.compactMap(\.endMs).max() ?? 0, 1)
        let s = state.label
        let (viewStart, viewSpan) = s.view(durationMs: durationMs)
        let labels = model.labels(call.id)
        var rows = area
        rows.x += 1
        rows.width -= 2
        guard rows.width > 10, rows.height > 8 else { return }

        // Header.
        let zoom = viewSpan < durationMs ? String(format: " ×%.0f", Double(durationMs) / Double(viewSpan)) : ""
        let name = (call.path as NSString).lastPathComponent
        let header = "#\(call.id) \(name) · \(TimeFormat.duration(ms: durationMs)) · \(UIText.text("view", lang)) \(TimeFormat.position(ms: viewStart))–\(TimeFormat.position(ms: viewStart + viewSpan))\(zoom)"
        var x = buffer.put(DisplayWidth.truncate(header, to: rows.width - 22), x: rows.x, y: rows.y, style: .bold)
        let play = (s.playing ? "▶ " : "❚❚ ") + TimeFormat.position(ms: s.playheadMs)
        x = buffer.put("  " + play, x: x, y: rows.y, style: Style(foreground: s.playing ? .green : nil, bold: true))
        if let mark = s.markMs { buffer.put("  ⟦" + TimeFormat.position(ms: mark), x: x, y: rows.y, style: Style(foreground: .yellow, bold: true), maxX: rows.maxX) }
        rows = rows.splitTop(1).1

        let waveHeight = max(3, rows.height / 5), spectrumHeight = max(2, rows.height / 7), transcriptHeight = max(3, rows.height / 5)
        let (waveArea, afterWave) = rows.splitTop(waveHeight)
        let (spectrumArea, afterSpectrum) = afterWave.splitTop(spectrumHeight)
        let (rulerArea, afterRuler) = afterSpectrum.splitTop(1)
        let (laneArea, afterLane) = afterRuler.splitTop(1)
        let (transcriptArea, tableArea) = afterLane.splitTop(transcriptHeight)
        let width = waveArea.width
        func column(_ ms: Int) -> Int { Int((Double(ms - viewStart) / Double(viewSpan) * Double(width)).rounded(.down)) }

        switch overview {
        case .success(let audio):
            // Scaled to the call's loudest sample, so a quiet telephone line still fills the rows.
            let peak = max(audio.peak, 0.001)
            let envelope = audio.envelope(fromMs: viewStart, toMs: viewStart + viewSpan, columns: width * 2).map { ($0.min / peak, $0.max / peak) }
            var marked = labels.map { (column($0.startMs) * 2)..<max(column($0.startMs) * 2 + 1, column($0.endMs) * 2) }
            if let mark = s.markMs { marked.append((column(min(mark, s.playheadMs)) * 2)..<(column(max(mark, s.playheadMs)) * 2 + 1)) }
            BrailleWaveform(columns: envelope, marked: marked).render(into: &buffer, area: waveArea)
            HalfBlockSpectrogram(columns: audio.spectrogram(fromMs: viewStart, toMs: viewStart + viewSpan, columns: width), colours: state.colours)
                .render(into: &buffer, area: spectrumArea)
        case .failure(let problem):
            buffer.put(DisplayWidth.truncate(UIText.text("no audio", lang) + ": " + problem.message, to: width), x: waveArea.x, y: waveArea.y + waveArea.height / 2, style: .dim)
        }
        // The playhead through the waveform and the spectrogram.
        let head = column(s.playheadMs)
        if (0..<width).contains(head) {
            for y in waveArea.y..<spectrumArea.maxY {
                var cell = buffer[waveArea.x + head, y]
                if cell.text == " " { cell.text = "│" }
                cell.style = Style(foreground: .white, bold: true, reverse: !state.colours)
                buffer[waveArea.x + head, y] = cell
            }
        }
        ruler(into: &buffer, area: rulerArea, startMs: viewStart, spanMs: viewSpan)
        lane(labels, selected: s.selectedLabel, model: model, lang: lang, into: &buffer, area: laneArea, column: column)
        transcript(detail.turns, playheadMs: s.playheadMs, into: &buffer, area: transcriptArea)

        let table = TableWidget(headers: ["", UIText.text("from", lang), UIText.text("to", lang), UIText.text("code", lang), UIText.text("annotator", lang), "taxonomy"],
                                rows: labels.enumerated().map { i, l in
                                    [String(i + 1), TimeFormat.position(ms: l.startMs), TimeFormat.position(ms: l.endMs),
                                     model.taxonomy.reason(l.code)?.label.text(for: lang) ?? l.code.rawValue, l.annotator, l.taxonomyVersion]
                                }, selected: s.selectedLabel)
        if labels.isEmpty {
            buffer.put(DisplayWidth.truncate(UIText.text("no labels", lang), to: tableArea.width), x: tableArea.x, y: tableArea.y, style: .dim)
        } else {
            table.render(into: &buffer, area: tableArea)
        }
        if let picker = s.picker { codeList(picker, model: model, lang: lang, into: &buffer, area: area) }
    }

    /// Time ticks every 1, 2, 5, 10, 15, 30 s or minutes, at least ten columns apart.
    static func ruler(into buffer: inout ScreenBuffer, area: Rect, startMs: Int, spanMs: Int) {
        guard area.width > 0 else { return }
        let steps = [1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000]
        let step = steps.first { Double($0) / Double(spanMs) * Double(area.width) >= 10 } ?? 600_000
        var tick = (startMs + step - 1) / step * step
        buffer.put(String(repeating: "─", count: area.width), x: area.x, y: area.y, style: .dim)
        while tick <= startMs + spanMs {
            let x = area.x + Int(Double(tick - startMs) / Double(spanMs) * Double(area.width))
            if x < area.maxX - 1 {
                buffer.put("┴", x: x, y: area.y, style: .dim)
                buffer.put(TimeFormat.position(ms: tick), x: x + 1, y: area.y, style: .dim, maxX: area.maxX)
            }
            tick += step
        }
    }

    static func lane(_ labels: [AnnotationRecord], selected: Int?, model: DeskModel, lang: String, into buffer: inout ScreenBuffer, area: Rect, column: (Int) -> Int) {
        let codes = model.taxonomy.reasons.map(\.code)
        for (i, l) in labels.enumerated() {
            let from = max(0, column(l.startMs)), to = min(area.width, max(column(l.startMs) + 1, column(l.endMs)))
            guard to > from else { continue }
            let colour = ScreenStyle.highlights[(codes.firstIndex(of: l.code.rawValue) ?? 0) % ScreenStyle.highlights.count]
            let style = Style(foreground: .black, background: colour, bold: i == selected, reverse: i == selected)
            let rect = Rect(x: area.x + from, y: area.y, width: to - from, height: 1)
            buffer.fill(rect, with: Cell(" ", style: style))
            let name = model.taxonomy.reason(l.code)?.label.text(for: lang) ?? l.code.rawValue
            buffer.put(DisplayWidth.truncate(name, to: rect.width), x: rect.x, y: rect.y, style: style, maxX: rect.maxX)
        }
    }

    /// The turns from the one at the playhead on; the one being heard in bold.
    static func transcript(_ turns: [Turn], playheadMs: Int, into buffer: inout ScreenBuffer, area: Rect) {
        let current = turns.lastIndex { ($0.startMs ?? 0) <= playheadMs } ?? 0
        let from = max(0, current - 1)
        let paragraphs = turns.enumerated().dropFirst(from).map { i, turn -> HighlightedText.Paragraph in
            let who = turn.speaker == .midwife ? "M" : (turn.speaker == .caller ? "C" : (turn.speaker == .notes ? "N" : "?"))
            let time = turn.startMs.map { TimeFormat.position(ms: $0) + " " } ?? ""
            let style: Style = i == current ? .bold : .dim
            return HighlightedText.Paragraph(prefix: "\(time)\(who): ", prefixStyle: style, text: turn.text,
                                             spans: i == current ? [.init(range: 0..<turn.text.count, style: .bold)] : [])
        }
        HighlightedText(paragraphs: paragraphs).render(into: &buffer, area: area, scroll: 0)
    }

    static func codeList(_ picker: LabelState.CodePicker, model: DeskModel, lang: String, into buffer: inout ScreenBuffer, area: Rect) {
        let codes = model.taxonomy.reasons.map { ($0.code, $0.label.text(for: lang)) }
        let shown = LabelUpdate.filtered(codes, query: picker.query)
        let width = min(area.width - 4, 52), height = min(area.height - 2, shown.count + 4)
        let box = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: max(5, height))
        buffer.fill(box)
        let inside = Frame.draw(into: &buffer, area: box, title: UIText.text("code", lang), style: Style(foreground: .yellow, bold: true))
        let x = buffer.put("/ " + picker.query, x: inside.x, y: inside.y)
        buffer.put("▏", x: x, y: inside.y, style: Style(foreground: .yellow, bold: true))
        let items = shown.enumerated().map { i, c in ListWidget.Item((i < 9 ? "\(i + 1) " : "  ") + c.1) }
        ListWidget(items: items, selected: items.isEmpty ? nil : picker.selected)
            .render(into: &buffer, area: Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: inside.height - 1))
    }
}
