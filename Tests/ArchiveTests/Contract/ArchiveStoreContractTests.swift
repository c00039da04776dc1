import Archive
import Foundation
import TestSupport
import Testing
import TriageCore

/// What every implementation of the archive's store interface must do, run through the session as every
/// other module uses it. A PostgreSQL store joins `ArchiveImplementation.all` and must pass the same.
@Suite struct ArchiveStoreContractTests {
    let dir = TemporaryDirectory("contract")
    typealias D = ContractData

    @Test(arguments: ArchiveImplementation.all)
    func storesACallWithItsTurnsAndReadsItBack(_ implementation: ArchiveImplementation) throws {
        let archive = try D.creator(try implementation.make(dir))
        guard case .inserted(let id) = try archive.store(D.draft("aa", turns: D.turns)) else { Issue.record("not inserted"); return }
        let call = try #require(try archive.call(id: id))
        #expect(call.sha256 == "aa" && call.durationMs == 12000 && call.frames == 96000 && call.channels == 2)
        #expect(call.metadata.startedAt?.description == "2026-03-14T02:17:00")
        #expect(call.metadata.caller == .partner && call.metadata.firstBaby == true && call.metadata.gestationalWeek == 38)
        #expect(call.metadata.channelRoles == [.caller, .midwife])
        #expect(try archive.turns(ofCall: id) == D.turns)
        #expect(try archive.callID(sha256: "aa") == id)
        #expect(try archive.call(id: 999) == nil)
    }

    @Test(arguments: ArchiveImplementation.all)
    func theSameContentIsStoredOnce(_ implementation: ArchiveImplementation) throws {
        let archive = try D.creator(try implementation.make(dir))
        let first = try archive.store(D.draft("bb", turns: D.turns))
        #expect(try archive.store(D.draft("bb", turns: D.turns)) == .alreadyPresent(first.callID))
        #expect(try archive.callCount() == 1)
        #expect(try archive.listCalls().map(\.turns) == [2])
    }

    @Test(arguments: ArchiveImplementation.all)
    func listsCallsNewestFirstWithTheirCurrentSuggestionAndDecision(_ implementation: ArchiveImplementation) throws {
        let archive = try D.creator(try implementation.make(dir))
        let old = try archive.store(D.draft("old", turns: D.turns, started: "2026-01-01T08:00:00")).callID
        _ = try archive.store(D.draft("new", turns: [D.turns[0]], started: "2026-05-01T23:59:00"))
        _ = try archive.store(D.draft("undated", started: nil))
        let suggestion = try archive.store(D.assessment(old, ["itching"], .attendSoon))
        try archive.decide(D.decision(old, ["itching"], .selfCare, assessmentID: suggestion))
        let list = try archive.listCalls()
        #expect(list.map(\.sha256) == ["new", "old", "undated"])
        #expect(list.map(\.turns) == [1, 2, 0])
        #expect(list[1].suggestedPrimary == "itching" && list[1].suggestedDisposition == .attendSoon && list[1].confirmedDisposition == .selfCare)
        #expect(list[1].language == "da" && list[1].callerType == .partner)
        #expect(try archive.listCalls(limit: 1).count == 1)
        #expect(try archive.listCalls(limit: 5, offset: 2).map(\.sha256) == ["undated"])
    }

    @Test(arguments: ArchiveImplementation.all)
    func searchFindsDanishWordsAndPrefixes(_ implementation: ArchiveImplementation) throws {
        let archive = try D.creator(try implementation.make(dir))
        let id = try archive.store(D.draft("cc", turns: D.turns)).callID
        #expect(try archive.searchTranscripts("blødning").map(\.callID) == [id])
        #expect(try archive.searchTranscripts("fødemod").map(\.callID) == [id])
        #expect(try archive.searchTranscripts("blodning").isEmpty) // ø is a letter of its own
    }

    @Test(arguments: ArchiveImplementation.all)
    func suggestionsAndDecisionsAreKeptSideBySide(_ implementation: ArchiveImplementation) throws {
        let archive = try D.creator(try implementation.make(dir))
        let id = try archive.store(D.draft("ff")).callID
        let first = try archive.store(D.assessment(id, ["labour_contractions"], .selfCare))
        let second = try archive.store(D.assessment(id, ["labour_contractions", "rupture_of_membranes"], .attendNow, flags: ["clear_rom_at_term"]))
        #expect(second != first)
        let latest = try #require(try archive.latestAssessment(ofCall: id))
        #expect(latest.id == second && latest.record.disposition == .attendNow && latest.record.redFlags == ["clear_rom_at_term"])
        #expect(latest.record.reasons.map(\.code) == ["labour_contractions", "rupture_of_membranes"])
        try archive.decide(D.decision(id, ["rupture_of_membranes"], .attendNow, assessmentID: second))
        let decision = try #require(try archive.latestDecision(ofCall: id))
        #expect(decision.decidedBy == "anna" && decision.assessmentID == second && decision.reasons == ["rupture_of_membranes"])
        #expect(try archive.latestAssessment(ofCall: id)?.record.disposition == .attendNow) // the suggestion is untouched
        #expect(throws: ArchiveError.self) { try archive.decide(D.decision(999, [], .refer)) }
        #expect(throws: ArchiveError.self) { try archive.store(D.assessment(999, [], .refer)) }
    }

    @Test(arguments: ArchiveImplementation.all)
    func notesBecomeTurnsOfTheirOwn(_ implementation: ArchiveImplementation) throws {
        let archive = try D.creator(try implementation.make(dir))
        let id = try archive.store(D.draft("nn", turns: D.turns)).callID
        try archive.addNote(callID: id, text: "Bløder nu kraftigt")
        let last = try #require(try archive.turns(ofCall: id).last)
        #expect(last.speaker == .notes && last.speakerLabel == "anna" && last.text == "Bløder nu kraftigt")
        #expect(throws: ArchiveError.self) { try archive.addNote(callID: 999, text: "x") }
    }

    @Test(arguments: ArchiveImplementation.all)
    func labelsAreRevisedAndUndoneWithoutLosingAnything(_ implementation: ArchiveImplementation) throws {
        let archive = try D.creator(try implementation.make(dir))
        let id = try archive.store(D.draft("ll")).callID
        let a = try archive.annotate(D.label(id, "rupture_of_membranes"))
        _ = try archive.annotate(D.label(id, "itching", by: "bo", 100...200))
        let b = try archive.revise(annotation: a, startMs: 500, endMs: 4500, code: "labour_contractions")
        #expect(try archive.annotations(ofCall: id, annotator: "anna").map(\.code) == ["labour_contractions"])
        #expect(try archive.annotations(ofCall: id).count == 2)
        try archive.exchange(remove: b, restore: a) // undo the revision
        #expect(try archive.annotations(ofCall: id, annotator: "anna").map(\.id) == [a])
        try archive.exchange(remove: a, restore: nil)
        #expect(try archive.annotations(ofCall: id, annotator: "anna").isEmpty)
        #expect(throws: ArchiveError.self) { try archive.revise(annotation: a, startMs: 0, endMs: 1, code: "x") }
        let labelled = try archive.statistics(StatsQuery(dimensions: [.reason], source: .labelled))
        #expect(labelled.rows.filter { $0.count > 0 }.map(\.keys) == [["itching"]])
    }

    @Test(arguments: ArchiveImplementation.all)
    func modelsAreVersionedWithOneActive(_ implementation: ArchiveImplementation) throws {
        let archive = try D.creator(try implementation.make(dir))
        func model(_ id: String) -> ModelRecord {
            ModelRecord(id: id, taxonomy: "t@1", trainingSHA256: "abc", trainingCalls: 10, storedBy: "anna", metricsJSON: nil, modelJSON: Data(id.utf8))
        }
        try archive.store(model("reasons-1"), activate: true)
        try archive.store(model("reasons-2"), activate: false)
        try archive.store(model("reasons-2"), activate: false) // the same model twice is one
        #expect(try archive.models().count == 2)
        #expect(try archive.activeModel()?.id == "reasons-1")
        try archive.activateModel(id: "reasons-2")
        #expect(try archive.activeModel()?.id == "reasons-2")
        #expect(try archive.model(id: "reasons-1")?.modelJSON == Data("reasons-1".utf8))
        #expect(throws: ArchiveError.self) { try archive.activateModel(id: "reasons-9") }
    }

    @Test(arguments: ArchiveImplementation.all)
    func statisticsCountWhatWasStored(_ implementation: ArchiveImplementation) throws {
        let archive = try D.creator(try implementation.make(dir))
        let calls: [(String, LanguageCode, [ReasonCode], Disposition, Disposition?)] = [
            ("2026-03-02T08:15:00", "da", ["labour_contractions"], .selfCare, .attendSoon),
            ("2026-03-02T08:40:00", "da", ["labour_contractions", "anxiety_reassurance"], .attendNow, nil),
            ("2026-03-03T02:10:00", "en", ["rupture_of_membranes", "labour_contractions"], .attendNow, .attendNow),
            ("2026-04-01T08:00:00", "da", ["vaginal_bleeding"], .attendNow, nil),
        ]
        for (i, c) in calls.enumerated() {
            let id = try archive.store(D.draft("s\(i)", started: c.0, language: c.1)).callID
            try archive.store(D.assessment(id, c.2, c.3))
            if let decided = c.4 { try archive.decide(D.decision(id, [c.2[0]], decided)) }
        }
        func counts(_ query: StatsQuery) throws -> [String: Int] {
            Dictionary(uniqueKeysWithValues: try archive.statistics(query).rows.filter { $0.count > 0 }.map { ($0.keys.joined(separator: "|"), $0.count) })
        }
        #expect(try counts(StatsQuery(dimensions: [.reason])) == ["labour_contractions": 2, "rupture_of_membranes": 1, "vaginal_bleeding": 1])
        #expect(try counts(StatsQuery(dimensions: [.reason], allReasons: true))["labour_contractions"] == 3)
        #expect(try counts(StatsQuery(dimensions: [.disposition], source: .confirmed)) == ["attend_soon": 1, "attend_now": 1])
        #expect(try counts(StatsQuery(dimensions: [.month, .language])) == ["2026-03|da": 2, "2026-03|en": 1, "2026-04|da": 1])
        #expect(try counts(StatsQuery(dimensions: [.hour], filter: StatsFilter(reason: "labour_contractions")))["8"] == 2)
        #expect(try archive.statistics(StatsQuery(dimensions: [.weekday, .hour])).rows.count == 7 * 24)
        #expect(throws: StatsQuery.Invalid.self) { try archive.statistics(StatsQuery(dimensions: [.disposition], source: .labelled)) }
    }

    @Test(arguments: ArchiveImplementation.all)
    func aReplayNamesItsSourceAndIsLeftOutOfEveryStatisticUnlessAsked(_ implementation: ArchiveImplementation) throws {
        let store = try implementation.make(dir)
        let archive = try D.creator(store)
        let source = try archive.store(D.draft("source", started: "2026-03-02T08:15:00")).callID
        var draft = D.draft("replay", started: "2026-03-02T09:30:00")
        draft.metadata.replayOf = ReplaySource(path: "/calls/source.flac", sha256: "source")
        let replay = try archive.store(draft).callID
        for id in [source, replay] {
            let suggestion = try archive.store(D.assessment(id, ["labour_contractions"], .selfCare))
            try archive.decide(D.decision(id, ["labour_contractions"], .attendNow, assessmentID: suggestion)) // an under-triage
            _ = try archive.annotate(D.label(id, "itching"))
        }
        #expect(try archive.call(id: replay)?.metadata.replayOf == ReplaySource(path: "/calls/source.flac", sha256: "source", callID: source))
        #expect(try archive.call(id: source)?.metadata.replayOf == nil)
        #expect(try archive.listCalls().map(\.replayOf?.callID) == [source, nil])

        let coordinator = try D.session(store, "carl", roles: [.coordinator])
        for session in [archive, coordinator] {
            func total(_ query: StatsQuery) throws -> (left: Int, counted: Int) {
                var counted = query
                counted.filter.includeReplays = true
                return (try session.statistics(query).total, try session.statistics(counted).total)
            }
            // The plain query, the reasons' own index (every reason, no filter), a filter, the decisions and the labels.
            for query in [StatsQuery(dimensions: [.reason]), StatsQuery(dimensions: [.reason], allReasons: true),
                          StatsQuery(dimensions: [.hour], filter: StatsFilter(reason: "labour_contractions", language: "da")),
                          StatsQuery(dimensions: [.disposition], source: .confirmed), StatsQuery(dimensions: [.reason], source: .labelled)] {
                #expect(try total(query) == (1, 2), "\(query.dimensions) \(query.source) \(session.user.name)")
            }
            let reasons = try session.statistics(StatsQuery(dimensions: [.reason], allReasons: true)).rows.filter { $0.count > 0 }
            #expect(reasons.map(\.count) == [1])
            #expect(try session.quality(QualityQuery()).map(\.decided) == [1])
            #expect(try session.quality(QualityQuery(includeReplays: true)).map(\.decided) == [2])
            #expect(try session.qualityIncidents().map(\.callID) == [source])
            #expect(try session.qualityIncidents(includeReplays: true).map(\.callID) == [source, replay])
        }
    }

    @Test(arguments: ArchiveImplementation.all)
    func overrideReasonsIncidentReviewsAndConfidenceAreKept(_ implementation: ArchiveImplementation) throws {
        let store = try implementation.make(dir)
        let archive = try D.creator(store)
        // An incident with an override reason, a one-level override without one, and a confirmed call.
        let calls: [(Disposition, Disposition, OverrideReasonCode?, Double)] = [
            (.selfCare, .attendNow, "assistant_missed_symptom", 0.35), (.attendSoon, .attendNow, nil, 0.95), (.attendNow, .attendNow, nil, 1.0),
        ]
        var ids: [Int64] = []
        for (i, c) in calls.enumerated() {
            let id = try archive.store(D.draft("o\(i)", started: "2026-03-0\(i + 2)T08:00:00")).callID
            var suggestion = D.assessment(id, ["labour_contractions"], c.0)
            suggestion.confidence = c.3
            let assessment = try archive.store(suggestion)
            var decision = D.decision(id, ["labour_contractions"], c.1, assessmentID: assessment)
            decision.overrideReason = c.2
            decision.overrideText = c.2 == nil ? nil : "hun lød træt"
            try archive.decide(decision)
            ids.append(id)
        }
        let decision = try #require(try archive.latestDecision(ofCall: ids[0]))
        #expect(decision.overrideReason == "assistant_missed_symptom" && decision.overrideText == "hun lød træt")
        #expect(try archive.latestDecision(ofCall: ids[1])?.overrideReason == nil)
        #expect(try archive.latestAssessment(ofCall: ids[0])?.record.confidence == 0.35)
        let split = try archive.quality(QualityQuery(split: .overrideReason)).map { "\($0.group) \($0.decided) \($0.moreUrgent)" }
        #expect(split == ["assistant_missed_symptom 1 1", "none 2 1"], "\(split)")
        // The confidence per week and bin: 0.35 in bin 3, 0.95 and 1.0 in bin 9 (weeks 2026-W10).
        #expect(try archive.confidenceDistribution().map { "\($0.week) \($0.bin) \($0.count)" } == ["2026-W10 3 1", "2026-W10 9 2"])
        #expect(try archive.confidenceDistribution(from: "2026-03-03", to: nil).map(\.count) == [2])

        // Reviews: only of an incident, the newest counts, each audited.
        #expect(try archive.qualityIncidents().map(\.callID) == [ids[0]])
        #expect(try archive.qualityIncidents().first?.conclusion == nil)
        try archive.reviewIncident(IncidentReview(callID: ids[0], conclusion: .transcriptError, note: "vanet"))
        try archive.reviewIncident(IncidentReview(callID: ids[0], conclusion: .assistantError))
        #expect(throws: ArchiveError.self) { try archive.reviewIncident(IncidentReview(callID: ids[2], conclusion: .assistantError)) }
        #expect(throws: ArchiveError.self) { try store.store(IncidentReview(callID: 999, conclusion: .assistantError), by: AuditContext(actor: "anna", roles: [.researcher], origin: "contract")) }
        #expect(try archive.qualityIncidents().first?.conclusion == .assistantError)
        let reviews = try archive.incidentReviews(ofCall: ids[0])
        #expect(reviews.map(\.conclusion) == [.transcriptError, .assistantError] && reviews[0].note == "vanet" && reviews.allSatisfy { $0.reviewedBy == "anna" })
        #expect(try archive.incidentReviews().count == 2 && archive.incidentReviews(ofCall: ids[1]).isEmpty)
        #expect(try archive.auditEntries().filter { $0.action == AuditAction.reviewIncident.rawValue }.map(\.callID) == [ids[0], ids[0]])
        #expect(try archive.auditEntries().contains { $0.action == AuditAction.decide.rawValue && $0.detail.contains("override: assistant_missed_symptom") })
        // A coordinator counts the conclusions (through the incidents) but reads no review.
        let coordinator = try D.session(store, "carl", roles: [.coordinator])
        #expect(try coordinator.qualityIncidents().map(\.conclusion) == [.assistantError])
        #expect(throws: AccessDenied.self) { try coordinator.incidentReviews() }

        // The reason given with one key just after the decision: once, and only to her own decision.
        let late = try archive.store(D.draft("o9", started: "2026-03-05T08:00:00")).callID
        let suggested = try archive.store(D.assessment(late, ["labour_contractions"], .selfCare))
        let decided = try archive.decide(D.decision(late, ["labour_contractions"], .attendSoon, assessmentID: suggested))
        let colleague = try D.session(store, "bo", roles: [.midwife])
        #expect(throws: ArchiveError.self) { try colleague.addOverrideReason("other", toDecision: decided, ofCall: late) }
        try archive.addOverrideReason("callers_voice", text: "stemmen", toDecision: decided, ofCall: late)
        #expect(try archive.latestDecision(ofCall: late).map { "\($0.overrideReason?.rawValue ?? "") \($0.overrideText ?? "")" } == "callers_voice stemmen")
        #expect(throws: ArchiveError.self) { try archive.addOverrideReason("other", toDecision: decided, ofCall: late) }
        #expect(try archive.quality(QualityQuery(split: .overrideReason)).contains { $0.group == "callers_voice" && $0.lessUrgent == 0 && $0.moreUrgent == 1 })
        #expect(try archive.auditEntries().filter { $0.action == AuditAction.overrideReason.rawValue }.map(\.callID) == [late])
    }

    @Test(arguments: ArchiveImplementation.all)
    func theFirstAccountAdoptsTheArchiveAndOthersMustBeAdded(_ implementation: ArchiveImplementation) throws {
        let store = try implementation.make(dir)
        let anna = try D.creator(store)
        #expect(anna.user.roles == ArchiveUser.creatorRoles)
        #expect(throws: AccessDenied.unknownAccount("bo", archive: store.address)) {
            try ArchiveSession(store: store, account: Account(name: "bo"), origin: "contract")
        }
        try anna.setUser("bo", roles: [.coordinator])
        let bo = try ArchiveSession(store: store, account: Account(name: "bo"), origin: "contract")
        #expect(bo.roles == [.coordinator])
        #expect(throws: AccessDenied.roleNotHeld(user: "bo", role: .admin)) {
            try ArchiveSession(store: store, account: Account(name: "bo"), role: .admin, origin: "contract")
        }
        #expect(try D.creator(store, role: .midwife).roles == [.midwife])
        #expect(throws: ArchiveError.self) { try anna.removeUser("anna") } // the only admin stays
        #expect(throws: ArchiveError.self) { try anna.setUser("anna", roles: [.midwife]) }
        try anna.setUser("bo", roles: [.admin])
        try anna.removeUser("anna") // another admin exists now
        #expect(try bo.serving("contract").user.name == "bo")
        #expect(throws: AccessDenied.self) { try ArchiveSession(store: store, account: Account(name: "anna"), origin: "contract") }
    }

    @Test(arguments: ArchiveImplementation.all)
    func everyChangeAndEveryViewIsAuditedInAnUnbrokenChain(_ implementation: ArchiveImplementation) throws {
        let archive = try D.creator(try implementation.make(dir))
        let id = try archive.store(D.draft("au", turns: D.turns)).callID
        try archive.store(D.assessment(id, ["itching"], .attendSoon))
        try archive.decide(D.decision(id, ["itching"], .selfCare))
        try archive.addNote(callID: id, text: "ok")
        _ = try archive.annotate(D.label(id, "itching"))
        _ = try archive.call(id: id)
        _ = try archive.turns(ofCall: id)
        try archive.recordExport("test export")
        try archive.setUser("bo", roles: [.coordinator])
        let rows = try archive.auditEntries()
        #expect(rows.map(\.action) == ["create-archive", "ingest", "suggest", "decide", "note", "annotate", "view-call", "view-transcript",
                                       "export", "user-add"])
        #expect(rows.allSatisfy { $0.actor == "anna" && $0.origin == "contract" && $0.hash != nil })
        #expect(rows[1].roles == "midwife,researcher,admin" && rows[1].callID == id)
        #expect(try archive.auditEntries(AuditFilter(callID: id)).count == 7)
        #expect(try archive.auditEntries(AuditFilter(actor: "bo")).isEmpty)
        #expect(try archive.verifyAudit() == nil)
        #expect(try archive.integrityCheck() == ["ok"])
    }

    @Test(arguments: ArchiveImplementation.all)
    func aLiveCallIsSeenByTheOtherDesksUntilItEnds(_ implementation: ArchiveImplementation) throws {
        let store = try implementation.make(dir)
        let deskA = try D.creator(store)
        let coordinator = try D.session(store, "carl", roles: [.coordinator])
        try coordinator.listenForChanges()
        let started = Date()
        try deskA.putLiveCall(LiveCallRecord(desk: "desk-a:1", user: "ignored", startedAt: started, audioMs: 1200,
                                             disposition: .attendNow, primaryReason: "rupture_of_membranes"))
        #expect(try coordinator.changes(waiting: 1).contains { if case .live = $0 { true } else { false } })
        let seen = try coordinator.liveCalls()
        #expect(seen.map(\.desk) == ["desk-a:1"] && seen.first?.user == "anna" && seen.first?.disposition == .attendNow)
        #expect(throws: AccessDenied.self) { try coordinator.putLiveCall(seen[0]) } // a coordinator takes no calls
        // A desk that stopped refreshing (killed) is gone after a while; one that ended, at once.
        #expect(try coordinator.liveCalls(now: started.addingTimeInterval(LiveCallRecord.staleAfter + 2)).isEmpty)
        try deskA.endLiveCall(desk: "desk-a:1")
        #expect(try coordinator.liveCalls().isEmpty)
        #expect(try coordinator.changes(waiting: 1).contains { if case .live = $0 { true } else { false } })
    }
}
