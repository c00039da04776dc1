import Archive
import Foundation
import Reports
import TriageCore

/// The application loop: render the state, write only what changed, wait for a key, update, carry out what
/// the key asked (store a decision or a label, play, record), until `q`. Input and time come from the
/// terminal and clock it is given, so tests drive it with a fake terminal, a manual clock, a fake player
/// and a scripted live desk.
public final class TriageApp {
    public let model: DeskModel
    public let terminal: Terminal
    public let clock: Clock
    /// Who decides and labels: the archive session's user.
    public var user: String { model.archive.user.name }
    /// Classifies a call again from the archive and stores the new suggestion (after a note).
    public let reclassify: ((Int64) throws -> Void)?
    /// Plays recorded calls (label screen); nil: no audio output.
    public let player: CallPlayer?
    /// The desk's live call; nil: no recording from this screen.
    public let live: LiveDesk?
    public private(set) var state = AppState()
    private var shown: ScreenBuffer?
    /// Label changes that `u` undoes, the last first.
    private var undo: [LabelChange] = []
    private var liveVersion = -1

    /// A label change, as undo needs it.
    enum LabelChange {
        case created(Int64)
        case revised(old: Int64, new: Int64)
        case deleted(Int64)
    }

    public init(model: DeskModel, terminal: Terminal, clock: Clock, reclassify: ((Int64) throws -> Void)? = nil,
                player: CallPlayer? = nil, live: LiveDesk? = nil, colours: Bool = true) {
        self.model = model; self.terminal = terminal; self.clock = clock; self.reclassify = reclassify
        self.player = player; self.live = live
        state.user = model.archive.user.name
        state.screens = DeskModel.screens(for: model.archive)
        state.screen = state.screens.first ?? .statistics
        model.followChanges()
        model.load(for: state)
        state.colours = colours
    }

    /// Shows a message in the status line (recovered recordings at start).
    public func say(_ message: String) { state.message = message }

    /// Draws the current state, writing only the cells that changed since the last frame. What the screen shows
    /// was loaded in the update step (`DeskModel.load`); drawing reads no archive.
    public func redraw() {
        let (width, height) = terminal.size
        let frame = AppRenderer.render(state, model: model, width: width, height: height, now: clock.now, live: live?.call)
        terminal.draw(BufferDiff.runs(from: shown, to: frame))
        shown = frame
    }

    /// Handles one key; returns false once the user quits.
    @discardableResult
    public func handle(_ key: Key) -> Bool {
        if key == .resize { shown = nil }
        state.hasLiveCall = live?.isRecording == true
        let effect = AppUpdate.handle(key, state: &state, callCount: model.calls.count, label: labelContext(), reasonCount: model.taxonomy.reasons.count,
                                      overrideReasons: model.taxonomy.overrideReasons)
        switch effect {
        case .decide(let disposition): decide(disposition)
        case .addNote(let text): addNote(text)
        case .annotate(let start, let end, let code): annotate(start, end, code)
        case .retag(let id, let code): revise(id) { ($0.startMs, $0.endMs, code) }
        case .moveLabel(let id, let start, let end): revise(id) { _ in (start, end, nil) }
        case .deleteLabel(let id): deleteLabel(id)
        case .undo: undoLast()
        case .play(let from): play(from)
        case .pause: player?.stop()
        case .toggleRecording: toggleRecording()
        case .exportStatistics: exportStatistics()
        case .overrideReason(let callID, let decisionID, let index, let text): addOverrideReason(callID, decisionID, index, text)
        case .none: break
        }
        model.load(for: state)
        return !state.quitting
    }

    /// Moves the playhead with playback, notices a live call's changes and other desks' (a call archived or decided
    /// elsewhere shows here within a tick, the selection staying on the call it was on); true when the screen changed.
    @discardableResult
    public func tick() -> Bool {
        var changed = false
        let selectedID = selectedCall?.id
        if model.takeChanges() {
            if !state.liveSelected, let selectedID, let index = model.calls.firstIndex(where: { $0.id == selectedID }) { state.selected = index }
            state.selected = min(state.selected, max(0, model.calls.count - 1))
            model.load(for: state)
            changed = true
        }
        if state.label.playing {
            if let position = player?.positionMs { state.label.playheadMs = position } else { state.label.playing = false }
            changed = true
        }
        if let version = live?.version, version != liveVersion { liveVersion = version; changed = true }
        return changed
    }

    /// Runs until the user quits or the keys run out (`idleLimit` seconds without a key, for tests).
    public func run(idleLimit: TimeInterval? = nil) {
        defer { terminal.restore() }
        redraw()
        var idleSince = clock.now
        var lastClock = clock.now
        while true {
            let busy = state.label.playing || live?.isRecording == true
            // Idle, it still looks four times a second for other desks' changes.
            let timeout: TimeInterval = busy ? 0.1 : 0.25
            guard let key = terminal.readKey(timeout: timeout) else {
                if let idleLimit, clock.now.timeIntervalSince(idleSince) >= idleLimit - 1e-9 { redraw(); return }
                // Redraw for playback, the live call, or the clock in the title.
                if tick() || clock.now.timeIntervalSince(lastClock) >= 1 { lastClock = clock.now; redraw() }
                continue
            }
            idleSince = clock.now
            guard handle(key) else {
                player?.stop()
                if live?.isRecording == true { _ = live?.stop() }
                return
            }
            tick()
            redraw()
        }
    }

    private var selectedCall: CallSummary? { model.calls[safe: state.selected] }

    private func labelContext() -> LabelUpdate.Context? {
        guard state.screen == .label, let call = selectedCall else { return nil }
        let audioMs = (try? model.overview(call.id).get().durationMs) ?? 0
        let turnsEnd = model.loadedDetail(call.id)?.turns.compactMap(\.endMs).max() ?? 0
        return LabelUpdate.Context(durationMs: max(audioMs, call.durationMs ?? 0, turnsEnd, 1), labels: model.labels(call.id),
                                   codes: model.taxonomy.reasons.map { ($0.code, $0.label.text(for: state.language)) })
    }

    private func annotate(_ start: Int, _ end: Int, _ code: String) {
        guard let call = selectedCall else { return }
        do {
            let id = try model.archive.annotate(AnnotationRecord(callID: call.id, annotator: user, startMs: start, endMs: end, code: LabelCode(rawValue: code),
                                                                 taxonomyID: model.taxonomy.id, taxonomyVersion: model.taxonomy.version))
            undo.append(.created(id))
            state.label.selectedLabel = try model.reloadLabels(call.id, annotator: user).firstIndex { $0.id == id }
            state.message = "\(UIText.text("labelled", state.language)): \(label(code)) \(TimeFormat.position(ms: start))–\(TimeFormat.position(ms: end))"
        } catch {
            state.message = UIText.oneLine(error)
        }
    }

    private func revise(_ id: Int64, _ change: (AnnotationRecord) -> (Int, Int, String?)) {
        guard let call = selectedCall, let old = model.labels(call.id).first(where: { $0.id == id }) else { return }
        let (start, end, code) = change(old)
        do {
            let new = try model.archive.revise(annotation: id, startMs: start, endMs: end, code: code.map(LabelCode.init(rawValue:)) ?? old.code, annotator: user)
            undo.append(.revised(old: id, new: new))
            state.label.selectedLabel = try model.reloadLabels(call.id, annotator: user).firstIndex { $0.id == new }
            state.message = "\(UIText.text("labelled", state.language)): \(label(code ?? old.code.rawValue)) \(TimeFormat.position(ms: start))–\(TimeFormat.position(ms: end))"
        } catch {
            state.message = UIText.oneLine(error)
        }
    }

    private func deleteLabel(_ id: Int64) {
        guard let call = selectedCall else { return }
        do {
            try model.archive.exchange(remove: id, restore: nil)
            undo.append(.deleted(id))
            model.labelsChanged(call.id)
            state.message = UIText.text("deleted", state.language)
        } catch {
            state.message = UIText.oneLine(error)
        }
    }

    private func undoLast() {
        guard let last = undo.popLast(), let call = selectedCall else {
            state.message = UIText.text("nothing to undo", state.language)
            return
        }
        do {
            switch last {
            case .created(let id): try model.archive.exchange(remove: id, restore: nil)
            case .revised(let old, let new): try model.archive.exchange(remove: new, restore: old)
            case .deleted(let id): try model.archive.exchange(remove: nil, restore: id)
            }
            model.labelsChanged(call.id)
            state.label.selectedLabel = nil
            state.message = UIText.text("undone", state.language)
        } catch {
            undo.append(last)
            state.message = UIText.oneLine(error)
        }
    }

    private func play(_ fromMs: Int) {
        guard let call = selectedCall else { return }
        guard let player else {
            state.label.playing = false
            state.message = UIText.text("no audio", state.language) + ": no audio output"
            return
        }
        do {
            // Playing a recording is a view of identifiable data: the archive records it (and refuses a role that may not).
            guard let recording = try model.archive.openRecording(ofCall: call.id) else { return }
            try player.play(path: recording.path, fromMs: fromMs)
        } catch {
            state.label.playing = false
            state.message = UIText.oneLine(error)
        }
    }

    private func toggleRecording() {
        guard let live else {
            state.message = UIText.text("no audio", state.language) + ": recording is not available here"
            return
        }
        if live.isRecording {
            let (id, message) = live.stop()
            state.liveSelected = false
            state.hasLiveCall = false
            do { try model.refresh() } catch { state.message = UIText.oneLine(error) }
            if let id, let index = model.calls.firstIndex(where: { $0.id == id }) { state.selected = index }
            state.message = message
        } else {
            do {
                try live.start()
                state.liveSelected = true
                state.hasLiveCall = true
                state.message = UIText.text("recording", state.language)
            } catch {
                state.message = UIText.oneLine(error)
            }
        }
    }

    /// Writes the statistics screen's four tables (with its filter) as CSV beside the archive, small cells suppressed as
    /// in every export, and records the export in the audit log.
    private func exportStatistics() {
        let folder = ((model.archive.address as NSString).deletingLastPathComponent as NSString).appendingPathComponent("exports")
        var t = time_t(clock.now.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&t, &parts)
        let stamp = String(format: "%04d%02d%02d-%02d%02d%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec)
        let labels = StatsLabels(taxonomy: model.taxonomy, language: state.language)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (name, _, table) in StatisticsScreen.tables(state, model: model) {
                guard let table else { continue }
                let path = (folder as NSString).appendingPathComponent("statistics-\(stamp)-\(name).csv")
                try Data(CSVWriter.write(SmallCellSuppression.apply(to: table), labels: labels).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            }
            try model.archive.recordExport("statistics screen: \(folder)/statistics-\(stamp)-*.csv")
            state.message = "\(UIText.text("exported", state.language)): \(folder)/statistics-\(stamp)-*.csv"
        } catch {
            state.message = UIText.oneLine(error)
        }
    }

    private func label(_ code: String) -> String { model.taxonomy.reason(code)?.label.text(for: state.language) ?? code }

    private func addNote(_ text: String) {
        if state.liveSelected, let live, live.isRecording {
            live.note(text)
            state.message = UIText.text("note saved", state.language)
            return
        }
        guard let call = selectedCall else { return }
        do {
            try model.addNote(callID: call.id, text: text)
            try reclassify?(call.id)
            try model.refresh()
            state.message = UIText.text("note saved", state.language)
        } catch {
            state.message = UIText.oneLine(error)
        }
    }

    private func addOverrideReason(_ callID: Int64, _ decisionID: Int64, _ index: Int, _ text: String?) {
        guard model.taxonomy.overrideReasons.indices.contains(index) else { return }
        let reason = model.taxonomy.overrideReasons[index]
        do {
            try model.addOverrideReason(reason.code, text: text, toDecision: decisionID, ofCall: callID)
            state.message = "\(UIText.text("override saved", state.language)): \(reason.label.text(for: state.language))"
        } catch {
            state.message = UIText.oneLine(error)
        }
    }

    private func decide(_ disposition: Disposition?) {
        guard !state.liveSelected else {
            state.message = UIText.text("decide after", state.language)
            return
        }
        guard let call = selectedCall else { return }
        do {
            let detail = try model.detail(call.id)
            guard let chosen = disposition ?? detail?.suggestion.flatMap({ Disposition(rawValue: $0.disposition) }) else {
                state.message = UIText.text("no suggestion", state.language)
                return
            }
            let reasons = detail?.suggestion?.reasons.map { ReasonCode(rawValue: $0.code) } ?? []
            let id = try model.decide(callID: call.id, disposition: chosen, reasons: reasons, at: clock.now)
            let label = model.taxonomy.definition(of: chosen)?.label.text(for: state.language) ?? chosen.rawValue
            state.message = "\(UIText.text("saved", state.language)): \(label) (\(user))"
            // Otherwise than suggested: one key may say why (optional; any other key goes on).
            if let suggested = detail?.suggestion?.disposition, suggested != chosen.rawValue, !model.taxonomy.overrideReasons.isEmpty {
                state.overridePrompt = OverridePrompt(callID: call.id, decisionID: id)
            }
        } catch {
            state.message = UIText.oneLine(error)
        }
    }
}
