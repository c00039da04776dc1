/// Who is on the line, relative to the woman the call is about.
public enum CallerType: String, Sendable, Codable, CaseIterable {
    /// The pregnant woman herself.
    case pregnant
    /// The woman herself after the birth.
    case postnatal
    /// Her partner, calling on her behalf.
    case partner
    /// Another relative or a friend.
    case relative
    /// A health professional (GP, own midwife, ambulance crew).
    case professional
    /// Anyone else.
    case other
}
