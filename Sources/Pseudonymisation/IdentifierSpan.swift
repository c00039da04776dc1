/// An identifier found in a text: where it stands, what kind it is, and its canonical value (the CPR number's ten
/// digits, the telephone number's digits without the country code, the address or name in lower case), which is
/// what its pseudonym is made from, so the same person gets the same pseudonym however she was written or said.
public struct IdentifierSpan: Sendable, Equatable {
    public var kind: IdentifierKind
    /// The span's characters, as offsets into the text's characters.
    public var range: Range<Int>
    public var canonical: String

    public init(kind: IdentifierKind, range: Range<Int>, canonical: String) {
        self.kind = kind; self.range = range; self.canonical = canonical
    }
}
