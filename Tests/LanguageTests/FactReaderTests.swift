import Foundation
import Testing
@testable import Language
import TestSupport
import TriageCore

/// Each fact reader on its own, on a Danish and an English phrase, with the shipped words.
@Suite struct FactReaderTests {
    static let words: FactWords = {
        let (words, problems) = FactWordsLoader.load(folder: URL(fileURLWithPath: "\(Repository.root)/Taxonomy/words"))
        precondition(problems.isEmpty, "\(problems)")
        return words
    }()
    let analyzer = TextAnalyzer()

    /// What `reader` alone reads in `text`, as name → value.
    func read(_ reader: any FactReader, _ text: String, _ language: String, topics: Set<QuestionTopic> = []) -> [FactName: String] {
        var scan = FactScan(tokens: analyzer.analyze(text, language: language), language: language, topics: topics, context: [],
                            watersInCall: false, vocabulary: Self.words)
        reader.read(&scan)
        return Dictionary(scan.facts.map { ($0.name, $0.value.description) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func gestationalAge() {
        #expect(read(GestationalAgeReader(), "Jeg er 38 plus 2.", "da") == [.gestationalWeek: "38", .gestationalDays: "2"])
        #expect(read(GestationalAgeReader(), "Jeg bliver 37 uger i morgen.", "da") == [.gestationalWeek: "36", .gestationalDays: "6"])
        #expect(read(GestationalAgeReader(), "I'm thirty weeks and two days.", "en") == [.gestationalWeek: "30", .gestationalDays: "2"])
        #expect(read(GestationalAgeReader(), "I had a scan two weeks ago.", "en").isEmpty)
    }

    @Test func firstBaby() {
        #expect(read(FirstBabyReader(), "Det er mit første barn.", "da") == [.firstBaby: "true"])
        #expect(read(FirstBabyReader(), "Jeg har født før.", "da") == [.firstBaby: "false"])
        #expect(read(FirstBabyReader(), "It's my second.", "en") == [.firstBaby: "false"])
        #expect(read(FirstBabyReader(), "Yes.", "en", topics: [.firstBaby]) == [.firstBaby: "true"])
    }

    @Test func contractionInterval() {
        #expect(read(ContractionIntervalReader(), "Veerne kommer hvert tredje minut.", "da") == [.contractionIntervalMin: "3"])
        #expect(read(ContractionIntervalReader(), "Der går syv minutter imellem.", "da") == [.contractionIntervalMin: "7"])
        #expect(read(ContractionIntervalReader(), "Contractions are five minutes apart.", "en") == [.contractionIntervalMin: "5"])
        #expect(read(ContractionIntervalReader(), "I'm going to the loo every ten minutes.", "en").isEmpty)
    }

    @Test func contractionDuration() {
        #expect(read(ContractionDurationReader(), "De varer 40 sekunder.", "da") == [.contractionDurationS: "40"])
        #expect(read(ContractionDurationReader(), "They last about a minute.", "en") == [.contractionDurationS: "60"])
    }

    @Test func fluidColourAndHoursSinceRupture() {
        #expect(read(FluidColourReader(), "Vandet er gået, og det er grønligt.", "da") == [.fluidColour: "green"])
        #expect(read(FluidColourReader(), "Der var brunligt slim.", "da").isEmpty)
        #expect(read(FluidColourReader(), "My waters went and it looks like weak tea.", "en") == [.fluidColour: "brown"])
        #expect(read(HoursSinceRuptureReader(), "Vandet gik for to timer siden.", "da") == [.hoursSinceRupture: "2"])
        #expect(read(HoursSinceRuptureReader(), "My waters broke about two hours ago.", "en") == [.hoursSinceRupture: "2"])
    }

    @Test func temperatureAndBloodPressure() {
        #expect(read(TemperatureReader(), "Jeg har 38,6 i feber.", "da") == [.temperatureC: "38.6"])
        #expect(read(TemperatureReader(), "The thermometer says 102 degrees.", "en") == [.temperatureC: "38.9"])
        #expect(read(BloodPressureReader(), "Blodtrykket var 150 over 95.", "da") == [.bpSystolic: "150", .bpDiastolic: "95"])
        #expect(read(BloodPressureReader(), "My blood pressure was 152 on 101.", "en") == [.bpSystolic: "152", .bpDiastolic: "101"])
        #expect(read(BloodPressureReader(), "Jeg har boet i 150 og 95.", "da").isEmpty)
    }

    @Test func bleedingAmount() {
        #expect(read(BleedingAmountReader(), "Jeg bløder mere end en menstruation.", "da") == [.bleedingAmount: "heavy"])
        #expect(read(BleedingAmountReader(), "It's just spotting, a little blood.", "en") == [.bleedingAmount: "light"])
    }

    @Test func fetalMovements() {
        #expect(read(FetalMovementsReader(), "Jeg kan ikke mærke barnet.", "da") == [.fetalMovements: "absent"])
        #expect(read(FetalMovementsReader(), "The baby is moving less than usual.", "en") == [.fetalMovements: "reduced"])
        #expect(read(FetalMovementsReader(), "He's kicking as usual.", "en") == [.fetalMovements: "normal"])
    }

    @Test func daysPostpartum() {
        #expect(read(DaysPostpartumReader(), "Jeg fødte for fem dage siden.", "da") == [.daysPostpartum: "5"])
        #expect(read(DaysPostpartumReader(), "Han er to uger gammel.", "da") == [.daysPostpartum: "14"])
        #expect(read(DaysPostpartumReader(), "I had the baby yesterday.", "en") == [.daysPostpartum: "1"])
    }

    @Test func caller() {
        #expect(read(CallerReader(), "Min kæreste bløder.", "da") == [.caller: "partner"])
        #expect(read(CallerReader(), "I'm calling about my daughter.", "en") == [.caller: "relative"])
        #expect(read(CallerReader(), "Min kæreste kører os.", "da").isEmpty)
    }
}
