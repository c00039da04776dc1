import Archive

/// The exit statuses `triage` uses.
enum ExitStatus: Int32 {
    /// Everything asked for was done.
    case success = 0
    /// An input or the database failed (the rest was still done where possible).
    case failure = 1
    /// The command line was wrong.
    case usage = 2
    /// The account or its role may not do what was asked; nothing was done.
    case refused = 3
}

/// A failure to report as one line on standard error, with its exit status. Shown anywhere (a screen's message
/// line, a log) it is its message alone, never the type's inner fields.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var status: ExitStatus = .failure

    var description: String { message }

    init(message: String, status: ExitStatus = .failure) { self.message = message; self.status = status }

    /// Any error as a failure: a refusal by the archive's door exits with `refused`, a failure keeps its status.
    init(_ error: any Error) {
        switch error {
        case let failure as CommandFailure: self = failure
        case let denied as AccessDenied: self.init(message: denied.description, status: .refused)
        default: self.init(message: "\(error)")
        }
    }
}
