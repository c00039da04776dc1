import GRDB

extension ArchiveError {
    /// Translates a GRDB/SQLite error into the user's terms.
    static func from(_ error: Error, path: String) -> ArchiveError {
        if let archive = error as? ArchiveError { return archive }
        guard let db = error as? DatabaseError else { return .failed(path: path, reason: "\(error)") }
        switch db.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM: return .readOnly(path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notADatabase(path: path)
        case .SQLITE_CANTOPEN: return .cannotOpen(path: path, reason: db.message ?? "unable to open database file")
        case .SQLITE_FULL: return .diskFull(path: path)
        default: return .failed(path: path, reason: db.message ?? "\(db.resultCode)")
        }
    }
}
