/// One versioned change to a PostgreSQL archive's schema. Shipped migrations are never edited: a change to the
/// schema is a new migration appended to `PostgresMigrations.all`.
struct PostgresMigration: Sendable {
    let identifier: String
    let sql: String
}

/// The PostgreSQL archive's migrations, in order (the SQLite store keeps its own in `ArchiveMigrator`).
enum PostgresMigrations {
    static let all: [PostgresMigration] = [PostgresMigration001Schema.migration, PostgresMigration002Roles.migration,
                                                  PostgresMigration003LiveCalls.migration,
                                                  PostgresMigration004DecidedAgainst.migration,
                                                  PostgresMigration005Replays.migration,
                                                  PostgresMigration006OverrideReasons.migration,
                                                  PostgresMigration007IncidentReviews.migration,
                                                  PostgresMigration008SuggestedConfidence.migration]
}
