/// The product's roles as PostgreSQL roles (`triage_midwife`, `triage_researcher`, `triage_coordinator`,
/// `triage_admin`, without login), granted in this database exactly what `Permission` lets each role do, so that a
/// coordinator's database account cannot read a transcript even with `psql`. A user's login role is made a member of
/// the group roles of the user's product roles (`triage users add|role|remove`). The roles are the cluster's; the
/// grants are this database's.
///
/// Shipped: never edit this migration. Change the grants with a new migration file.
enum PostgresMigration002Roles {
    static let migration = PostgresMigration(identifier: "pg-002-roles", sql: """
        DO $$
        DECLARE r TEXT;
        BEGIN
            FOREACH r IN ARRAY ARRAY['triage_midwife', 'triage_researcher', 'triage_coordinator', 'triage_admin'] LOOP
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
                    BEGIN
                        EXECUTE format('CREATE ROLE %I NOLOGIN', r);
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- another archive made it meanwhile
                    END;
                END IF;
            END LOOP;
        END $$;

        -- Every role: the session's own bookkeeping (which user, which schema) and appending to the audit chain.
        GRANT SELECT ON schema_migrations, users TO triage_midwife, triage_researcher, triage_coordinator, triage_admin;
        GRANT SELECT (id, hash), INSERT ON audit_log TO triage_midwife, triage_researcher, triage_coordinator, triage_admin;
        GRANT SELECT, INSERT, UPDATE ON audit_head TO triage_midwife, triage_researcher, triage_coordinator, triage_admin;

        -- Statistics (every role): the calls' counted columns and current reasons, no path, transcript or note.
        GRANT SELECT (id, started_date, started_hour, started_weekday, started_iso_week, language, caller_type,
                      gestational_week, days_postpartum, first_baby, duration_ms, suggested_primary, suggested_disposition,
                      confirmed_primary, confirmed_disposition)
            ON calls TO triage_midwife, triage_researcher, triage_coordinator, triage_admin;
        GRANT SELECT ON current_reasons TO triage_midwife, triage_researcher, triage_coordinator, triage_admin;

        -- Archiving and reading calls (midwife, researcher).
        GRANT SELECT, INSERT, UPDATE ON calls TO triage_midwife, triage_researcher;
        GRANT SELECT, INSERT ON turns, call_features, assessments, assessment_reasons, assessment_red_flags
            TO triage_midwife, triage_researcher;
        GRANT SELECT ON decisions, decision_reasons TO triage_midwife, triage_researcher;
        GRANT INSERT, DELETE ON current_reasons TO triage_midwife, triage_researcher;

        -- Decisions and notes (midwife).
        GRANT INSERT ON decisions, decision_reasons TO triage_midwife;

        -- Labels and training (researcher).
        GRANT SELECT, INSERT, UPDATE ON annotations TO triage_researcher;
        GRANT INSERT ON models TO triage_researcher;

        -- Using models (midwife, researcher, admin); choosing the active one, users and the audit log (admin).
        GRANT SELECT ON models TO triage_midwife, triage_researcher, triage_admin;
        GRANT UPDATE ON models TO triage_admin;
        GRANT INSERT, UPDATE, DELETE ON users TO triage_admin;
        GRANT SELECT ON audit_log TO triage_admin;
        """)
}
