/// How far an export has come: the step it is in (`reading`, `writing`), and how many of the step's items are done.
public struct ExportProgress: Sendable, Equatable {
    public var step: String
    public var done: Int
    public var total: Int

    public init(step: String, done: Int, total: Int) {
        self.step = step; self.done = done; self.total = total
    }
}

/// Called as an export goes, from the exporting thread (to draw a progress bar; nothing when not needed).
public typealias ExportProgressHandler = (ExportProgress) -> Void
