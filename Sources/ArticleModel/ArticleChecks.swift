// Checks on a loaded article that do not stop output: missing translations, review
// dates, and text that works against readers with little schooling (the usual
// health-literacy guidance). Each warning names its rule, so an article can silence
// it with a reason.
import Diagnostics

public enum ArticleChecks {
    /// Every rule a warning can carry; "small-type" is raised by a layout file.
    public static let rules = ["missing-bangla", "review-date", "long-sentence", "long-list", "long-paragraph", "capitals",
                               "small-type"]
    static let longestSentence = 20, longestList = 9, longestParagraph = 7

    /// Every warning for `article`, as of `today`, less the rules the article silences.
    public static func warnings(_ article: Article, today: CalendarDate) -> [Diagnostic] {
        var found = missingBangla(article) + reviewDate(article.metadata, today: today)
        found += article.allTexts.flatMap(sentences) + article.allTexts.flatMap(capitals)
        found += article.paragraphs.compactMap(paragraphLength)
        found += article.lists.compactMap(listLength)
        return article.unsilenced(found)
    }

    static func missingBangla(_ article: Article) -> [Diagnostic] {
        article.allTexts.filter { $0.bn == nil }.map {
            .warning("missing Bangla translation", at: $0.location, subject: $0.path,
                     hint: "add a 'bn:' line beside 'en:'").rule("missing-bangla")
        }
    }

    static func reviewDate(_ metadata: Metadata, today: CalendarDate) -> [Diagnostic] {
        let reviewed = metadata.lastReviewed
        if reviewed > today {
            return [.warning("last_reviewed (\(reviewed)) is in the future", at: metadata.lastReviewedLocation,
                             subject: "last_reviewed",
                             hint: "use the date the article was last checked").rule("review-date")]
        }
        if reviewed < today.adding(months: -24) {
            return [.warning("last_reviewed (\(reviewed)) is more than two years ago", at: metadata.lastReviewedLocation,
                             subject: "last_reviewed",
                             hint: "have a clinician review the article again").rule("review-date")]
        }
        return []
    }

    static func sentences(_ text: LocalizedText) -> [Diagnostic] {
        splitSentences(text.en.plainText).compactMap { sentence in
            let words = sentence.split(whereSeparator: \.isWhitespace).count
            guard words > longestSentence else { return nil }
            return .warning("an English sentence of \(words) words (more than \(longestSentence)): \"\(sentence.prefix(50))…\"",
                            at: text.location, subject: text.path, hint: "split it into shorter sentences").rule("long-sentence")
        }
    }

    static func paragraphLength(_ text: LocalizedText) -> Diagnostic? {
        let count = splitSentences(text.en.plainText).count
        guard count > longestParagraph else { return nil }
        return .warning("a paragraph of \(count) sentences (more than \(longestParagraph))", at: text.location,
                        subject: text.path, hint: "split it into two paragraphs").rule("long-paragraph")
    }

    static func listLength(_ list: [LocalizedText]) -> Diagnostic? {
        guard list.count > longestList, let first = list.first else { return nil }
        return .warning("a list of \(list.count) items (more than \(longestList))", at: first.location, subject: first.path,
                        hint: "group the items under a few headings, or keep the most important").rule("long-list")
    }

    /// Running text in capitals: three or more capitalised words in a row (short
    /// abbreviations like MRI alone are fine).
    static func capitals(_ text: LocalizedText) -> [Diagnostic] {
        var run = 0, letters = 0
        for word in text.en.plainText.split(whereSeparator: \.isWhitespace) {
            let wordLetters = word.filter(\.isLetter)
            if wordLetters.count >= 2, wordLetters.allSatisfy(\.isUppercase) {
                run += 1
                letters += wordLetters.count
                if run >= 3 && letters >= 10 {
                    return [.warning("running text in capitals", at: text.location, subject: text.path,
                                     hint: "write it in ordinary case; use bold for emphasis").rule("capitals")]
                }
            } else {
                run = 0
                letters = 0
            }
        }
        return []
    }

    /// Sentences end at `.`, `?` or `!` followed by a space or the end.
    static func splitSentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            current.append(character)
            let atEnd = index + 1 == characters.count || characters[index + 1].isWhitespace
            if ".?!".contains(character), atEnd {
                sentences.append(current.trimmingSpaces)
                current = ""
            }
        }
        if !current.trimmingSpaces.isEmpty { sentences.append(current.trimmingSpaces) }
        return sentences
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
