/// A named set of words (or phrases) the fact readers look for, one entry per set in each language's words file
/// (`Taxonomy/words/da.yaml`). The raw value is the set's key in the file.
public enum FactWordSet: String, CaseIterable, Sendable, Hashable, Codable {
    // Gestational age.
    case week, plus, and, days, tomorrow, turning, ago, since
    case fromNow = "from_now", notThisWeek = "not_this_week", iAm = "i_am", correction
    // First baby.
    case firstBaby = "first_baby", laterBaby = "later_baby", laterBabyAlone = "later_baby_alone", bornBefore = "born_before"
    // Contraction interval and length.
    case minute, contraction, contractionVague = "contraction_vague", intervalTalk = "interval_talk"
    case rangeJoin = "range_join", every, everyOther = "every_other", half, approximately, apart
    case apartBefore = "apart_before", passing, lasting, lasted, often, comesOftenToo = "comes_often_too"
    case otherUnit = "other_unit", rangeTo = "range_to", inSpan = "in_span", inTheCourseOf = "in_the_course_of"
    case spanArticle = "span_article", everyQuarterHour = "every_quarter_hour", everyHalfHour = "every_half_hour"
    case everyHour = "every_hour", second, articleOne = "article_one"
    // The waters: their colour and the hours since they broke.
    case watersContext = "waters_context", waters, mucus, fluid, watersNamed = "waters_named"
    case colourGreen = "colour_green", colourBrown = "colour_brown", colourPink = "colour_pink"
    case colourBloody = "colour_bloody", colourClear = "colour_clear", reddish, pale, redEnding = "red_ending"
    case colourLikeness = "colour_likeness", likenessBefore = "likeness_before", like, colourFiller = "colour_filler"
    case likeWater = "like_water", one, hour, minutesAgo = "minutes_ago"
    // Temperature and blood pressure.
    case fever, decimalPoint = "decimal_point", degreesAfter = "degrees_after", thermometer
    case fahrenheitAfter = "fahrenheit_after", bloodPressure = "blood_pressure"
    case pressureSeparator = "pressure_separator", pressureSeparatorLoose = "pressure_separator_loose"
    // Amount of bleeding.
    case bleeding, bleedingHeavy = "bleeding_heavy", bleedingModerate = "bleeding_moderate", bleedingLight = "bleeding_light"
    case bleedingSpotting = "bleeding_spotting", answerLess = "answer_less", answerMore = "answer_more"
    // Fetal movements.
    case babyContext = "baby_context", babySubject = "baby_subject", movementsAbsent = "movements_absent"
    case movementsReduced = "movements_reduced", movementsNormal = "movements_normal", muchOrOften = "much_or_often"
    // Days since the birth.
    case birthContext = "birth_context", birthMentioned = "birth_mentioned", weekUnit = "week_unit", gaveBirth = "gave_birth"
    case hadTheBaby = "had_the_baby", yesterday, dayBeforeYesterday = "day_before_yesterday", old
    // Who is calling.
    case possessive, partner, relative, herState = "her_state", onBehalf = "on_behalf"
}
