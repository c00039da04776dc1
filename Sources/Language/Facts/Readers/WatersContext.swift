import TriageCore

/// Whether the waters are the subject of a turn, for the readers of their colour and of the time since they broke.
enum WatersContext {
    /// The waters are asked about, were spoken of in the call, or are named in the turn or just before it.
    static func holds(in scan: FactScan) -> Bool {
        scan.topics.contains(.fluidColour) || scan.watersInCall || scan.mentioned(.watersContext)
    }
}
