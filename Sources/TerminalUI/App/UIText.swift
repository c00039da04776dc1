/// The words of the screens in Danish and English.
enum UIText {
    static func text(_ key: String, _ language: String) -> String {
        (language == "en" ? english[key] : danish[key]) ?? english[key] ?? key
    }

    /// A stored value (a fact's choice, yes/no, a caller) in the screen's language; unknown values as they are.
    static func value(_ raw: String, _ language: String) -> String {
        (language == "en" ? englishValues[raw] : danishValues[raw]) ?? raw
    }

    static let danishValues: [String: String] = [
        "true": "ja", "false": "nej", "clear": "klart", "pink": "lyserødt", "green": "grønt", "brown": "brunt", "bloody": "blodigt",
        "spotting": "pletblødning", "light": "let", "moderate": "moderat", "heavy": "kraftig", "normal": "som normalt",
        "reduced": "nedsat", "absent": "intet", "pregnant": "gravid", "postnatal": "efter fødslen", "partner": "partner",
        "relative": "pårørende", "professional": "fagperson", "other": "anden",
    ]

    static let englishValues: [String: String] = [
        "true": "yes", "false": "no", "pregnant": "pregnant", "postnatal": "after the birth",
    ]

    /// An error as one line of the screen: its message, never a type's fields, never a line break.
    static func oneLine(_ error: any Error) -> String {
        "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    static let danish: [String: String] = [
        "title": "Fødemodtagelsen", "triage": "Triage", "statistics": "Statistik", "queue": "Opkald", "reasons": "Kontaktårsager",
        "facts": "Fakta", "transcript": "Samtale", "ask": "Spørg", "no calls": "Ingen opkald i arkivet. Indlæs med: triage ingest MAPPE",
        "no suggestion": "Intet forslag (ingen udskrift)", "decided": "Afgjort", "stale decision": "forslaget er nu mere akut end afgørelsen", "decide again": "AFGØR IGEN", "saved": "Gemt", "record": "journal", "call": "samtale",
        "acoustic": "lyd", "episode-evidence": "vee-lignende lyd i %d s på kvindens kanal", "model-evidence": "(modellen %d %%)", "keys": "↑↓ opkald  c bekræft  1-6 disposition  n notat  Tab skærm  l English  ? hjælp  q afslut",
        "keys-stats": "k forslag/afgørelser  d periode  a årsag  e eksportér  Tab skærm  l English  ? hjælp  q afslut", "help": "Taster",
        "suggested": "forslag", "confirmed": "afgørelser", "by hour": "Opkald efter ugedag og time", "dispositions": "Dispositioner",
        "local": "Lokal skærm: små tal vises.", "red flags": "Røde flag", "by": "af", "note": "Notat", "note-hint": "Enter gem · Esc fortryd",
        "note saved": "Notat gemt, forslaget er opdateret", "label": "Mærkning", "view": "vindue", "no audio": "Ingen lyd",
        "from": "fra", "to": "til", "code": "Kode", "annotator": "mærket af", "no labels": "Ingen mærker endnu: m ved start, m ved slut, vælg kode",
        "keys-label": "␣ afspil  ←→ flyt  +- zoom  m mærk  n/p mærke  r kode  [] flyt mærke  d slet  u fortryd  ↑↓ opkald  ? hjælp",
        "labelled": "Mærket", "undone": "Fortrudt", "nothing to undo": "Intet at fortryde", "deleted": "Slettet (u fortryder)",
        "recording": "Optager", "live": "LIVE", "replays counted": "genafspilninger medregnet", "stopped": "Optagelse stoppet",
        "decide after": "Afgør når opkaldet er slut (r stopper optagelsen)", "answered": "besvaret", "speech": "Tale", "days": "dage", "all calls": "alle opkald", "by week": "Opkald pr. uge",
        "exported": "Eksporteret",
        "quality": "Kvalitet", "keys-quality": "m uge/måned  Tab skærm  l English  ? hjælp  q afslut", "per week": "pr. uge", "per month": "pr. måned",
        "decided calls": "afgjorte opkald", "incidents": "hændelser", "no decided calls": "Ingen afgjorte opkald endnu.",
        "agreement": "Afgørelserne mod forslagene", "confirmed-share": "bekræftet", "more urgent": "mere akut", "less urgent": "mindre akut",
        "weeks": "Uger", "months": "Måneder", "week": "Uge", "month": "Måned", "confirmed-short": "● bekr.", "more-short": "▲ mere",
        "less-short": "▼ mindre", "incidents-short": "hænd.", "incident alarm": "Hændelsesalarm", "reason drift": "Drift i årsagerne",
        "confidence drift": "Drift i sikkerheden", "no alarms": "Ingen alarmer: hændelser og drift under grænserne",
        "why": "Hvorfor andet end forslaget?", "skip": "anden tast: spring over", "override saved": "Begrundelse gemt",
    ]
    static let english: [String: String] = [
        "title": "Obstetric reception", "triage": "Triage", "statistics": "Statistics", "queue": "Calls", "reasons": "Contact reasons",
        "facts": "Facts", "transcript": "Transcript", "ask": "Ask", "no calls": "No calls in the archive. Ingest with: triage ingest FOLDER",
        "no suggestion": "No suggestion (no transcript)", "decided": "Decided", "stale decision": "the suggestion is now more urgent than the decision", "decide again": "DECIDE AGAIN", "saved": "Saved", "record": "record", "call": "call",
        "acoustic": "sound", "episode-evidence": "contraction-like sound for %d s on the caller's channel", "model-evidence": "(model %d %%)", "keys": "↑↓ calls  c confirm  1-6 disposition  n note  Tab screen  l dansk  ? help  q quit",
        "keys-stats": "k suggested/decided  d period  a reason  e export  Tab screen  l dansk  ? help  q quit", "help": "Keys",
        "suggested": "suggestions", "confirmed": "decisions", "by hour": "Calls by weekday and hour", "dispositions": "Dispositions",
        "local": "Local screen: small counts shown.", "red flags": "Red flags", "by": "by", "note": "Note", "note-hint": "Enter save · Esc cancel",
        "note saved": "Note saved, the suggestion is updated", "label": "Label", "view": "view", "no audio": "No audio",
        "from": "from", "to": "to", "code": "Code", "annotator": "annotator", "no labels": "No labels yet: m at the start, m at the end, choose a code",
        "keys-label": "␣ play  ←→ move  +- zoom  m mark  n/p label  r code  [] move label  d delete  u undo  ↑↓ calls  ? help",
        "labelled": "Labelled", "undone": "Undone", "nothing to undo": "Nothing to undo", "deleted": "Deleted (u undoes)",
        "recording": "Recording", "live": "LIVE", "replays counted": "replays counted", "stopped": "Recording stopped",
        "decide after": "Decide when the call has ended (r stops the recording)", "answered": "answered", "speech": "Speech", "days": "days", "all calls": "all calls", "by week": "Calls by week",
        "exported": "Exported",
        "quality": "Quality", "keys-quality": "m week/month  Tab screen  l dansk  ? help  q quit", "per week": "per week", "per month": "per month",
        "decided calls": "decided calls", "incidents": "incidents", "no decided calls": "No decided calls yet.",
        "agreement": "The decisions against the suggestions", "confirmed-share": "confirmed", "more urgent": "more urgent", "less urgent": "less urgent",
        "weeks": "Weeks", "months": "Months", "week": "Week", "month": "Month", "confirmed-short": "● conf.", "more-short": "▲ more",
        "less-short": "▼ less", "incidents-short": "incid.", "incident alarm": "Incident alarm", "reason drift": "Drift of the reasons",
        "confidence drift": "Drift of the confidence", "no alarms": "No alarms: incidents and drift below the thresholds",
        "why": "Why otherwise than suggested?", "skip": "any other key: skip", "override saved": "Reason saved",
    ]

    static func help(_ language: String) -> [(String, String)] {
        let da = language == "da"
        return [
            ("↑ ↓", da ? "vælg opkald" : "choose a call"),
            ("PgUp PgDn", da ? "rul i samtalen" : "scroll the transcript"),
            ("c", da ? "bekræft forslaget (årsager og disposition)" : "confirm the suggestion (reasons and disposition)"),
            ("1 … 6", da ? "vælg disposition: 112, nu, snart, hjemme, henvis, info" : "choose disposition: 112, now, soon, home, refer, info"),
            ("n", da ? "skriv et notat (tæller med i forslaget)" : "type a note (it counts in the suggestion)"),
            ("r", da ? "triage: start/stop optagelse af et opkald" : "triage: start/stop recording a call"),
            ("a b d e f", da ? "efter en ændret disposition: hvorfor (valgfrit)" : "after a changed disposition: why (optional)"),
            ("Tab", da ? "skift mellem triage, mærkning og statistik" : "switch between triage, labelling and statistics"),
            ("␣", da ? "mærkning: afspil / pause" : "label: play / pause"),
            ("← → Home End", da ? "mærkning: flyt afspilningen" : "label: move the playhead"),
            ("+ - < >", da ? "mærkning: zoom ind/ud, panorér" : "label: zoom in/out, pan"),
            ("m … m", da ? "mærkning: mærk start og slut, vælg kode" : "label: mark start and end, choose a code"),
            ("n p u", da ? "mærkning: næste/forrige mærke, fortryd" : "label: next/previous label, undo"),
            ("r [ ] d", da ? "mærkning: ny kode, flyt, slet mærket" : "label: retag, move, delete the label"),
            ("k g d a", da ? "statistik: forslag/afgjort, genafspilninger, periode, årsag" : "statistics: suggested/decided, replays, period, reason"),
            ("e", da ? "statistik: eksportér det viste som CSV" : "statistics: export what is shown as CSV"),
            ("m", da ? "kvalitet (efter statistik): pr. uge eller pr. måned" : "quality (after statistics): per week or per month"),
            ("l", da ? "dansk / English" : "dansk / English"),
            ("?", da ? "denne hjælp" : "this help"),
            ("q", da ? "afslut" : "quit"),
        ]
    }
}
