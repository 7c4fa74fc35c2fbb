// An article's texts out to translators as a PO file and back in: a unit per text, its
// context the text's path in the article, its English as msgid; translations that need
// review (their English changed) go out fuzzy; what comes back is checked unit by unit
// before it is put into the article, with the English it was made from remembered.
import ArticleModel
import Diagnostics
import Foundation

public enum ArticleTranslation {
    // MARK: Export

    /// The PO file for `article` (read from `file`) in `language`.
    public static func export(_ article: Article, file: String, language: Language = .bn,
                              glossary: Glossary? = nil) throws(DiagnosticError) -> Data {
        let messages = units(article).map { text in
            POMessage(context: text.path, english: text.en, translation: text.texts[language] ?? "",
                      fuzzy: text.isStale(language),
                      note: ([section(of: text.path, in: article)] + (glossary?.note(for: text.en) ?? [])).joined(separator: "\n"),
                      reference: text.location.map { (URL(fileURLWithPath: $0.file).lastPathComponent, $0.line) })
        }
        return try POFile(header: header(article, file: file, language: language), messages: messages).text()
    }

    /// The texts to translate, in reading order, each once.
    static func units(_ article: Article) -> [LocalizedText] {
        var seen: Set<String> = []
        return article.allTexts.filter { !$0.en.isEmpty && !$0.path.isEmpty && seen.insert($0.path).inserted }
    }

    static func header(_ article: Article, file: String, language: Language) -> [(String, String)] {
        [("Project-Id-Version", "Handout \(article.metadata.slug) \(article.metadata.version)"),
         ("Report-Msgid-Bugs-To", ""),
         // Fixed, so an unchanged article exports the same file.
         ("POT-Creation-Date", "\(article.metadata.documentDate) 00:00+0000"),
         ("PO-Revision-Date", "\(article.metadata.documentDate) 00:00+0000"),
         ("Last-Translator", ""),
         ("Language-Team", language.name),
         ("Language", language.rawValue),
         ("MIME-Version", "1.0"),
         ("Content-Type", "text/plain; charset=UTF-8"),
         ("Content-Transfer-Encoding", "8bit"),
         ("Plural-Forms", "nplurals=2; plural=(n != 1);"),
         ("X-Handout-Article", article.metadata.slug),
         ("X-Handout-File", URL(fileURLWithPath: file).lastPathComponent)]
    }

    /// The translator's note naming where a text is: "Section: Causes of … (causes)".
    static func section(of path: String, in article: Article) -> String {
        let part = String(path.prefix { $0 != "." && $0 != "[" })
        let title: String? = {
            if let kind = SectionKind(rawValue: part) { return article.sections[kind]?.title?.en }
            if part == "other_sections", let index = Int(path.drop { $0 != "[" }.dropFirst().prefix { $0.isNumber }),
               article.otherSections.indices.contains(index) {
                return article.otherSections[index].title?.en
            }
            return nil
        }()
        return "Section: " + (title.map { "\($0.plainText) (\(part))" } ?? part)
    }

    // MARK: Import

    /// The article file a PO file names in its header (X-Handout-File).
    public static func articleFile(ofPO path: String) throws(DiagnosticError) -> String? {
        try POFile.read(path).field("X-Handout-File")
    }

    public struct Imported: Sendable {
        public var article: Article
        /// Translations put in or changed.
        public var changed: Int
        public var diagnostics: [Diagnostic]
    }

    /// The translations of the PO file at `path` put into `article`. Each unit is checked
    /// first; one that fails, is still fuzzy, is empty or was made from English that has
    /// changed since is reported at its line and left out.
    public static func apply(_ path: String, to article: Article) throws(DiagnosticError) -> Imported {
        let po = try POFile.read(path)
        let language = Language(rawValue: po.field("Language") ?? "bn")
        let texts = units(article)
        let byPath = Dictionary(texts.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var translations: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for message in po.messages {
            let place = SourceLocation(file: path, line: message.line, column: 1)
            // By its path; by its English when the article's format moved it.
            guard let text = byPath[message.context] ?? texts.first(where: { $0.en == message.english }) else {
                diagnostics.append(.warning("no text '\(message.context)' in the article: left out", at: place,
                                            hint: "export the article again and translate the new file"))
                continue
            }
            guard text.en == message.english else {
                diagnostics.append(.warning("the English of \(text.path) has changed since this file was exported: left out", at: place,
                                            subject: text.path, hint: "export again: the unit comes back fuzzy with the new English"))
                continue
            }
            let translation = message.translation.composed
            if message.fuzzy {
                if !translation.isEmpty {
                    diagnostics.append(.warning("still marked fuzzy (needs review): left out", at: place, subject: text.path,
                                                hint: "review it and clear the fuzzy mark in your PO editor"))
                }
                continue
            }
            if translation.isBlank {
                diagnostics.append(.warning("empty translation", at: place, subject: text.path, hint: "translate the unit"))
                continue
            }
            let problems = check(translation, against: text.en)
            diagnostics += problems.map { .error($0.message, at: place, subject: text.path, hint: $0.hint) }
            if problems.isEmpty { translations[text.path] = translation }
        }
        var changed = 0
        let updated = article.mapTexts { text in
            guard let translation = translations[text.path], text.texts[language] != translation || text.isStale(language) else {
                return text
            }
            var new = text
            new.translate(translation, into: language)
            changed += 1
            return new
        }
        return Imported(article: updated, changed: changed, diagnostics: diagnostics)
    }

    /// What a translation must keep of its English: balanced bold markers, every number
    /// (Latin or Bangla digits alike), every web address as it was.
    static func check(_ translation: String, against english: String) -> [(message: String, hint: String)] {
        var problems: [(String, String)] = []
        if translation.components(separatedBy: "**").count % 2 == 0 {
            problems.append(("the ** bold markers are unbalanced", "put ** before and after each bold stretch"))
        }
        let missing = numbers(in: english).subtracting(numbers(in: translation))
        if !missing.isEmpty {
            problems.append(("the number \(missing.sorted().joined(separator: ", ")) of the English is missing",
                             "write every number of the English (Bangla digits are fine)"))
        }
        let addresses = Set(urls(in: english)).subtracting(urls(in: translation))
        if !addresses.isEmpty {
            problems.append(("the web address \(addresses.sorted().joined(separator: ", ")) was changed or left out",
                             "copy web addresses exactly as they are"))
        }
        return problems
    }

    /// The numbers in a text, Bangla digits read as Latin ones.
    static func numbers(in text: String) -> Set<String> {
        let latin = String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (0x09E6...0x09EF).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0x09E6 + 0x30)! : scalar
        }))
        return Set(latin.matches(of: /[0-9]+(?:[.,][0-9]+)*/).map { String($0.output) })
    }

    static func urls(in text: String) -> [String] {
        text.matches(of: /https?:\/\/[^\s)\]]+/).map { String($0.output) }
    }

    // MARK: Status

    /// How far a section is translated.
    public struct Progress: Codable, Sendable, Equatable {
        public var section: String
        public var translated = 0
        public var needs_review = 0
        public var missing = 0

        public init(section: String) {
            self.section = section
        }
    }

    /// For each section (a top-level part of the article), its units by state, in order.
    public static func status(_ article: Article, language: Language = .bn) -> [Progress] {
        var progress: [Progress] = []
        for text in units(article) {
            let part = String(text.path.prefix { $0 != "." && $0 != "[" })
            if progress.last?.section != part { progress.append(Progress(section: part)) }
            if text.isStale(language) { progress[progress.count - 1].needs_review += 1 }
            else if text[language] == nil { progress[progress.count - 1].missing += 1 }
            else { progress[progress.count - 1].translated += 1 }
        }
        return progress
    }
}
