/// The words of the screens in Danish and English.
enum UIText {
    static func text(_ key: String, _ language: String) -> String {
        (language == "en" ? english[key] : danish[key]) ?? english[key] ?? key
    }

    static let danish: [String: String] = [
        "title": "Fødemodtagelsen", "triage": "Triage", "statistics": "Statistik", "queue": "Opkald", "reasons": "Kontaktårsager",
        "facts": "Fakta", "transcript": "Samtale", "ask": "Spørg", "no calls": "Ingen opkald i arkivet. Indlæs med: triage ingest MAPPE",
        "no suggestion": "Intet forslag (ingen udskrift)", "decided": "Afgjort", "saved": "Gemt", "record": "journal", "call": "samtale",
        "acoustic": "lyd", "keys": "↑↓ opkald  c bekræft  1-6 disposition  n notat  Tab skærm  l English  ? hjælp  q afslut",
        "keys-stats": "k forslag/afgørelser  Tab skærm  l English  ? hjælp  q afslut", "help": "Taster",
        "suggested": "forslag", "confirmed": "afgørelser", "by hour": "Opkald efter ugedag og time", "dispositions": "Dispositioner",
        "local": "Lokal skærm: små tal vises.", "red flags": "Røde flag", "by": "af", "note": "Notat", "note-hint": "Enter gem · Esc fortryd",
        "note saved": "Notat gemt, forslaget er opdateret",
    ]
    static let english: [String: String] = [
        "title": "Obstetric reception", "triage": "Triage", "statistics": "Statistics", "queue": "Calls", "reasons": "Contact reasons",
        "facts": "Facts", "transcript": "Transcript", "ask": "Ask", "no calls": "No calls in the archive. Ingest with: triage ingest FOLDER",
        "no suggestion": "No suggestion (no transcript)", "decided": "Decided", "saved": "Saved", "record": "record", "call": "call",
        "acoustic": "sound", "keys": "↑↓ calls  c confirm  1-6 disposition  n note  Tab screen  l dansk  ? help  q quit",
        "keys-stats": "k suggested/decided  Tab screen  l dansk  ? help  q quit", "help": "Keys",
        "suggested": "suggestions", "confirmed": "decisions", "by hour": "Calls by weekday and hour", "dispositions": "Dispositions",
        "local": "Local screen: small counts shown.", "red flags": "Red flags", "by": "by", "note": "Note", "note-hint": "Enter save · Esc cancel",
        "note saved": "Note saved, the suggestion is updated",
    ]

    static func help(_ language: String) -> [(String, String)] {
        let da = language == "da"
        return [
            ("↑ ↓", da ? "vælg opkald" : "choose a call"),
            ("PgUp PgDn", da ? "rul i samtalen" : "scroll the transcript"),
            ("c", da ? "bekræft forslaget (årsager og disposition)" : "confirm the suggestion (reasons and disposition)"),
            ("1 … 6", da ? "vælg disposition: 112, nu, snart, hjemme, henvis, info" : "choose disposition: 112, now, soon, home, refer, info"),
            ("n", da ? "skriv et notat (tæller med i forslaget)" : "type a note (it counts in the suggestion)"),
            ("Tab", da ? "skift mellem triage og statistik" : "switch between triage and statistics"),
            ("k", da ? "statistik: forslag eller afgørelser" : "statistics: suggestions or decisions"),
            ("l", da ? "dansk / English" : "dansk / English"),
            ("?", da ? "denne hjælp" : "this help"),
            ("q", da ? "afslut" : "quit"),
        ]
    }
}
