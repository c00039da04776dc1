/// A code from the taxonomy or a standard list, typed by what it names, so that a reason cannot be passed where
/// a red flag or a language is meant. Stored and encoded as its plain text.
public protocol StringCode: RawRepresentable, Hashable, Sendable, Codable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible where RawValue == String {
    init(rawValue: String)
}

extension StringCode {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A contact reason's code in the taxonomy (`labour_contractions`).
public struct ReasonCode: StringCode {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A red flag's code in the taxonomy (`cord_prolapse`).
public struct RedFlagCode: StringCode {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A label's code: a reason or finding code of the taxonomy that a researcher put on a time range.
public struct LabelCode: StringCode {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A language as ISO 639-1 (`da`, `en`).
public struct LanguageCode: StringCode {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// An override reason's code in the taxonomy (`knew_more_from_record`).
public struct OverrideReasonCode: StringCode {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}
