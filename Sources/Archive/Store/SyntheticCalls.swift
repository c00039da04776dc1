import TriageCore

/// Generated calls for benchmarks: realistic mixes of reasons, dispositions, hours and weekdays over 2026, the same
/// for a seed in every store.
struct SyntheticCall {
    var id: Int
    var durationMs: Int
    var started: LocalDateTime
    var language: String
    var gestationalWeek: Int
    var reason: String
    var disposition: String
    /// A second reason of the suggestion, for about three calls in ten.
    var secondReason: String?
    /// The midwife's decision, for about six calls in ten: mostly the suggestion, sometimes one level more or less urgent.
    var decided: String?

    /// The suggestion's confidence, 0.30 to 0.99 in hundredths, from the call's id (the generator's stream stays as it was).
    var confidence: Double { 0.3 + Double((UInt64(truncatingIfNeeded: id) &* 2_654_435_761) % 70) / 100 }

    static let reasons: [(String, Double)] = [("labour_contractions", 0.45), ("rupture_of_membranes", 0.15), ("reduced_fetal_movements", 0.08),
                                              ("vaginal_bleeding", 0.07), ("abdominal_pain", 0.06), ("practical_question", 0.05),
                                              ("anxiety_reassurance", 0.04), ("postnatal_concern", 0.04), ("preeclampsia_symptoms", 0.02),
                                              ("fever_infection", 0.02), ("other", 0.02)]
    static let dispositions = ["emergency_112", "attend_now", "attend_soon", "self_care", "refer", "info_only"]

    /// `count` calls (at least one), ids from 1.
    static func generate(count: Int, seed: UInt64) -> [SyntheticCall] {
        var state = seed | 1
        func next() -> UInt64 { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state }
        func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
        let firstDay = LocalDateTime(daysSince1970: 0).daysSince1970 + 20454 // 2026-01-01
        var calls: [SyntheticCall] = []
        calls.reserveCapacity(max(1, count))
        for id in 1...max(1, count) {
            var pick = uniform(), reason = reasons[0].0
            for (code, share) in reasons { if pick < share { reason = code; break }; pick -= share }
            // Busier by day than by night, as the phones are.
            let hour = uniform() < 0.7 ? 7 + Int(uniform() * 15) : Int(uniform() * 24)
            let day = firstDay + Int(uniform() * 365)
            let started = LocalDateTime(daysSince1970: day, minuteOfDay: hour * 60 + Int(uniform() * 60))
            let disposition = dispositions[Int(uniform() * uniform() * 6)]
            let duration = 30_000 + Int(uniform() * 300_000)
            let language = uniform() < 0.8 ? "da" : "en"
            let week = 20 + Int(uniform() * 22)
            let second = uniform() < 0.3 ? (reason == "anxiety_reassurance" ? "other" : "anxiety_reassurance") : nil
            var decided: String?
            if uniform() < 0.6, let rank = dispositions.firstIndex(of: disposition) {
                let pick = uniform()
                decided = dispositions[pick < 0.85 ? rank : (pick < 0.95 ? max(0, rank - 1) : min(dispositions.count - 1, rank + 1))]
            }
            calls.append(SyntheticCall(id: id, durationMs: duration, started: started, language: language, gestationalWeek: week,
                                       reason: reason, disposition: disposition, secondReason: second, decided: decided))
        }
        return calls
    }
}
