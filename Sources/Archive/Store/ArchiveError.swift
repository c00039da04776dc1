/// Why the archive could not be opened or written, in words a user can act on. Names the database.
public enum ArchiveError: Error, Sendable, CustomStringConvertible {
    /// Another process holds the database locked longer than the busy timeout.
    case locked(path: String)
    /// The database (or its folder) cannot be written.
    case readOnly(path: String)
    /// The database cannot be opened at all.
    case cannotOpen(path: String, reason: String)
    /// The file exists but is not an SQLite database, or is damaged.
    case notADatabase(path: String)
    /// The disk is full.
    case diskFull(path: String)
    /// Any other database failure.
    case failed(path: String, reason: String)
    /// What was asked for is not in the archive.
    case notFound(String)
    /// A file beside the database (a recording in the store, a backup's part) is missing, damaged or cannot be written.
    case file(path: String, problem: String)

    public var description: String {
        switch self {
        case .locked(let p): return "\(p): the database is locked by another process; try again when it has finished"
        case .readOnly(let p): return "\(p): the database is read-only (check the file's and its folder's permissions)"
        case .cannotOpen(let p, let r): return "\(p): cannot open the database (\(r))"
        case .notADatabase(let p): return "\(p): not a triage database, or it is damaged"
        case .diskFull(let p): return "\(p): the disk is full; nothing was written"
        case .failed(let p, let r): return "\(p): database error: \(r)"
        case .notFound(let what): return what
        case .file(let p, let problem): return "\(p): \(problem)"
        }
    }
}
