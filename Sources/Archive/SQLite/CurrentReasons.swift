import GRDB

/// Keeps `current_reasons` in step: each call's reasons from its newest suggestion or decision.
enum CurrentReasons {
    static func replace(_ db: Database, callID: Int64, source: StatsSource, with codes: [String]) throws {
        try db.execute(sql: "DELETE FROM current_reasons WHERE call_id = ? AND source = ?", arguments: [callID, source.rawValue])
        for code in Set(codes) {
            try db.execute(sql: "INSERT INTO current_reasons (call_id, source, reason_code) VALUES (?, ?, ?)",
                           arguments: [callID, source.rawValue, code])
        }
    }
}
