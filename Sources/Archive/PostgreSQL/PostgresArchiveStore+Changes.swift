import Foundation

extension PostgresArchiveStore {
    static let changesChannel = "triage_changes"

    /// Queues a notification that the server delivers when (and only if) the transaction commits.
    static func announce(_ change: ArchiveChange, db: PostgresConnection) throws {
        try db.execute("SELECT pg_notify($1, $2)", [changesChannel, change.payload])
    }
}

extension PostgresArchiveStore: ChangeFeed {
    public func listenForChanges() throws { try listen(to: Self.changesChannel) }

    /// The changes announced since the last call, waiting up to `timeout` for the first (this store's other
    /// operations wait meanwhile: poll with a short timeout on a screen's tick).
    public func changes(waiting timeout: TimeInterval) throws -> [ArchiveChange] {
        try notifications(waiting: timeout).filter { $0.channel == Self.changesChannel }.compactMap { ArchiveChange(payload: $0.payload) }
    }
}
