import Archive
import TriageCore

/// A published distribution of contact reasons to set the local figures beside, with the taxonomy's
/// reasons mapped onto its categories. Names and citation in both languages; the citation says what was counted
/// (a reference of attendances is not one of telephone calls).
public struct ReferenceDistribution: Sendable {
    public struct Category: Sendable {
        public var name: LocalizedText
        public var share: Double
        /// The taxonomy reasons counted under this category.
        public var reasons: [String]
    }

    public var citation: LocalizedText
    public var categories: [Category]

    /// Samangaya et al., Identifying workload and types of admissions in an obstetric triage department,
    /// Arch Dis Child Fetal Neonatal Ed 2010: a Manchester triage unit, March 2009, 751 attendances.
    public static let manchester2009 = ReferenceDistribution(
        citation: LocalizedText([
            "da": "Fremmøder, ikke telefonopkald: obstetrisk triage i Manchester, marts 2009, 751 fremmøder (Samangaya et al. 2010)",
            "en": "Attendances, not telephone calls: Manchester obstetric triage, March 2009, 751 attendances (Samangaya et al. 2010)",
        ]),
        categories: [
            Category(name: LocalizedText(["da": "fødsel", "en": "labour"]), share: 0.57, reasons: ["labour_contractions"]),
            Category(name: LocalizedText(["da": "mistænkt vandafgang", "en": "suspected rupture of membranes"]), share: 0.16,
                     reasons: ["rupture_of_membranes"]),
            Category(name: LocalizedText(["da": "mavesmerter", "en": "abdominal pain"]), share: 0.11, reasons: ["abdominal_pain"]),
            Category(name: LocalizedText(["da": "blødning", "en": "bleeding"]), share: 0.08, reasons: ["vaginal_bleeding", "discharge_mucus_plug"]),
            Category(name: LocalizedText(["da": "nedsatte fosterbevægelser", "en": "reduced fetal movements"]), share: 0.07,
                     reasons: ["reduced_fetal_movements"]),
        ])

    /// The local counts of primary reasons gathered into the reference's categories, plus "other", named in `language`.
    public func localCounts(_ byReason: StatsTable, language: String = "da") -> [(name: String, count: Int, reference: Double?)] {
        var out: [(String, Int, Double?)] = categories.map { c in
            (c.name.text(for: language), byReason.rows.filter { c.reasons.contains($0.keys[0]) }.map(\.count).reduce(0, +), c.share)
        }
        let mapped = Set(categories.flatMap(\.reasons))
        out.append((language == "da" ? "andet" : "other", byReason.rows.filter { !mapped.contains($0.keys[0]) }.map(\.count).reduce(0, +), nil))
        return out
    }
}
