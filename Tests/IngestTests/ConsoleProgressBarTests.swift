import Ingest
import Testing

/// The bar's text: cells filled in proportion, never beyond the ends, whatever the counts.
@Suite struct ConsoleProgressBarTests {
    @Test func cellsFillInProportion() {
        #expect(ConsoleProgressBar.bar(done: 0, total: 10, width: 10) == "[░░░░░░░░░░]")
        #expect(ConsoleProgressBar.bar(done: 5, total: 10, width: 10) == "[█████░░░░░]")
        #expect(ConsoleProgressBar.bar(done: 10, total: 10, width: 10) == "[██████████]")
        #expect(ConsoleProgressBar.text(done: 4200, total: 10000, unit: "calls", step: "writing").hasSuffix("] 4200/10000 calls · writing"))
    }

    @Test func countsOutsideTheRangeStayInside() {
        #expect(ConsoleProgressBar.bar(done: 15, total: 10, width: 4) == "[████]")
        #expect(ConsoleProgressBar.bar(done: -3, total: 10, width: 4) == "[░░░░]")
        #expect(ConsoleProgressBar.bar(done: 0, total: 0, width: 4) == "[████]")
        #expect(ConsoleProgressBar.bar(done: Int.max, total: Int.max, width: 4) == "[████]")
    }
}
