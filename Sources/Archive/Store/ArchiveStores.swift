import Foundation

/// Chooses the store implementation by the archive's address.
enum ArchiveStores {
    /// The address when none is given: `$TRIAGE_DB`, else `triage.sqlite` in the working directory.
    static func defaultAddress(environment: [String: String]) -> String {
        if let path = environment["TRIAGE_DB"], !path.isEmpty { return path }
        return "triage.sqlite"
    }

    /// Opens the store at `address`: a `postgresql://` URL names a department's server, anything else an SQLite file.
    static func open(address: String, readOnly: Bool, busyTimeout: TimeInterval) throws -> any ArchiveStore {
        if PostgresAddress.names(address) {
            return try PostgresArchiveStore(address: address, readOnly: readOnly, busyTimeout: busyTimeout)
        }
        return try SQLiteArchiveStore(path: address, readOnly: readOnly, busyTimeout: busyTimeout)
    }
}

extension ArchiveSession {
    /// The archive's address when none is given: `$TRIAGE_DB`, else `triage.sqlite` in the working directory.
    public static func defaultAddress(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        ArchiveStores.defaultAddress(environment: environment)
    }
}
