import Foundation
import TestSupport
import Testing

/// The archive has one door: no code outside `Sources/Archive` imports GRDB or holds SQL, so every read and
/// write goes through `ArchiveSession` (and a second store needs no other module touched). The only SQL
/// elsewhere is `Tests/Fixtures/sqlite3/` and `Tests/Fixtures/psql/`: scripts run by the `sqlite3` and `psql` programs
/// as a person with the file or a database account would.
@Suite struct OneDoorTests {
    static let sqlPattern = (#"\b(SELECT\s+[\w*(]|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|TRIGGER|VIEW)|DROP\s+(TABLE|TRIGGER)|PRAGMA\s+\w|BEGIN\s+(IMMEDIATE|EXCLUSIVE))"#)

    static func files() -> [String] {
        var found: [String] = []
        for folder in ["Sources", "Tests", "tui"] {
            let root = "\(Repository.root)/\(folder)"
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            for case let relative as String in walker where relative.hasSuffix(".swift") || relative.hasSuffix(".scenario") {
                found.append("\(folder)/\(relative)")
            }
        }
        return found.filter { !$0.hasPrefix("Sources/Archive/") && !$0.hasSuffix("OneDoorTests.swift") }
    }

    @Test func noSQLAndNoGRDBOutsideTheArchive() throws {
        let files = Self.files()
        #expect(files.count > 100, "the source tree was not found under \(Repository.root)")
        #expect("SELECT id FROM calls".range(of: Self.sqlPattern, options: .regularExpression) != nil) // the pattern finds SQL
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOfFile: "\(Repository.root)/\(file)", encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.contains("import GRDB") || String(line).range(of: Self.sqlPattern, options: .regularExpression) != nil { offenders.append("\(file):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))") }
            }
        }
        #expect(offenders.isEmpty, "SQL or GRDB outside Sources/Archive:\n\(offenders.joined(separator: "\n"))")
    }
}
