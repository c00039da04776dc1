import Archive

/// What a key does on the label screen: move the playhead, zoom and pan, play and pause, mark a range
/// and choose its code, select, move, retag and delete labels, undo.
public enum LabelUpdate {
    /// What the screen needs to know about the open call.
    public struct Context {
        public var durationMs: Int
        public var labels: [AnnotationRecord]
        /// The codes the list offers, in taxonomy order, with their labels for searching.
        public var codes: [(code: String, label: String)]

        public init(durationMs: Int, labels: [AnnotationRecord], codes: [(code: String, label: String)]) {
            self.durationMs = durationMs; self.labels = labels; self.codes = codes
        }
    }

    /// The codes matching a search: every word typed appears in the code or its label.
    static func filtered(_ codes: [(code: String, label: String)], query: String) -> [(code: String, label: String)] {
        let words = query.lowercased().split(separator: " ")
        return codes.filter { c in words.allSatisfy { c.code.lowercased().contains($0) || c.label.lowercased().contains($0) } }
    }

    static func handle(_ key: Key, state s: inout LabelState, context: Context) -> AppUpdate.Effect? {
        let total = max(1, context.durationMs)
        if var picker = s.picker {
            let shown = filtered(context.codes, query: picker.query)
            func choose(_ index: Int) -> AppUpdate.Effect? {
                guard shown.indices.contains(index) else { return AppUpdate.Effect.none }
                s.picker = nil
                switch picker.purpose {
                case .create(let start, let end): return .annotate(startMs: start, endMs: end, code: shown[index].code)
                case .retag(let id): return .retag(id: id, code: shown[index].code)
                }
            }
            switch key {
            case .escape: s.picker = nil
            case .enter: return choose(picker.selected)
            case .up: picker.selected = max(0, picker.selected - 1); s.picker = picker
            case .down: picker.selected = min(max(0, shown.count - 1), picker.selected + 1); s.picker = picker
            case .backspace: if !picker.query.isEmpty { picker.query.removeLast() }; picker.selected = 0; s.picker = picker
            case .character(let ch) where picker.query.isEmpty && ch.isNumber:
                if let n = ch.wholeNumberValue, n >= 1 { return choose(n - 1) }
            case .character(let ch): picker.query.append(ch); picker.selected = 0; s.picker = picker
            default: break
            }
            return AppUpdate.Effect.none
        }
        let view = s.view(durationMs: total)
        let step = max(100, view.spanMs / 20)
        let selected = s.selectedLabel.flatMap { context.labels.indices.contains($0) ? context.labels[$0] : nil }
        switch key {
        case .left: s.playheadMs = max(0, s.playheadMs - step)
        case .right: s.playheadMs = min(total, s.playheadMs + step)
        case .home: s.playheadMs = 0
        case .end: s.playheadMs = total
        case .character("+"), .character("="): zoom(&s, to: view.spanMs / 2, total: total)
        case .character("-"): zoom(&s, to: view.spanMs * 2, total: total)
        case .character("<"): s.playheadMs = max(0, s.playheadMs - view.spanMs / 2); s.viewStartMs = max(0, view.startMs - view.spanMs / 2)
        case .character(">"): s.playheadMs = min(total, s.playheadMs + view.spanMs / 2); s.viewStartMs = view.startMs + view.spanMs / 2
        case .character(" "):
            s.playing.toggle()
            return s.playing ? .play(fromMs: s.playheadMs) : .pause
        case .character("m"):
            if let mark = s.markMs {
                s.markMs = nil
                let (a, b) = (min(mark, s.playheadMs), max(mark, s.playheadMs))
                guard b > a else { return AppUpdate.Effect.none }
                s.picker = LabelState.CodePicker(purpose: .create(startMs: a, endMs: b))
            } else {
                s.markMs = s.playheadMs
            }
        case .escape where s.markMs != nil: s.markMs = nil
        case .character("n"), .character("p"):
            guard !context.labels.isEmpty else { break }
            let forward = key == .character("n")
            let index: Int
            if forward { index = context.labels.firstIndex { $0.startMs > s.playheadMs } ?? 0 }
            else { index = context.labels.lastIndex { $0.startMs < s.playheadMs } ?? (context.labels.count - 1) }
            s.selectedLabel = index
            s.playheadMs = context.labels[index].startMs
        case .character("r"): if let id = selected?.id { s.picker = LabelState.CodePicker(purpose: .retag(id: id)) }
        case .character("d"): if let id = selected?.id { s.selectedLabel = nil; return .deleteLabel(id: id) }
        case .character("["), .character("]"):
            guard let label = selected, let id = label.id else { break }
            let delta = key == .character("[") ? -step : step
            let shift = max(-label.startMs, min(total - label.endMs, delta))
            guard shift != 0 else { break }
            return .moveLabel(id: id, startMs: label.startMs + shift, endMs: label.endMs + shift)
        case .character("u"): return .undo
        default: return nil
        }
        return AppUpdate.Effect.none
    }

    private static func zoom(_ s: inout LabelState, to span: Int, total: Int) {
        let clamped = min(total, max(LabelState.minimumSpanMs, span))
        s.viewSpanMs = clamped >= total ? nil : clamped
        s.viewStartMs = max(0, s.playheadMs - clamped / 2)
    }
}
