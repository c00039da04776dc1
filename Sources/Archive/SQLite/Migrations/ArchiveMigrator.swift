import GRDB

/// The archive's migrations in order. Append new ones; never edit or reorder a shipped one.
enum ArchiveMigrator {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(Migration001InitialSchema.identifier, migrate: Migration001InitialSchema.migrate)
        migrator.registerMigration(Migration002CurrentAssessment.identifier, migrate: Migration002CurrentAssessment.migrate)
        migrator.registerMigration(Migration003Models.identifier, migrate: Migration003Models.migrate)
        migrator.registerMigration(Migration004UsersAndAuditChain.identifier, migrate: Migration004UsersAndAuditChain.migrate)
        migrator.registerMigration(Migration005LiveCalls.identifier, migrate: Migration005LiveCalls.migrate)
        migrator.registerMigration(Migration006DecidedAgainst.identifier, migrate: Migration006DecidedAgainst.migrate)
        migrator.registerMigration(Migration007Replays.identifier, migrate: Migration007Replays.migrate)
        migrator.registerMigration(Migration008OverrideReasons.identifier, migrate: Migration008OverrideReasons.migrate)
        migrator.registerMigration(Migration009IncidentReviews.identifier, migrate: Migration009IncidentReviews.migrate)
        migrator.registerMigration(Migration010SuggestedConfidence.identifier, migrate: Migration010SuggestedConfidence.migrate)
        return migrator
    }
}
