import Acoustics
import Archive
import AudioIO
import Foundation
import Pseudonymisation
import Reports
import TriageCore

/// What the screens show, read from the archive: the call queue, one call's transcript with its stored
/// suggestion and the midwife's decision, and the statistics. Screens adapt this to widgets.
public final class DeskModel {
    /// A stored suggestion, as the screens need it.
    public struct Suggestion: Sendable {
        public struct Mark: Sendable, Equatable { public var turn: Int; public var range: Range<Int>; public var code: String; public var negated: Bool }
        public var disposition: String
        public var reasons: [(code: String, score: Double, words: [EvidenceWord])]
        public var flags: [(code: String, words: [EvidenceWord])]
        public var facts: [(name: String, value: String, source: String)]
        /// The questions still to ask: the fact or finding each asks about, and its text in the call's language.
        public var questions: [(fact: String?, finding: String?, text: String)]
        /// Words in the transcript to highlight: findings and reasons (negated ones dimmed).
        public var marks: [Mark]
        public var versions: String
    }

    public struct Detail: Sendable {
        public var call: Call
        public var turns: [Turn]
        public var suggestion: Suggestion?
        public var suggestionID: Int64?
        public var decision: DecisionRecord?
    }

    public let archive: ArchiveSession
    public let taxonomy: Taxonomy
    /// Set for a session not in the midwife's role (a researcher): every call's transcript, notes and file name are
    /// shown with their identifiers as keyed pseudonyms.
    public let pseudonymiser: Pseudonymiser?
    public private(set) var calls: [CallSummary] = []
    /// The calls being taken at the other desks now.
    public private(set) var otherDesks: [LiveCallRecord] = []
    private var details: [Int64: Detail] = [:]
    private var overviews: [(id: Int64, overview: Result<AudioOverview, OverviewProblem>)] = []
    private var labels: [Int64: [AnnotationRecord]] = [:]
    private var tables: [StatisticsKey: StatsTable] = [:]
    /// The quality screen's figures, per week (false) or month (true), as last loaded.
    private var qualityReports: [Bool: QualityReport] = [:]
    /// What the last load could not read, in one line; the screen shows it (nil when all was read).
    public private(set) var problem: String?

    /// Why a call's audio cannot be drawn (a transcript-only call, a moved file).
    public struct OverviewProblem: Error, Sendable { public var message: String }

    /// A statistics table the screen asked for.
    struct StatisticsKey: Hashable {
        var dimensions: [StatsDimension]
        var source: StatsSource
        var filter: StatsFilter
    }

    public init(archive: ArchiveSession, taxonomy: Taxonomy, pseudonymiser: Pseudonymiser? = nil) throws {
        self.archive = archive
        self.taxonomy = taxonomy
        self.pseudonymiser = pseudonymiser
        try reload()
    }

    /// The screens a session's roles open: the triage screen for who may open calls, the label screen for who
    /// labels, the statistics and the quality for all.
    public static func screens(for archive: ArchiveSession) -> [AppState.Screen] {
        var screens: [AppState.Screen] = []
        if archive.may(.readCalls) { screens.append(.triage) }
        if archive.may(.label) { screens.append(.label) }
        if archive.may(.statistics) { screens.append(contentsOf: [.statistics, .quality]) }
        return screens
    }

    public func reload() throws {
        // A coordinator's desk has no calls in it, only their statistics.
        calls = archive.may(.readCalls) ? try archive.listCalls(limit: 10_000) : []
        try reloadLiveCalls()
        details = [:]
        labels = [:]
        tables = [:]
        qualityReports = [:]
    }

    /// Reads from the archive what `state`'s screen shows and is not yet at hand: the selected call, its audio
    /// and labels on the label screen, the statistics' tables. The application calls it in its update step, so
    /// rendering never reads the archive; what cannot be read becomes `problem`, shown as a line.
    public func load(for state: AppState) {
        problem = nil
        switch state.screen {
        case .triage, .label:
            guard !state.liveSelected, let call = calls[safe: state.selected] else { return }
            do { _ = try detail(call.id) } catch { problem = UIText.oneLine(error) }
            guard state.screen == .label else { return }
            if case .failure(let p) = overview(call.id), problem == nil, call.path.isEmpty == false, p.message != "no audio for this call" {
                problem = p.message
            }
            if labels[call.id] == nil {
                do { labels[call.id] = try archive.annotations(ofCall: call.id, annotator: state.user) } catch { problem = UIText.oneLine(error) }
            }
        case .quality:
            guard qualityReports[state.qualityMonthly] == nil else { return }
            do { qualityReports[state.qualityMonthly] = try QualityScreen.load(monthly: state.qualityMonthly, archive: archive) } catch {
                problem = UIText.oneLine(error)
            }
        case .statistics:
            for key in StatisticsScreen.keys(state, model: self) where tables[key] == nil {
                do {
                    tables[key] = try archive.statistics(StatsQuery(dimensions: key.dimensions, source: key.source, filter: key.filter,
                                                 knownReasons: taxonomy.reasons.map(\.code)))
                } catch { problem = UIText.oneLine(error) }
            }
        }
    }

    /// The call's audio as the label screen draws it (all channels mixed), read once and kept for the
    /// last few calls opened.
    public func overview(_ id: Int64) -> Result<AudioOverview, OverviewProblem> {
        if let known = overviews.first(where: { $0.id == id }) { return known.overview }
        let result: Result<AudioOverview, OverviewProblem>
        do {
            guard let recording = try archive.openRecording(ofCall: id) else { throw OverviewProblem(message: "no audio for this call") }
            let file = try AudioFile(path: recording.path)
            let builder = AudioOverview.Builder(sampleRate: file.info.sampleRate)
            try file.forEachBlock(channel: nil) { builder.append($0) }
            result = .success(builder.finish())
        } catch let problem as OverviewProblem {
            result = .failure(problem)
        } catch {
            result = .failure(OverviewProblem(message: UIText.oneLine(error)))
        }
        overviews.append((id, result))
        if overviews.count > 4 { overviews.removeFirst() }
        return result
    }

    /// The call's audio if it was loaded (rendering reads only this).
    public func loadedOverview(_ id: Int64) -> Result<AudioOverview, OverviewProblem>? { overviews.first { $0.id == id }?.overview }

    /// The labels in force on a call by the screen's user, in time order, as last loaded.
    public func labels(_ callID: Int64) -> [AnnotationRecord] { labels[callID] ?? [] }

    /// Forgets a call's labels after a change; the next load reads them again.
    public func labelsChanged(_ callID: Int64) { labels[callID] = nil }

    /// Reads the labels of a call again now (after a change the update step itself made).
    public func reloadLabels(_ callID: Int64, annotator: String) throws -> [AnnotationRecord] {
        let found = try archive.annotations(ofCall: callID, annotator: annotator)
        labels[callID] = found
        return found
    }

    /// A call with its suggestion and decision, read from the archive once and then kept.
    public func detail(_ id: Int64) throws -> Detail? {
        if let cached = details[id] { return cached }
        guard let call = try archive.call(id: id) else { return nil }
        let stored = try archive.latestAssessment(ofCall: id)
        var detail = Detail(call: call, turns: try archive.turns(ofCall: id), suggestion: stored.map { Self.parse($0.record) },
                            suggestionID: stored?.id, decision: try archive.latestDecision(ofCall: id))
        if let pseudonymiser { detail = Self.pseudonymised(detail, pseudonymiser) }
        details[id] = detail
        return detail
    }

    /// A call's detail with its identifiers pseudonymised; the highlights of a turn whose text changed are dropped
    /// (they point into the text as said).
    static func pseudonymised(_ detail: Detail, _ pseudonymiser: Pseudonymiser) -> Detail {
        var d = detail
        d.call.path = pseudonymiser.text(detail.call.path)
        d.call.transcriptPath = pseudonymiser.text(detail.call.transcriptPath)
        d.turns = detail.turns.map(pseudonymiser.turn)
        let changed = Set(zip(detail.turns, d.turns).enumerated().filter { $0.element.0.text != $0.element.1.text }.map(\.offset))
        d.suggestion?.marks.removeAll { changed.contains($0.turn) }
        d.decision?.note = pseudonymiser.text(detail.decision?.note)
        return d
    }

    /// The call as last loaded (rendering reads only this).
    public func loadedDetail(_ id: Int64) -> Detail? { details[id] }

    /// Stores the midwife's decision beside the suggestion, and reads the call list and the call again; returns its id.
    @discardableResult
    public func decide(callID: Int64, disposition: Disposition, reasons: [ReasonCode], at date: Date) throws -> Int64 {
        let detail = try self.detail(callID)
        let id = try archive.decide(DecisionRecord(callID: callID, assessmentID: detail?.suggestionID, decidedAt: date,
                                                   taxonomyID: taxonomy.id, taxonomyVersion: taxonomy.version, reasons: reasons, disposition: disposition))
        try reload()
        return id
    }

    /// Gives her decision just stored its override reason, and forgets the cached call.
    public func addOverrideReason(_ reason: OverrideReasonCode, text: String?, toDecision id: Int64, ofCall callID: Int64) throws {
        try archive.addOverrideReason(reason, text: text, toDecision: id, ofCall: callID)
        details[callID] = nil
        qualityReports = [:]
    }

    /// Adds the midwife's note to a call (a turn of its own) and forgets the cached call.
    public func addNote(callID: Int64, text: String) throws {
        try archive.addNote(callID: callID, text: text)
        details[callID] = nil
    }

    /// Reads the call list and the calls again (after the call was classified anew).
    public func refresh() throws { try reload() }

    /// Reads the other desks' live calls again.
    func reloadLiveCalls() throws {
        otherDesks = try archive.liveCalls().filter { $0.desk != LiveCallRecord.thisDesk }
    }

    /// Starts following what other desks change: calls archived, suggested or decided elsewhere.
    public func followChanges() {
        do { try archive.listenForChanges() } catch { problem = UIText.oneLine(error) }
    }

    /// Reads the archive again when another desk (or this one) changed it since the last look; true when it did.
    /// Waits for nothing: the application asks on every tick.
    public func takeChanges() -> Bool {
        do {
            let changes = try archive.changes(waiting: 0)
            guard !changes.isEmpty else { return false }
            // Another desk's live call beats every second: only the live calls are read again for it.
            if changes.contains(where: { $0.callID != nil }) { try reload() } else { try reloadLiveCalls() }
            return true
        } catch {
            problem = UIText.oneLine(error)
            return false
        }
    }

    /// The quality figures as last loaded (nil until loaded).
    public func quality(monthly: Bool) -> QualityReport? { qualityReports[monthly] }

    /// A statistics table as last loaded for these keys (nil until loaded).
    public func statistics(_ dims: [StatsDimension], source: StatsSource, filter: StatsFilter = StatsFilter()) -> StatsTable? {
        tables[StatisticsKey(dimensions: dims, source: source, filter: filter)]
    }

    /// The statistics filter for a period of `days` up to the newest call, and a reason; replays of known calls only
    /// when `includeReplays`.
    public func statisticsFilter(days: Int?, reason: Int?, includeReplays: Bool = false) -> StatsFilter {
        var filter = StatsFilter(includeReplays: includeReplays)
        if let days, let newest = calls.compactMap({ $0.startedAt }).max(), let (time, _) = LocalDateTime.parse(newest) {
            let first = LocalDateTime(daysSince1970: time.daysSince1970 - days + 1)
            filter.from = String(first.description.prefix(10))
        }
        if let reason, taxonomy.reasons.indices.contains(reason) { filter.reason = taxonomy.reasons[reason].code }
        return filter
    }

    static func parse(_ record: AssessmentRecord) -> Suggestion {
        let o = (try? JSONSerialization.jsonObject(with: Data(record.resultJSON.utf8)) as? [String: Any]) ?? [:]
        func evidence(_ items: Any?) -> [[String: Any]] { items as? [[String: Any]] ?? [] }
        var marks: [Suggestion.Mark] = []
        func mark(_ e: [String: Any], code: String) {
            guard let turn = e["turn"] as? Int, let chars = e["chars"] as? [Int], chars.count == 2, chars[0] < chars[1] else { return }
            marks.append(.init(turn: turn, range: chars[0]..<chars[1], code: code, negated: e["negated"] as? Bool ?? false))
        }
        let reasons = evidence(o["reasons"]).map { r -> (String, Double, [EvidenceWord]) in
            let code = r["code"] as? String ?? "?"
            for e in evidence(r["evidence"]) { mark(e, code: code) }
            return (code, (r["score"] as? NSNumber)?.doubleValue ?? 0, evidence(r["evidence"]).compactMap(EvidenceWord.init))
        }
        for key in ["findings", "denied"] {
            for f in evidence(o[key]) { for e in evidence(f["evidence"]) { mark(e, code: f["code"] as? String ?? "?") } }
        }
        let flags = evidence(o["red_flags"]).map { f in
            (f["code"] as? String ?? "?", evidence(f["evidence"]).filter { $0["source"] as? String != "rule" }.compactMap(EvidenceWord.init))
        }
        let sources = o["fact_sources"] as? [String: String] ?? [:]
        let facts = (o["facts"] as? [String: Any] ?? [:]).compactMap { name, value -> (String, String, String)? in
            if value is NSNull { return nil }
            let text: String
            if let b = JSONScalar.bool(value) { text = b ? "true" : "false" } else { text = "\(value)" }
            return (name, text, sources[name] ?? "call")
        }.sorted { $0.0 < $1.0 }
        return Suggestion(disposition: record.disposition.rawValue, reasons: reasons, flags: flags, facts: facts,
                          questions: evidence(o["questions"]).compactMap { q in
                              (q["text"] as? String).map { (fact: q["fact"] as? String, finding: q["finding"] as? String, text: $0) }
                          }, marks: marks,
                          versions: "\(record.taxonomyID)@\(record.taxonomyVersion) · \(record.modelVersion)")
    }
}
