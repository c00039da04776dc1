import TriageCore

/// Samples synthetic calls from a profile, the same calls for the same seed: the primary reason from the reasons'
/// counts, the disposition and gestational-age band given that reason (the two-way tables; where a reason's row is all
/// suppressed, the reason's default disposition and the one-way band counts), further reasons so that each reason's
/// count over all reasons is met on average (a further reason that no finding within the disposition can say is left
/// out), and the hour, weekday, language, caller, first baby and call length each
/// from its own counts. A red flag that the call's findings and facts raise lifts the disposition to what it forces,
/// as the protocol does.
public struct SyntheticCallGenerator: Sendable {
    let profile: SynthesisProfile
    let taxonomy: Taxonomy
    let chooser: StatementChooser
    let composer: TranscriptComposer

    /// The largest `count` one run writes.
    public static let maximumCount = 1_000_000

    public init(profile: SynthesisProfile, taxonomy: Taxonomy, realLines: RealLines) {
        self.profile = profile; self.taxonomy = taxonomy
        chooser = StatementChooser(taxonomy: taxonomy)
        composer = TranscriptComposer(taxonomy: taxonomy, realLines: realLines)
    }

    /// Whether the profile leaves a reason to sample (after suppression).
    public var canGenerate: Bool { !profile.primaryReasons.cells.isEmpty }

    /// `count` calls (none when the profile leaves nothing to sample), numbered from 1.
    public func generate(count: Int, seed: UInt64) -> [SyntheticCall] {
        var calls: [SyntheticCall] = []
        each(count: count, seed: seed) { calls.append($0) }
        return calls
    }

    /// Hands `body` the `count` calls one at a time, in order (so a large count is never held at once).
    public func each(count: Int, seed: UInt64, _ body: (SyntheticCall) throws -> Void) rethrows {
        guard canGenerate, count > 0 else { return }
        var random = SynthesisRandom(seed: seed)
        let count = min(count, Self.maximumCount)
        let width = String(count).count
        for index in 1...count {
            let number = String(index)
            try body(call(id: "synth-" + String(repeating: "0", count: max(0, width - number.count)) + number, &random))
        }
    }

    func call(id: String, _ random: inout SynthesisRandom) -> SyntheticCall {
        let p = profile
        let primary = p.primaryReasons.sample(&random) ?? "other"
        var disposition = p.dispositionByReason.sample(given: primary, &random).flatMap(Disposition.init(rawValue:))
            ?? taxonomy.reason(primary)?.defaultDisposition
            ?? p.dispositions.sample(&random).flatMap(Disposition.init(rawValue:))
            ?? .attendSoon
        let band = p.gestationalAgeBandByReason.sample(given: primary, &random) ?? p.gestationalAgeBands.sample(&random) ?? "unknown"
        let unspoken = Set(p.languages.cells.map(\.value)).subtracting(SynthesisProfile.languagesWithPhrasing)
        let language = p.languages.sample(&random, excluding: unspoken) ?? "da"
        let caller = p.callers.sample(&random).flatMap(CallerType.init(rawValue:))
        let firstBaby: Bool? = switch p.firstBaby.sample(&random) { case "yes": true; case "no": false; default: nil }
        let (week, days, postpartum) = Self.gestation(band: band, &random)
        let started = Self.start(hour: p.hours.sample(&random).flatMap(Int.init), weekday: p.weekdays.sample(&random).flatMap(Int.init), &random)
        let duration = Self.duration(band: p.durationBands.sample(&random) ?? "unknown", &random)
        var reasons = [primary]
        for cell in p.allReasons.cells where cell.value != primary && reasons.count < 3 {
            let asPrimary = p.primaryReasons.count(of: cell.value)
            let others = p.calls - asPrimary
            guard others > 0 else { continue }
            if random.uniform() < Double(max(0, cell.count - asPrimary)) / Double(others) { reasons.append(cell.value) }
        }
        var call = SyntheticCall(id: id, startedAt: started, language: language, durationMs: duration, gestationalWeek: week, gestationalDays: days,
                                 firstBaby: firstBaby, caller: caller, daysPostpartum: postpartum, reasons: reasons, disposition: disposition,
                                 redFlags: [], findings: [], turns: [])
        var stated: Set<String> = []
        var phrases: [String] = []
        var said: [String] = []
        for reason in reasons {
            guard let statement = chooser.choose(reason: reason, language: language, disposition: disposition, stated: stated, facts: call.facts,
                                                 secondary: reason != primary, &random) else { continue }
            if let finding = statement.finding { stated.insert(finding); call.findings.append(finding) }
            phrases.append(statement.phrase)
            said.append(reason)
        }
        call.reasons = said
        if let (forced, flags) = chooser.forced(findings: stated, facts: call.facts) {
            call.redFlags = flags
            if forced.isMoreUrgent(than: disposition) { disposition = forced }
        }
        call.disposition = disposition
        call.turns = composer.turns(.init(language: language, caller: caller, gestationalWeek: week, gestationalDays: days, daysPostpartum: postpartum,
                                          firstBaby: firstBaby, phrases: phrases, disposition: disposition, durationMs: duration), &random)
        return call
    }

    /// A gestational week and days within `band`, or days since the birth for "postnatal"; nothing for "unknown".
    static func gestation(band: String, _ random: inout SynthesisRandom) -> (Int?, Int?, Int?) {
        let weeks: ClosedRange<Int>? = switch band {
        case "<24": 12...23
        case "24-27": 24...27
        case "28-31": 28...31
        case "32-33": 32...33
        case "34-36": 34...36
        case "37-41": 37...41
        case "42+": 42...43
        default: nil
        }
        if let weeks { return (weeks.lowerBound + random.below(weeks.count), random.below(7), nil) }
        if band == "postnatal" { return (nil, nil, 1 + random.below(21)) }
        return (nil, nil, nil)
    }

    /// A start in 2026 on `weekday` (1 = Monday) at `hour`, any minute; a missing one drawn uniformly.
    static func start(hour: Int?, weekday: Int?, _ random: inout SynthesisRandom) -> LocalDateTime {
        let firstMonday = 20451 // 2025-12-29, the Monday of 2026-W01
        let week = random.below(52)
        let day = min(max(weekday ?? 1 + random.below(7), 1), 7)
        let hour = min(max(hour ?? random.below(24), 0), 23)
        return LocalDateTime(daysSince1970: firstMonday + 7 * week + day - 1, minuteOfDay: hour * 60 + random.below(60))
    }

    /// A length in milliseconds within the statistics' call-length `band` (three minutes when unknown).
    static func duration(band: String, _ random: inout SynthesisRandom) -> Int {
        let seconds: ClosedRange<Int> = switch band {
        case "<1 min": 20...59
        case "1-2 min": 60...119
        case "2-5 min": 120...299
        case "5-10 min": 300...599
        case "10+ min": 600...900
        default: 180...180
        }
        return (seconds.lowerBound + random.below(seconds.count)) * 1000
    }
}
