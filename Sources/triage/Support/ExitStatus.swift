/// The exit statuses `triage` uses.
enum ExitStatus: Int32 {
    /// Everything asked for was done.
    case success = 0
    /// An input or the database failed (the rest was still done where possible).
    case failure = 1
    /// The command line was wrong.
    case usage = 2
}

/// A failure to report as one line on standard error, with its exit status. Shown anywhere (a screen's message
/// line, a log) it is its message alone, never the type's inner fields.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var status: ExitStatus = .failure

    var description: String { message }
}
