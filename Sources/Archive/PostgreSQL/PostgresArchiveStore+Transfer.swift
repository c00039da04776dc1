import Foundation

extension PostgresArchiveStore: TransferStore {
    func transferRows(_ table: ArchiveTable, after: [TransferValue]?, limit: Int) throws -> [[TransferValue]] {
        let keys = table.key.joined(separator: ", ")
        let kinds = Dictionary(table.columns.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let condition = after == nil ? "" : "WHERE (\(keys)) > (" + table.key.enumerated().map { i, key in
            "$\(i + 1)::\(kinds[key] == .integer ? "bigint" : "text")"
        }.joined(separator: ", ") + ")"
        let parameters: [(any PostgresBindable)?] = (after ?? []).map(\.bindable) + [limit]
        let sql = "SELECT \(table.columnNames.joined(separator: ", ")) FROM \(table.name) \(condition) ORDER BY \(keys) LIMIT $\(parameters.count)"
        return try read { db in
            try db.execute(sql, parameters).map { row in
                try table.columns.enumerated().map { i, column -> TransferValue in
                    guard let text = row[i] else { return .null }
                    switch column.kind {
                    case .text: return .text(text)
                    case .integer:
                        guard let v = Int64(text) else { throw PostgresFailure(sqlState: "", message: "\(table.name).\(column.name) is not an integer") }
                        return .integer(v)
                    case .real:
                        guard let v = Double(text) else { throw PostgresFailure(sqlState: "", message: "\(table.name).\(column.name) is not a number") }
                        return .real(v)
                    case .blob:
                        guard let v = row.data(column.name) else { throw PostgresFailure(sqlState: "", message: "\(table.name).\(column.name) is not bytea") }
                        return .blob([UInt8](v))
                    }
                }
            }
        }
    }

    func transferInsert(_ rows: [[TransferValue]], into table: ArchiveTable) throws -> Int {
        guard !rows.isEmpty else { return 0 }
        let columns = table.columns
        if table != ArchiveTable.callPointers {
            // Many rows per statement (at most 65,535 parameters): a copy is bound by round trips to the server. The
            // archive's write lock keeps a copy's rows from interleaving with a desk's change and its audit row.
            let perStatement = max(1, 60_000 / max(1, columns.count))
            return try write(serialized: true) { db in
                var written = 0
                for start in stride(from: 0, to: rows.count, by: perStatement) {
                    let chunk = rows[start..<min(rows.count, start + perStatement)]
                    let tuples = (0..<chunk.count).map { r in
                        "(" + columns.enumerated().map { i, c in "$\(r * columns.count + i + 1)" + (c.kind == .blob ? "::bytea" : "") }
                            .joined(separator: ", ") + ")"
                    }
                    written += try db.execute(insert(table, values: tuples.joined(separator: ", ")), chunk.flatMap { $0.map(\.bindable) }).affected
                }
                return written
            }
        }
        // Each call's current suggestion and decision, many calls per statement, written only where they differ.
        return try write(serialized: true) { db in
            var written = 0
            for start in stride(from: 0, to: rows.count, by: 5000) {
                let chunk = rows[start..<min(rows.count, start + 5000)]
                let tuples = (0..<chunk.count).map { r in "($\(r * 3 + 1)::bigint, $\(r * 3 + 2)::bigint, $\(r * 3 + 3)::bigint)" }
                written += try db.execute("""
                    UPDATE calls c SET latest_assessment_id = v.a, latest_decision_id = v.d
                    FROM (VALUES \(tuples.joined(separator: ", "))) AS v (id, a, d)
                    WHERE c.id = v.id AND (c.latest_assessment_id IS DISTINCT FROM v.a OR c.latest_decision_id IS DISTINCT FROM v.d)
                    """, chunk.flatMap { $0.map(\.bindable) }).affected
            }
            return written
        }
    }

    /// The INSERT of `table`'s rows: kept where present, or replaced where different (`replaces`), so that a copy run
    /// again writes nothing.
    private func insert(_ table: ArchiveTable, values: String) -> String {
        let columns = table.columnNames.joined(separator: ", ")
        guard table.replaces else { return "INSERT INTO \(table.name) (\(columns)) VALUES \(values) ON CONFLICT DO NOTHING" }
        let others = table.columnNames.filter { !table.key.contains($0) }
        return "INSERT INTO \(table.name) (\(columns)) VALUES \(values) "
            + "ON CONFLICT (\(table.key.joined(separator: ", "))) DO UPDATE SET \(others.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")) "
            + "WHERE \(others.map { "\(table.name).\($0) IS DISTINCT FROM excluded.\($0)" }.joined(separator: " OR "))"
    }

    func transferCount(_ table: ArchiveTable) throws -> Int {
        try read { db in try db.execute("SELECT count(*) AS n FROM \(table.name)").first?.int("n") ?? 0 }
    }

    func transferLastID(_ table: ArchiveTable) throws -> Int64? {
        guard table.key == ["id"], table.columns.first?.kind == .integer else { return nil }
        return try read { db in try db.execute("SELECT max(id) AS m FROM \(table.name)").first?.int64("m") }
    }

    /// Identity sequences continue after the ids copied; every user's login role gets the grants of the user's roles.
    func transferFinish() throws {
        try write(serialized: true) { db in
            for table in ArchiveTable.copyOrder where table.hasIdentity {
                try db.execute("""
                    SELECT setval(pg_get_serial_sequence('\(table.name)', 'id'), greatest((SELECT max(id) FROM \(table.name)), 1),
                                  (SELECT max(id) FROM \(table.name)) IS NOT NULL)
                    """)
            }
            for row in try db.execute("SELECT name, roles FROM users ORDER BY name") {
                guard let name = row["name"], case .success(let roles) = Role.parseList(row["roles"] ?? "") else { continue }
                try Self.grantDatabaseRoles(roles, to: name, db: db)
            }
        }
    }
}

extension TransferValue {
    var bindable: (any PostgresBindable)? {
        switch self {
        case .null: return nil
        case .integer(let v): return v
        case .real(let v): return v
        case .text(let v): return v
        case .blob(let v): return Data(v)
        }
    }
}
