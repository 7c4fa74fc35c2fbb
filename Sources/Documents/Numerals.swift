// Numbers and dates written the way each language writes them.
import ArticleModel

extension Language {
    /// `number` in this language's digits: Bangla uses ০–৯.
    public func digits(_ number: Int) -> String { numerals(String(number)) }

    /// `text` with its ASCII digits written in this language's digits ("1.0" → "১.০").
    public func numerals(_ text: String) -> String {
        guard self == .bn else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            ("0"..."9").contains(scalar) ? Unicode.Scalar(0x09E6 + scalar.value - 0x30)! : scalar
        }))
    }
}

extension Labels {
    /// "20 November 2026" / "২০ নভেম্বর ২০২৬".
    public func date(_ date: CalendarDate, in language: Language) -> String {
        let month = months[language]?[date.month - 1] ?? String(date.month)
        return "\(language.digits(date.day)) \(month) \(language.digits(date.year))"
    }

    /// A date the article may not give (an imported page that stated none): said so, not left blank.
    public func date(_ date: CalendarDate?, in language: Language) -> String {
        date.map { self.date($0, in: language) } ?? text(.reviewNotGiven, language)
    }
}
