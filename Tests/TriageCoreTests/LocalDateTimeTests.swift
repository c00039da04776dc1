import Testing
@testable import TriageCore

@Suite struct LocalDateTimeTests {
    @Test func parsesISO8601WithAndWithoutOffsets() throws {
        let (plain, noOffset) = try #require(LocalDateTime.parse("2026-03-14T02:17:00"))
        #expect(plain.description == "2026-03-14T02:17:00")
        #expect(noOffset == nil)
        let (withOffset, offset) = try #require(LocalDateTime.parse("2026-03-14 23:05:09.250+01:00"))
        #expect(withOffset.description == "2026-03-14T23:05:09")
        #expect(offset == 60)
        #expect(LocalDateTime.parse("2026-03-14T02:17Z")?.1 == 0)
        #expect(LocalDateTime.parse("2026-03-14")?.0.hour == 0)
    }

    @Test func rejectsImpossibleDates() {
        for text in ["2026-02-30T10:00:00", "2026-13-01", "yesterday", "2026-03-14T25:00:00", "2026-03-14T10:00:00junk"] {
            #expect(LocalDateTime.parse(text) == nil, "\(text)")
        }
        #expect(LocalDateTime.parse("2024-02-29") != nil)
    }

    @Test(arguments: [("2026-01-01", "2026-W01"), ("2027-01-01", "2026-W53"), ("2024-12-30", "2025-W01"), ("2026-03-14", "2026-W11"),
                      ("2021-01-03", "2020-W53"), ("2026-12-28", "2026-W53")])
    func knowsTheISOWeek(date: String, week: String) throws {
        #expect(try #require(LocalDateTime.parse(date)).0.isoWeek == week)
    }

    @Test func listsEveryISOWeekBetweenTwo() {
        #expect(LocalDateTime.isoWeeks(from: "2026-W15", to: "2026-W18") == ["2026-W15", "2026-W16", "2026-W17", "2026-W18"])
        #expect(LocalDateTime.isoWeeks(from: "2026-W52", to: "2027-W02") == ["2026-W52", "2026-W53", "2027-W01", "2027-W02"])
        #expect(LocalDateTime.isoWeeks(from: "2026-W18", to: "2026-W15").isEmpty)
        #expect(LocalDateTime.isoWeeks(from: "unknown", to: "2026-W15").isEmpty)
        #expect(LocalDateTime.isoWeeks(from: "0001-W01", to: "9999-W52").count == 1_000)
    }

    @Test func daysSince1970RoundTrip() throws {
        for days in [0, 1, 59, 365, 10_957, 20_454, 20_513, 47_482] {
            let t = LocalDateTime(daysSince1970: days, minuteOfDay: 17 * 60 + 5)
            #expect(t.daysSince1970 == days)
            #expect(t.hour == 17 && t.minute == 5)
        }
        #expect(LocalDateTime(daysSince1970: 20_454).description == "2026-01-01T00:00:00")
        #expect(LocalDateTime(daysSince1970: 11_016).description == "2000-02-29T00:00:00")
    }

    @Test func knowsTheISOWeekday() throws {
        #expect(try #require(LocalDateTime.parse("2026-11-28")).0.isoWeekday == 6) // a Saturday
        #expect(try #require(LocalDateTime.parse("2026-11-30")).0.isoWeekday == 1) // a Monday
        #expect(try #require(LocalDateTime.parse("1970-01-01")).0.isoWeekday == 4) // a Thursday
    }
}

@Suite struct SpeakerLabelTests {
    @Test(arguments: [("M", Speaker.midwife), ("Jordemoder", .midwife), ("midwife", .midwife), ("C", .caller),
                      ("Caller (partner)", .caller), ("Kvinde", .caller), ("Partner", .caller), ("Noter", .notes)])
    func mapsLabelsToRoles(label: String, role: Speaker) {
        #expect(Speaker(label: label) == role)
    }

    @Test func leavesUnknownLabelsUnmapped() {
        #expect(Speaker(label: "Kl. 3") == nil)
        #expect(Speaker(label: "words") == nil)
    }
}
