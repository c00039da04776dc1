import Foundation
@testable import Research
import Testing

/// The train/dev/test split of a dataset: by call, stratified by primary label, the same for the same seed.
@Suite struct DatasetSplitTests {
    /// 60 calls of labour_contractions, 30 of rupture_of_membranes, 10 of vaginal_bleeding, ids shuffled.
    static let calls: [(id: Int64, stratum: String)] = (0..<100).map { (i: Int) -> (id: Int64, stratum: String) in
        let stratum: String = i < 60 ? "labour_contractions" : (i < 90 ? "rupture_of_membranes" : "vaginal_bleeding")
        return (Int64((i * 37) % 100 + 1), stratum)
    }

    @Test func theSameSeedSplitsTheSameWayAndAnotherSeedDifferently() {
        let a = StratifiedSplit.assign(Self.calls, fractions: .standard, seed: 7)
        let b = StratifiedSplit.assign(Self.calls.reversed(), fractions: .standard, seed: 7)
        let c = StratifiedSplit.assign(Self.calls, fractions: .standard, seed: 8)
        #expect(a == b)
        #expect(a != c)
        #expect(a.count == 100)
        // Pinned (worked out independently in Python): SplitMix64 and the product's own Fisher–Yates, so a split is
        // the same on every machine and with every Swift release.
        let pinned = StratifiedSplit.assign((1...10).map { (Int64($0), "x") }, fractions: .standard, seed: 42)
        #expect(pinned.filter { $0.value == .dev }.map(\.key) == [2] && pinned.filter { $0.value == .test }.map(\.key) == [8])
    }

    @Test func everyStratumIsSplitByTheFractions() {
        let split = StratifiedSplit.assign(Self.calls, fractions: .standard, seed: 1)
        for (stratum, size) in [("labour_contractions", 60), ("rupture_of_membranes", 30), ("vaginal_bleeding", 10)] {
            let ids = Self.calls.filter { $0.stratum == stratum }.map(\.id)
            let counts = Dictionary(grouping: ids) { split[$0] }.mapValues(\.count)
            #expect(counts[.train] == size * 8 / 10 && counts[.dev] == size / 10 && counts[.test] == size / 10, "\(stratum): \(counts)")
        }
    }

    @Test func largestRemaindersAllocateEveryCallAndNoneToAnEmptyShare() {
        #expect(StratifiedSplit.allocate(1, fractions: .standard) == [.train: 1, .dev: 0, .test: 0])
        #expect(StratifiedSplit.allocate(3, fractions: .standard) == [.train: 3, .dev: 0, .test: 0])
        #expect(StratifiedSplit.allocate(5, fractions: .standard) == [.train: 4, .dev: 1, .test: 0])
        #expect(StratifiedSplit.allocate(7, fractions: SplitFractions(train: 1, dev: 0, test: 0)) == [.train: 7, .dev: 0, .test: 0])
        #expect(StratifiedSplit.allocate(3, fractions: SplitFractions(train: 0.34, dev: 0.33, test: 0.33)) == [.train: 1, .dev: 1, .test: 1])
        #expect(StratifiedSplit.allocate(0, fractions: .standard).values.reduce(0, +) == 0)
        // Shares that were never parsed: nothing traps, and every call still goes somewhere.
        for odd in [SplitFractions(train: .nan, dev: 0.5, test: 0.5), SplitFractions(train: 2, dev: -1, test: .infinity), SplitFractions(train: 0, dev: 0, test: 0)] {
            #expect(StratifiedSplit.allocate(9, fractions: odd).values.reduce(0, +) == 9, "\(odd)")
            #expect(StratifiedSplit.assign(Self.calls, fractions: odd, seed: 1).count == 100)
        }
    }

    @Test func fractionsAreThreeSharesSummingToOne() throws {
        #expect(try SplitFractions.parse("0.7, 0.2,0.1").get() == SplitFractions(train: 0.7, dev: 0.2, test: 0.1))
        for bad in ["0.8,0.2", "0.5,0.5,0.5", "a,b,c", "1.2,-0.1,-0.1", "nan,0,1", ""] {
            #expect(throws: SplitFractionsProblem.self, "\(bad)") { try SplitFractions.parse(bad).get() }
        }
    }

    @Test func thePrimaryLabelIsTheMostLabelledCodeTiesByCode() {
        #expect(DatasetCall.primary(of: ["b", "a", "b"]) == "b")
        #expect(DatasetCall.primary(of: ["rupture_of_membranes", "labour_contractions"]) == "labour_contractions")
        #expect(DatasetCall.primary(of: []) == nil)
    }

    @Test func secondsHaveTwoDecimalsAndNeverTrap() {
        #expect(DatasetText.seconds(1234) == "1.23")
        #expect(DatasetText.seconds(1234, up: true) == "1.24")
        #expect(DatasetText.seconds(1230, up: true) == "1.23")
        #expect(DatasetText.seconds(5) == "0.00" && DatasetText.seconds(-40) == "0.00")
        #expect(!DatasetText.seconds(Int.max, up: true).isEmpty)
    }
}
