// Checks on a loaded article that do not stop output: missing translations, review
// dates, and text that works against readers with little schooling (the usual
// health-literacy guidance). Each warning names its rule, so an article can silence
// it with a reason.
import Diagnostics
import Foundation

public enum ArticleChecks {
    /// Every rule a warning can carry; "small-type" is raised by a layout file.
    public static let rules = ["missing-bangla", "review-date", "long-sentence", "long-list", "long-paragraph", "capitals",
                               "small-type", "empty-part", "missing-picture", "wrong-script",
                               "glossary"]
    static let longestSentence = 20, longestList = 9, longestParagraph = 7

    /// Every warning for `article`, as of `today`, less the rules the article silences.
    public static func warnings(_ article: Article, today: CalendarDate) -> [Diagnostic] {
        var found = missingBangla(article) + reviewDate(article.metadata, today: today)
        found += article.allTexts.flatMap(sentences) + article.allTexts.flatMap(capitals)
        found += article.paragraphs.compactMap(paragraphLength)
        found += article.lists.compactMap(listLength)
        found += emptyParts(article) + missingPictures(article) + article.allTexts.compactMap(wrongScript)
        // A part still to review is not silenced: the editor removes its note once checked.
        return article.unsilenced(found) + article.toReview.map(reviewNote)
    }

    static func reviewNote(_ note: ReviewNote) -> Diagnostic {
        .warning("\(note.part) was filled from \(note.source); such blocks are generated from templates and can be wrong for this condition",
                 at: note.location, subject: note.part,
                 hint: "check \(note.part) against the article, then remove this entry from to_review")
    }

    /// What a reader would miss without being told: a heading with nothing under it, a
    /// sub-heading followed by nothing, a roadmap or helper left empty.
    static func emptyParts(_ article: Article) -> [Diagnostic] {
        func empty(_ what: String, at location: SourceLocation?, subject: String) -> Diagnostic {
            .warning("\(what) prints nothing", at: location, subject: subject,
                     hint: "add what belongs there, or remove it").rule("empty-part")
        }
        var found: [Diagnostic] = []
        for section in article.allSections {
            let name = section.title.map { "the section '\($0.en.plainText)'" } ?? "the section \(section.path)"
            if section.blocks.isEmpty { found.append(empty(name, at: section.location, subject: section.path)) }
            found += emptyHeadings(section.blocks)
        }
        // Empty parts have no text to point at: the review note that filled them, else the title.
        let place = { (part: String) in article.toReview.first { $0.part == part }?.location ?? article.title.location }
        if let roadmap = article.roadmap, roadmap.steps.isEmpty {
            found.append(.warning("the roadmap has no steps", at: place("roadmap"), subject: "roadmap",
                                  hint: "add its steps (title and text), or remove it").rule("empty-part"))
        }
        if let visit = article.doctorVisit, visit.allTexts.isEmpty {
            found.append(empty("doctor_visit is empty and", at: place("doctor_visit"), subject: "doctor_visit"))
        }
        if let safety = article.medicineSafety, safety.allTexts.isEmpty {
            found.append(empty("medicine_safety is empty and", at: place("medicine_safety"), subject: "medicine_safety"))
        }
        return found
    }

    /// A sub-heading that ends its section. (One followed by another heading may head a
    /// deeper one: sub-headings keep no levels.)
    static func emptyHeadings(_ blocks: [ContentBlock]) -> [Diagnostic] {
        blocks.indices.compactMap { index in
            guard index == blocks.count - 1, case .heading(let text) = blocks[index] else { return nil }
            return .warning("the sub-heading '\(text.en.plainText)' has nothing under it", at: text.location, subject: text.path,
                            hint: "add its text, or remove the heading").rule("empty-part")
        }
    }

    /// A text whose letters are in the other language's script: a translation under the
    /// wrong key (an imported page's Bangla box), which would be shaped, read aloud and
    /// tagged as the language its key says.
    static func wrongScript(_ text: LocalizedText) -> Diagnostic? {
        func banglaShare(_ string: String) -> Double? {
            let letters = string.plainText.unicodeScalars.filter(\.properties.isAlphabetic)
            guard letters.count >= 3 else { return nil }
            return Double(letters.filter { (0x0980...0x09FF).contains($0.value) }.count) / Double(letters.count)
        }
        if let share = banglaShare(text.en), share > 0.5 {
            return .warning("the English text is written in Bangla", at: text.location, subject: text.path,
                            hint: "move it to 'bn:' and write the English under 'en:'").rule("wrong-script")
        }
        if let bn = text.bn, let share = banglaShare(bn), share == 0 {
            return .warning("the Bangla text has no Bangla letters", at: text.location, subject: text.path,
                            hint: "write the Bangla translation, or leave 'bn:' out while it is pending").rule("wrong-script")
        }
        return nil
    }

    /// Figures whose image is named but not beside the article, or not named at all.
    static func missingPictures(_ article: Article) -> [Diagnostic] {
        article.allSections.flatMap { $0.blocks.flatMap(\.figures) }.compactMap { figure in
            guard let image = figure.image else {
                return .warning("a picture without an image file: only its description and caption are printed",
                                at: figure.location, subject: figure.alt.path,
                                hint: "save the picture as PNG beside the article and name it in 'image:'").rule("missing-picture")
            }
            let folder = figure.location.map { URL(fileURLWithPath: $0.file).deletingLastPathComponent() }
            let path = folder.map { $0.appendingPathComponent(image).path } ?? image
            guard !FileManager.default.fileExists(atPath: path) else { return nil }
            return .warning("the image '\(image)' is not beside the article", at: figure.location, subject: figure.alt.path,
                            hint: "save it as \(path), or correct the name").rule("missing-picture")
        }
    }

    static func missingBangla(_ article: Article) -> [Diagnostic] {
        article.allTexts.filter { $0.bn == nil }.map {
            $0.isStale(.bn)
                ? .warning("the Bangla needs review: the English has changed since it was translated", at: $0.location,
                           subject: $0.path, hint: "check the Bangla against the new English (handout translate export marks it fuzzy)")
                    .rule("missing-bangla")
                : .warning("missing Bangla translation", at: $0.location, subject: $0.path,
                           hint: "add a 'bn:' line beside 'en:'").rule("missing-bangla")
        }
    }

    static func reviewDate(_ metadata: Metadata, today: CalendarDate) -> [Diagnostic] {
        guard let reviewed = metadata.lastReviewed else {
            return [.warning("the article has no last_reviewed date", at: metadata.lastReviewedLocation, subject: "last_reviewed",
                             hint: "add 'last_reviewed: YYYY-MM-DD', the day a clinician last checked it").rule("review-date")]
        }
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
