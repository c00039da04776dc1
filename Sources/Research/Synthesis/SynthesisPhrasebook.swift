import TriageCore

/// The generic sentence patterns of synthetic calls, per language: the frame of a call as the development set's calls
/// run (the midwife answers, the caller says why she calls, the midwife asks for the gestation, the caller answers,
/// anything else, the midwife's advice, the caller's thanks). The words that carry the call — the finding or reason,
/// the fact questions, the advice — come from the taxonomy; `{p}` stands for a taxonomy phrase, `{w}` `{d}` `{n}` for
/// numbers and `{days}` for the word for days that goes with them. None of these is a line of a real call.
struct SynthesisPhrasebook: Sendable {
    var greetings: [String]
    /// Who is calling, by caller type (empty: she calls herself and says nothing of it).
    var callerIntros: [CallerType: [String]]
    /// The reason, around a taxonomy phrase.
    var complaints: [String]
    /// Said before the taxonomy's fact question.
    var acknowledgements: [String]
    var gestation: [String]
    /// The word for days, singular and plural.
    var dayWords: (one: String, many: String)
    var gestationUnknown: [String]
    var postnatal: [String]
    var firstBaby: [String]
    var notFirstBaby: [String]
    var anythingElse: [String]
    /// A further reason, around a taxonomy phrase.
    var alsoComplaints: [String]
    /// Said before the taxonomy's advice for the disposition.
    var adviceLeads: [String]
    var thanks: [String]

    /// The phrasebook of `language` ("da" or "en"), nil for another.
    static func of(_ language: String) -> SynthesisPhrasebook? {
        switch language {
        case "da": return danish
        case "en": return english
        default: return nil
        }
    }

    static let danish = SynthesisPhrasebook(
        greetings: ["Fødemodtagelsen her, hvad kan jeg gøre for dig i dag?", "Du har ringet til fødemodtagelsen, hvad drejer det sig om?",
                    "Fødemodtagelsen, jordemoderen taler, hvad sker der hos dig lige nu?", "Goddag, fødemodtagelsen, fortæl mig hvad der er sket."],
        callerIntros: [.partner: ["Hej, jeg ringer for min kæreste, hun sidder ved siden af mig.", "Ja hej, det er for min kone, jeg ringer."],
                       .relative: ["Hej, jeg ringer på vegne af min datter, hun er gravid.", "Goddag, jeg ringer for min søster."],
                       .professional: ["Goddag, jeg er sygeplejerske og ringer om en gravid kvinde.", "Hej, jeg ringer fra lægehuset om en patient."],
                       .postnatal: ["Hej, jeg fødte her hos jer for lidt tid siden.", "Ja hej, jeg har lige fået mit barn."],
                       .other: ["Hej, jeg ringer for en veninde, der ikke selv kan tale.", "Goddag, jeg ringer på vegne af en bekendt."]],
        complaints: ["Det handler om det her: {p}.", "Jeg ville høre jer ad, fordi der er det med {p}.",
                     "Altså, det er {p}, og nu ved jeg ikke rigtig hvad jeg skal gøre.", "Jeg ringer om noget med {p}, synes jeg selv."],
        acknowledgements: ["Tak, det skriver jeg lige ned.", "Okay, lad mig lige notere det.", "Det er godt du ringer.", "Tak, så ved jeg det."],
        gestation: ["Jeg er i uge {w} plus {d} nu, vil jeg tro.", "Uge {w} og {d} {days}, efter scanningen.", "Jeg er {w} plus {d}, siger min vandrejournal."],
        dayWords: ("dag", "dage"),
        gestationUnknown: ["Det kan jeg ikke lige huske i farten, undskyld.", "Det har jeg ikke lige ved hånden nu."],
        postnatal: ["Jeg fødte for {n} {days} siden her hos jer.", "Det er {n} {days} siden jeg fødte."],
        firstBaby: ["Og det bliver mit allerførste barn.", "Det er vores første, så det er helt nyt for os."],
        notFirstBaby: ["Og jeg har født en gang før.", "Det er ikke vores første barn."],
        anythingElse: ["Er der andet, du har lagt mærke til?", "Er der mere, jeg skal vide om?"],
        alsoComplaints: ["Ja, der er også {p}, hvis det betyder noget.", "Og så er der {p}, det var jeg lige ved at glemme."],
        adviceLeads: ["Ud fra det du fortæller:", "Så gør vi det sådan her:", "Mit råd er dette:"],
        thanks: ["Tak for hjælpen, så gør jeg det.", "Okay, det er forstået, tak skal du have.", "Det lyder fornuftigt, tusind tak."])

    static let english = SynthesisPhrasebook(
        greetings: ["Maternity triage here, what can I do for you today?", "You're through to the birth unit, what seems to be happening?",
                    "Labour ward triage, the midwife speaking, tell me what's going on.", "Hello, maternity assessment, how can I help you today?"],
        callerIntros: [.partner: ["Hi, I'm calling for my partner, she's sat right next to me.", "Hello, it's about my wife, I'm ringing for her."],
                       .relative: ["Hi, I'm ringing on behalf of my daughter, she's pregnant.", "Hello, I'm calling for my sister."],
                       .professional: ["Hello, I'm a nurse calling about a pregnant woman.", "Hi, I'm calling from the surgery about a patient."],
                       .postnatal: ["Hi, I had my baby with you a little while ago.", "Hello, I've just had my baby."],
                       .other: ["Hi, I'm calling for a friend who can't talk herself.", "Hello, I'm ringing on behalf of someone I know."]],
        complaints: ["It's about this: {p}.", "I wanted to ask you, because there's the thing with {p}.",
                     "Well, it's {p}, and I'm not really sure what to do now.", "I'm ringing about something like {p}, I think."],
        acknowledgements: ["Thanks, I'll just write that down.", "Okay, let me note that.", "You did right to call.", "Thank you, that helps."],
        gestation: ["I'm {w} plus {d} now, I believe.", "{w} weeks and {d} {days}, going by the scan.", "I'm at {w} plus {d}, my notes say."],
        dayWords: ("day", "days"),
        gestationUnknown: ["I can't quite remember off the top of my head, sorry.", "I don't have that to hand right now."],
        postnatal: ["I gave birth {n} {days} ago with you.", "It's been {n} {days} since I had the baby."],
        firstBaby: ["And it's going to be my very first baby.", "It's our first, so it's all new to us."],
        notFirstBaby: ["And I've given birth once before.", "It's not our first baby."],
        anythingElse: ["Is there anything else you've noticed?", "Is there more I should know about?"],
        alsoComplaints: ["Yes, there's also {p}, if that matters.", "And then there's {p}, I nearly forgot."],
        adviceLeads: ["From what you're telling me:", "Here's what we'll do:", "My advice is this:"],
        thanks: ["Thanks for the help, I'll do that.", "Okay, understood, thank you so much.", "That sounds sensible, thanks a lot."])
}
