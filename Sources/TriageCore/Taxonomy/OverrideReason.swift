/// Why the midwife decided otherwise than the assistant suggested: a short coded reason from the taxonomy's list
/// ("knew more from the record"), picked with one key after an override, optional.
public struct OverrideReason: Sendable, Equatable {
    public var code: OverrideReasonCode
    public var label: LocalizedText
    /// Whether the reason wants a few words of her own (`other`).
    public var freeText: Bool
    public var location: SourceLocation?

    public init(code: OverrideReasonCode, label: LocalizedText, freeText: Bool = false, location: SourceLocation? = nil) {
        self.code = code; self.label = label; self.freeText = freeText; self.location = location
    }
}
