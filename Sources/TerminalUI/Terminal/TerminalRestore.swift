import CNcurses

/// Gives the terminal back from a signal handler, where no object may be touched.
public enum TerminalRestore {
    public static func now() { endwin() }
}
