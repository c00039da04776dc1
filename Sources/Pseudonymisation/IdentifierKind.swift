/// What kind of identifier a span of text is: what the pseudonymiser replaces.
public enum IdentifierKind: String, Sendable, CaseIterable, Codable {
    /// A Danish civil registration (CPR) number: DDMMYY and four digits, written or said.
    case cpr
    /// A telephone number: eight Danish digits (with or without +45), or an international number.
    case phone
    /// An e-mail address, written or said ("anna punktum hansen snabel-a mail punktum dk").
    case email
    /// A first name from the configured list.
    case name
}
