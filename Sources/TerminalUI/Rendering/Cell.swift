/// One column of one row of the screen: a grapheme and its style. A wide grapheme fills its first cell;
/// the cell after it is a continuation (empty text) so columns stay aligned.
public struct Cell: Sendable, Equatable {
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text; self.style = style
    }

    public static let blank = Cell()
    /// The second column of a wide grapheme.
    public static let continuation = Cell("")
}
