import CLibPQ
import Foundation

/// A failure the server or libpq reported: the SQLSTATE code (empty when the connection itself failed) and
/// the server's message.
struct PostgresFailure: Error, CustomStringConvertible {
    var sqlState: String
    var message: String

    var description: String { message }

    /// The connection could not be made or was lost (SQLSTATE class 08).
    static let cannotConnect = "08001"
    static let uniqueViolation = "23505"
    static let insufficientPrivilege = "42501"
    static let serializationFailure = "40001"
    static let deadlockDetected = "40P01"
    static let lockNotAvailable = "55P03"
    static let diskFull = "53100"
    static let readOnlyTransaction = "25006"
}

/// A value bound to a statement's `$n` parameter, sent in PostgreSQL's text form.
protocol PostgresBindable {
    var postgresText: String { get }
}

extension String: PostgresBindable { var postgresText: String { self } }
extension Int: PostgresBindable { var postgresText: String { String(self) } }
extension Int64: PostgresBindable { var postgresText: String { String(self) } }
extension Double: PostgresBindable {
    /// Shortest text that reads back as the same double.
    var postgresText: String { isFinite ? "\(self)" : (isNaN ? "NaN" : (self > 0 ? "Infinity" : "-Infinity")) }
}
extension Bool: PostgresBindable { var postgresText: String { self ? "true" : "false" } }
extension Data: PostgresBindable {
    /// `bytea` in hex form.
    var postgresText: String { "\\x" + map { String(format: "%02x", $0) }.joined() }
}

/// One connection to the server through libpq, used by one thread at a time (the store holds a lock around it).
/// Statements are sent with parameters (`$1`, `$2`, …), never with values spliced into the text.
final class PostgresConnection {
    private let connection: OpaquePointer

    /// Connects to `address`; the password, if the server wants one, comes from `~/.pgpass` or `PGPASSFILE`.
    init(_ address: PostgresAddress, timeoutSeconds: Int) throws {
        let keywords = ["dbname", "application_name", "connect_timeout", "client_encoding"]
        let values = [address.uri, "triage", String(max(1, timeoutSeconds)), "UTF8"]
        let made: OpaquePointer? = Self.withCStrings(keywords) { k in
            Self.withCStrings(values) { v in PQconnectdbParams(k, v, 1) }
        }
        guard let made else { throw PostgresFailure(sqlState: "", message: "out of memory") }
        guard PQstatus(made) == CONNECTION_OK else {
            let message = Self.firstLine(String(cString: PQerrorMessage(made)))
            PQfinish(made)
            throw PostgresFailure(sqlState: PostgresFailure.cannotConnect, message: message)
        }
        triage_pq_quiet_notices(made)
        connection = made
    }

    deinit { PQfinish(connection) }

    /// Connects again when the server closed the connection (a restart or a fail-over); true when it did. What the
    /// session had set (LISTEN, settings) is gone then, and the caller sets it again.
    func reconnectIfLost() -> Bool {
        guard PQstatus(connection) == CONNECTION_BAD else { return false }
        PQreset(connection)
        if PQstatus(connection) == CONNECTION_OK { triage_pq_quiet_notices(connection) }
        return true
    }

    /// Runs one statement with its parameters and returns its rows (none for a command).
    @discardableResult
    func execute(_ sql: String, _ parameters: [(any PostgresBindable)?] = []) throws -> PostgresRows {
        let texts = parameters.map { $0?.postgresText }
        let result: OpaquePointer? = Self.withOptionalCStrings(texts) { values in
            PQexecParams(connection, sql, Int32(values.count), nil, values, nil, nil, 0)
        }
        return try rows(of: result)
    }

    /// Rolls back after a failure that is being reported. A rollback that fails too (the connection is gone) has
    /// nothing to add: the server rolls an unfinished transaction back itself when the connection ends.
    func abandonTransaction() {
        PQclear(PQexec(connection, "ROLLBACK"))
    }

    /// Releases a session-level advisory lock; the server releases it anyway when the connection ends.
    func releaseSessionLock(_ key: Int64) {
        let released = Self.withOptionalCStrings([String(key)]) { values in
            PQexecParams(connection, "SELECT pg_advisory_unlock($1)", 1, nil, values, nil, nil, 0)
        }
        PQclear(released)
    }

    /// Runs statements given as one text, without parameters (migrations).
    func executeScript(_ sql: String) throws {
        _ = try rows(of: PQexec(connection, sql))
    }

    /// Sends `lines` (already in COPY's text format) to a `COPY … FROM STDIN` statement.
    func copy(_ statement: String, lines: some Sequence<String>) throws {
        let started = PQexec(connection, statement)
        guard PQresultStatus(started) == PGRES_COPY_IN else { _ = try rows(of: started); return }
        PQclear(started)
        var buffer = ""
        func flush() throws {
            guard !buffer.isEmpty else { return }
            let sent = buffer.utf8CString.withUnsafeBufferPointer { PQputCopyData(connection, $0.baseAddress, Int32($0.count - 1)) }
            guard sent == 1 else { throw PostgresFailure(sqlState: "", message: Self.firstLine(String(cString: PQerrorMessage(connection)))) }
            buffer.removeAll(keepingCapacity: true)
        }
        for line in lines {
            buffer += line; buffer += "\n"
            if buffer.utf8.count > 1 << 20 { try flush() }
        }
        try flush()
        guard PQputCopyEnd(connection, nil) == 1 else {
            throw PostgresFailure(sqlState: "", message: Self.firstLine(String(cString: PQerrorMessage(connection))))
        }
        var failure: Error?
        while let result = PQgetResult(connection) {
            do { _ = try rows(of: result) } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
    }

    /// The notifications that have arrived (`LISTEN`), waiting at most `timeout` seconds for the first.
    func notifications(waiting timeout: TimeInterval) throws -> [(channel: String, payload: String)] {
        var arrived = drainNotifications()
        if !arrived.isEmpty || timeout <= 0 { return arrived }
        let socket = PQsocket(connection)
        guard socket >= 0 else { throw PostgresFailure(sqlState: "", message: "the connection to the server is closed") }
        var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(min(timeout, 3600) * 1000)
        if poll(&poller, 1, milliseconds) > 0 {
            guard PQconsumeInput(connection) == 1 else {
                throw PostgresFailure(sqlState: "", message: Self.firstLine(String(cString: PQerrorMessage(connection))))
            }
            arrived = drainNotifications()
        }
        return arrived
    }

    private func drainNotifications() -> [(channel: String, payload: String)] {
        _ = PQconsumeInput(connection)
        var arrived: [(channel: String, payload: String)] = []
        while let notice = PQnotifies(connection) {
            arrived.append((String(cString: notice.pointee.relname), String(cString: notice.pointee.extra)))
            PQfreemem(notice)
        }
        return arrived
    }

    /// The rows of a result, or the failure it carries; frees the result.
    private func rows(of result: OpaquePointer?) throws -> PostgresRows {
        guard let result else {
            throw PostgresFailure(sqlState: "", message: Self.firstLine(String(cString: PQerrorMessage(connection))))
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN:
            return PostgresRows(columns: [], values: [], affected: Int(String(cString: PQcmdTuples(result))) ?? 0)
        case PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE:
            let rowCount = Int(PQntuples(result)), columnCount = Int(PQnfields(result))
            let columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
            var values: [[String?]] = []
            values.reserveCapacity(rowCount)
            for r in 0..<Int32(rowCount) {
                values.append((0..<Int32(columnCount)).map { c in
                    PQgetisnull(result, r, c) == 1 ? nil : String(cString: PQgetvalue(result, r, c))
                })
            }
            return PostgresRows(columns: columns, values: values, affected: rowCount)
        default:
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
            let message = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
                ?? String(cString: PQresultErrorMessage(result))
            throw PostgresFailure(sqlState: state, message: Self.firstLine(message))
        }
    }

    static func firstLine(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        return line.hasPrefix("FATAL:  ") ? String(line.dropFirst(8)) : (line.hasPrefix("ERROR:  ") ? String(line.dropFirst(8)) : line)
    }

    /// `strings` as a NULL-terminated array of C strings (libpq's keyword and value lists).
    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        withOptionalCStrings(strings.map { Optional($0) } + [nil], body)
    }

    private static func withOptionalCStrings<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        let copies = strings.map { $0.flatMap { strdup($0) } }
        defer { copies.forEach { free($0) } }
        return body(copies.map { $0.map { UnsafePointer($0) } })
    }
}

/// A statement's result in text form: column names and each row's values (`nil` for NULL).
struct PostgresRows: Sequence {
    let columns: [String]
    let values: [[String?]]
    /// Rows returned, or rows a command changed.
    let affected: Int

    var count: Int { values.count }
    var first: PostgresRow? { values.first.map { PostgresRow(columns: columns, values: $0) } }

    func makeIterator() -> AnyIterator<PostgresRow> {
        var index = 0
        return AnyIterator {
            guard index < values.count else { return nil }
            defer { index += 1 }
            return PostgresRow(columns: columns, values: values[index])
        }
    }
}

/// One row, its values read by column name.
struct PostgresRow {
    let columns: [String]
    let values: [String?]

    /// The value's text, `nil` for NULL or an unknown column.
    subscript(_ column: String) -> String? {
        guard let index = columns.firstIndex(of: column) else { return nil }
        return values[index]
    }

    subscript(index: Int) -> String? { index < values.count ? values[index] : nil }

    func int(_ column: String) -> Int? { self[column].flatMap { Int($0) } }
    func int64(_ column: String) -> Int64? { self[column].flatMap { Int64($0) } }
    func double(_ column: String) -> Double? { self[column].flatMap { Double($0) } }
    func bool(_ column: String) -> Bool? { self[column].map { $0 == "t" || $0 == "true" || $0 == "1" } }
    /// A `bytea` column (hex form).
    func data(_ column: String) -> Data? {
        guard let text = self[column], text.hasPrefix("\\x") else { return nil }
        var bytes = Data(capacity: (text.utf8.count - 2) / 2)
        var high: UInt8?
        for c in text.utf8.dropFirst(2) {
            let nibble: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let h = high { bytes.append(h << 4 | nibble); high = nil } else { high = nibble }
        }
        return bytes
    }

    /// A NOT NULL column's text; a clear error when the server returned NULL.
    func required(_ column: String) throws -> String {
        guard let value = self[column] else { throw PostgresFailure(sqlState: "", message: "column \(column) is empty") }
        return value
    }

    func requiredInt64(_ column: String) throws -> Int64 {
        guard let value = int64(column) else { throw PostgresFailure(sqlState: "", message: "column \(column) is not a number") }
        return value
    }

    func requiredInt(_ column: String) throws -> Int {
        guard let value = int(column) else { throw PostgresFailure(sqlState: "", message: "column \(column) is not a number") }
        return value
    }
}
