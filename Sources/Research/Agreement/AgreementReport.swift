import Archive

/// `triage agreement`: how far the annotators agree, on which reasons calls have and where in time, and the calls
/// on which they differ. The reasons are those any annotator gave (or the one asked for).
public struct AgreementReport: Sendable, Equatable, Codable {
    public var annotators: [String]
    /// The calls with labels, and those labelled by at least two annotators.
    public var labelledCalls: Int
    public var sharedCalls: Int
    public var callLevel: [CallAgreement.Row]
    public var timeLevel: [FrameAgreement.Row]
    public var disagreements: [Disagreements.Call]

    enum CodingKeys: String, CodingKey {
        case annotators, disagreements
        case labelledCalls = "labelled_calls", sharedCalls = "shared_calls", callLevel = "call_level", timeLevel = "time_level"
    }

    public init(_ calls: [AnnotatedCall], code: String? = nil) {
        let labelled = calls.filter { !$0.spans.isEmpty }
        annotators = Set(labelled.flatMap(\.annotators)).sorted()
        let reasons = code.map { [$0] } ?? Set(labelled.flatMap { $0.spans.values.joined().map(\.code) }).sorted()
        labelledCalls = labelled.count
        sharedCalls = labelled.filter { $0.annotators.count >= 2 }.count
        callLevel = CallAgreement.rows(labelled, annotators: annotators, reasons: reasons)
        timeLevel = FrameAgreement.rows(labelled, annotators: annotators, reasons: reasons)
        disagreements = Disagreements.list(labelled, reasons: reasons)
    }

    /// The labels in force on every call of the archive, as agreement reads them (researcher role).
    public static func load(from session: ArchiveSession) throws -> [AnnotatedCall] {
        try session.require(.label)
        return try session.listCalls().sorted { $0.id < $1.id }.compactMap { call in
            let labels = try session.annotations(ofCall: call.id)
            guard !labels.isEmpty else { return nil }
            let spans = Dictionary(grouping: labels, by: \.annotator).mapValues { list in
                list.map { AnnotatedCall.Span(code: $0.code.rawValue, startMs: $0.startMs, endMs: $0.endMs) }
            }
            return AnnotatedCall(callID: call.id, durationMs: call.durationMs, spans: spans)
        }
    }
}
