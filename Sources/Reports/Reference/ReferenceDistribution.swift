import Archive
/// A published distribution of contact reasons to set the local figures beside, with the taxonomy's
/// reasons mapped onto its categories.
public struct ReferenceDistribution: Sendable {
    public struct Category: Sendable {
        public var name: String
        public var share: Double
        /// The taxonomy reasons counted under this category.
        public var reasons: [String]
    }

    public var citation: String
    public var categories: [Category]

    /// Samangaya et al., Identifying workload and types of admissions in an obstetric triage department,
    /// Arch Dis Child Fetal Neonatal Ed 2010: a Manchester triage unit, March 2009, 751 attendances.
    public static let manchester2009 = ReferenceDistribution(
        citation: "Manchester obstetric triage, March 2009, 751 attendances (Samangaya et al. 2010)",
        categories: [
            Category(name: "labour", share: 0.57, reasons: ["labour_contractions"]),
            Category(name: "suspected rupture of membranes", share: 0.16, reasons: ["rupture_of_membranes"]),
            Category(name: "abdominal pain", share: 0.11, reasons: ["abdominal_pain"]),
            Category(name: "bleeding", share: 0.08, reasons: ["vaginal_bleeding", "discharge_mucus_plug"]),
            Category(name: "reduced fetal movements", share: 0.07, reasons: ["reduced_fetal_movements"]),
        ])

    /// The local counts of primary reasons gathered into the reference's categories, plus "other".
    public func localCounts(_ byReason: StatsTable) -> [(name: String, count: Int, reference: Double?)] {
        var out: [(String, Int, Double?)] = categories.map { c in
            (c.name, byReason.rows.filter { c.reasons.contains($0.keys[0]) }.map(\.count).reduce(0, +), c.share)
        }
        let mapped = Set(categories.flatMap(\.reasons))
        out.append(("other", byReason.rows.filter { !mapped.contains($0.keys[0]) }.map(\.count).reduce(0, +), nil))
        return out
    }
}
