import Foundation
import TriageCore

/// The application loop: render the state, write only what changed, wait for a key, update, carry out what
/// the key asked (store a decision), until `q`. Input and time come from the terminal and clock it is given,
/// so tests drive it with a fake terminal and a manual clock.
public final class TriageApp {
    public let model: DeskModel
    public let terminal: Terminal
    public let clock: Clock
    /// Who decides, for the decisions stored.
    public let user: String
    /// Classifies a call again from the archive and stores the new suggestion (after a note).
    public let reclassify: ((Int64) throws -> Void)?
    public private(set) var state = AppState()
    private var shown: ScreenBuffer?

    public init(model: DeskModel, terminal: Terminal, clock: Clock, user: String, reclassify: ((Int64) throws -> Void)? = nil) {
        self.model = model; self.terminal = terminal; self.clock = clock; self.user = user; self.reclassify = reclassify
    }

    /// Draws the current state, writing only the cells that changed since the last frame.
    public func redraw() {
        let (width, height) = terminal.size
        let frame = AppRenderer.render(state, model: model, width: width, height: height, now: clock.now)
        terminal.draw(BufferDiff.runs(from: shown, to: frame))
        shown = frame
    }

    /// Handles one key; returns false once the user quits.
    @discardableResult
    public func handle(_ key: Key) -> Bool {
        if key == .resize { shown = nil }
        let effect = AppUpdate.handle(key, state: &state, callCount: model.calls.count)
        switch effect {
        case .decide(let disposition): decide(disposition)
        case .addNote(let text): addNote(text)
        case .none: break
        }
        return !state.quitting
    }

    /// Runs until the user quits or the keys run out (`idleLimit` seconds without a key, for tests).
    public func run(idleLimit: TimeInterval? = nil) {
        defer { terminal.restore() }
        redraw()
        var idle: TimeInterval = 0
        while true {
            guard let key = terminal.readKey(timeout: 1) else {
                idle += 1
                if let idleLimit, idle >= idleLimit { return }
                redraw() // the clock in the title
                continue
            }
            idle = 0
            guard handle(key) else { return }
            redraw()
        }
    }

    private func addNote(_ text: String) {
        guard let call = model.calls[safe: state.selected] else { return }
        do {
            try model.addNote(callID: call.id, text: text, by: user, at: clock.now)
            try reclassify?(call.id)
            try model.refresh()
            state.message = UIText.text("note saved", state.language)
        } catch {
            state.message = "\(error)"
        }
    }

    private func decide(_ disposition: String?) {
        guard let call = model.calls[safe: state.selected] else { return }
        do {
            let detail = try model.detail(call.id)
            guard let chosen = disposition ?? detail?.suggestion?.disposition else {
                state.message = UIText.text("no suggestion", state.language)
                return
            }
            let reasons = detail?.suggestion?.reasons.map(\.code) ?? []
            try model.decide(callID: call.id, disposition: chosen, reasons: reasons, by: user, at: clock.now)
            let label = Disposition(rawValue: chosen).flatMap { model.taxonomy.definition(of: $0)?.label.text(for: state.language) } ?? chosen
            state.message = "\(UIText.text("saved", state.language)): \(label) (\(user))"
        } catch {
            state.message = "\(error)"
        }
    }
}
