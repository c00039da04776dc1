/// A table of the archive as a copy sees it: the same name, columns and meaning in the SQLite and the PostgreSQL
/// schema, copied in this order (each after the tables it refers to).
struct ArchiveTable: Sendable, Equatable {
    /// How a column's values are written in both schemas.
    enum Kind: Sendable { case integer, real, text, blob }

    let name: String
    let columns: [(name: String, kind: Kind)]
    /// The columns that identify a row, in the order rows are copied and compared.
    let key: [String]
    /// Whether the rows already in the destination are replaced (the audit log's head) rather than kept.
    var replaces = false
    /// Whether the destination's identity sequence must follow the ids copied (PostgreSQL).
    var hasIdentity = false

    static func == (a: ArchiveTable, b: ArchiveTable) -> Bool { a.name == b.name && a.columnNames == b.columnNames }

    var columnNames: [String] { columns.map(\.name) }

    private static func columns(_ spec: String) -> [(name: String, kind: Kind)] {
        spec.split(separator: " ").map { word in
            let parts = word.split(separator: ":")
            let kind: Kind = parts.count > 1 ? (parts[1] == "r" ? .real : parts[1] == "b" ? .blob : .integer) : .text
            return (String(parts[0]), kind)
        }
    }

    // Column lists: `name` is text, `name:i` integer, `name:r` real, `name:b` bytes.
    static let users = ArchiveTable(name: "users", columns: columns("name roles added_at added_by"), key: ["name"])
    /// Calls without their pointers to the current suggestion and decision, which `callPointers` sets at the end.
    static let calls = ArchiveTable(name: "calls", columns: columns("""
        id:i content_sha256 content_kind source_path audio_format sample_rate:i channels:i channel_roles frames:i duration_ms:i \
        started_at started_date started_hour:i started_weekday:i started_iso_week utc_offset_min:i language gestational_week:i \
        gestational_days:i first_baby:i caller_type days_postpartum:i metadata_json transcript_path transcript_format ingested_at \
        suggested_primary suggested_disposition confirmed_primary confirmed_disposition \
        decided_against_disposition decided_against_primary decided_against_taxonomy decided_against_model \
        replay:i replay_of_path replay_of_sha256 decided_override_reason suggested_confidence:r
        """), key: ["id"], hasIdentity: true)
    static let turns = ArchiveTable(name: "turns", columns: columns("id:i call_id:i seq:i speaker speaker_label start_ms:i end_ms:i text source"),
                                    key: ["id"], hasIdentity: true)
    static let callFeatures = ArchiveTable(name: "call_features", columns: columns(
        "id:i call_id:i channel:i feature_set extractor_version values_json computed_at"), key: ["id"], hasIdentity: true)
    static let assessments = ArchiveTable(name: "assessments", columns: columns(
        "id:i call_id:i created_at taxonomy_id taxonomy_version model_version primary_reason disposition result_json confidence:r"), key: ["id"], hasIdentity: true)
    static let assessmentReasons = ArchiveTable(name: "assessment_reasons", columns: columns("assessment_id:i reason_code rank:i score:r"),
                                                key: ["assessment_id", "reason_code"])
    static let assessmentRedFlags = ArchiveTable(name: "assessment_red_flags", columns: columns("assessment_id:i flag_code"),
                                                 key: ["assessment_id", "flag_code"])
    static let decisions = ArchiveTable(name: "decisions", columns: columns(
        "id:i call_id:i assessment_id:i decided_at decided_by taxonomy_id taxonomy_version primary_reason disposition note override_reason override_text"),
        key: ["id"], hasIdentity: true)
    static let decisionReasons = ArchiveTable(name: "decision_reasons", columns: columns("decision_id:i reason_code rank:i"),
                                              key: ["decision_id", "reason_code"])
    static let incidentReviews = ArchiveTable(name: "incident_reviews", columns: columns("id:i call_id:i reviewed_at reviewed_by conclusion note"),
                                              key: ["id"], hasIdentity: true)
    static let annotations = ArchiveTable(name: "annotations", columns: columns("""
        id:i call_id:i annotator channel:i start_ms:i end_ms:i code taxonomy_id taxonomy_version note created_at updated_at deleted_at supersedes_id:i
        """), key: ["id"], hasIdentity: true)
    static let currentReasons = ArchiveTable(name: "current_reasons", columns: columns("call_id:i source reason_code"),
                                             key: ["call_id", "source", "reason_code"])
    static let models = ArchiveTable(name: "models", columns: columns(
        "id taxonomy training_sha256 training_calls:i stored_at stored_by metrics_json model_json:b active:i"), key: ["id"])
    static let auditLog = ArchiveTable(name: "audit_log", columns: columns("id:i at actor roles action call_id:i detail origin previous_hash hash"),
                                       key: ["id"])
    static let auditHead = ArchiveTable(name: "audit_head", columns: columns("one:i last_id:i last_hash"), key: ["one"], replaces: true)
    /// Each call's current suggestion and decision: set once both exist in the destination.
    static let callPointers = ArchiveTable(name: "calls", columns: columns("id:i latest_assessment_id:i latest_decision_id:i"), key: ["id"],
                                           replaces: true)

    /// Every table in the order a copy writes them. The audit log goes first: a copy cut off part-way then always
    /// holds the beginning of the source's chain, which is how the next run knows it for an unfinished copy.
    static let copyOrder: [ArchiveTable] = [users, auditLog, auditHead, calls, turns, callFeatures, assessments, assessmentReasons,
                                            assessmentRedFlags, decisions, decisionReasons, incidentReviews, annotations, currentReasons, models, callPointers]
}

/// One value of a copied row, as both stores hold it.
enum TransferValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// The value's canonical text for the copy's digests: equal values give equal text in both stores.
    var canonical: String {
        switch self {
        case .null: return "∅"
        case .integer(let v): return "i\(v)"
        case .real(let v): return "r\(v.bitPattern)"
        case .text(let v): return "t\(v.utf8.count):\(v)"
        case .blob(let v): return "b" + v.map { String(format: "%02x", $0) }.joined()
        }
    }
}
