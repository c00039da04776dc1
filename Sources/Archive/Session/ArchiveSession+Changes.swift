import Foundation

extension ArchiveSession {
    /// Starts following other desks' changes (a live call archived, suggested or decided). Every role may: the
    /// changes name calls, nothing in them.
    public func listenForChanges() throws {
        try require(.statistics)
        try store.listenForChanges()
    }

    /// The changes since the last look, waiting up to `timeout` seconds for the first.
    public func changes(waiting timeout: TimeInterval) throws -> [ArchiveChange] {
        try require(.statistics)
        return try store.changes(waiting: timeout)
    }
}
