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
