/// A key the user pressed, or a change of the terminal.
public enum Key: Sendable, Equatable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backspace
    /// The terminal changed size.
    case resize
}
