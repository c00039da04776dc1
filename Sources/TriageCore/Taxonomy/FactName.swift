/// A fact's name in the taxonomy (`gestational_week`), typed so that a fact cannot be passed where a finding or a
/// reason is meant. Stored, encoded and written to the database as its plain text.
public struct FactName: StringCode {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Completed weeks of the pregnancy ("38 plus 2" → 38).
    public static let gestationalWeek: FactName = "gestational_week"
    /// Days past the completed weeks ("38 plus 2" → 2).
    public static let gestationalDays: FactName = "gestational_days"
    /// Whether this is her first baby.
    public static let firstBaby: FactName = "first_baby"
    /// Minutes from one contraction to the next.
    public static let contractionIntervalMin: FactName = "contraction_interval_min"
    /// How long a contraction lasts, in seconds.
    public static let contractionDurationS: FactName = "contraction_duration_s"
    /// The colour of the waters.
    public static let fluidColour: FactName = "fluid_colour"
    /// Her temperature in °C.
    public static let temperatureC: FactName = "temperature_c"
    /// Systolic blood pressure, mmHg.
    public static let bpSystolic: FactName = "bp_systolic"
    /// Diastolic blood pressure, mmHg.
    public static let bpDiastolic: FactName = "bp_diastolic"
    /// How much she bleeds.
    public static let bleedingAmount: FactName = "bleeding_amount"
    /// Hours since the waters broke.
    public static let hoursSinceRupture: FactName = "hours_since_rupture"
    /// The baby's movements: absent, reduced or normal.
    public static let fetalMovements: FactName = "fetal_movements"
    /// Days since the birth.
    public static let daysPostpartum: FactName = "days_postpartum"
    /// Who is calling: herself, her partner or a relative.
    public static let caller: FactName = "caller"
}
