// A deterministic generator of valid article files, for tests that need many articles
// of varied shape (the pack tests): a seeded LCG picks the sections, list lengths,
// nesting and paragraph lengths; the text comes from small English and Bangla word
// lists. Every article it writes loads without errors and passes `handout validate`
// without warnings (sentences ≤ 20 words, lists ≤ 9 items, paragraphs ≤ 7 sentences,
// every text translated, nothing in capitals).
//
// A `wild` generator (the property tests) makes articles a renderer must survive but an
// editor would be warned about: longer sentences, paragraphs and lists, lists nested
// three deep, Bangla words inside English text and English inside Bangla, long and
// over-wide words, long web addresses, empty optional parts and missing translations.
// The wild choices draw numbers only when `wild` is set, so the plain generator's
// articles stay the same.
import Foundation

/// One generated article: its slug and English title, and the YAML text of its file.
struct GeneratedArticle: Sendable {
    var slug: String
    var title: String
    var yaml: String
}

struct ArticleGenerator {
    /// The state of a 64-bit linear congruential generator (Knuth's MMIX constants).
    private var state: UInt64
    /// Articles to stress the renderer rather than to pass `handout validate`.
    let wild: Bool

    init(seed: UInt64, wild: Bool = false) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
        self.wild = wild
    }

    // MARK: Randomness

    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }

    /// A number in `range`, inclusive.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `chance`.
    mutating func chance(_ chance: Double) -> Bool {
        Double(next() % 10_000) < chance * 10_000
    }

    mutating func pick<T>(_ values: [T]) -> T {
        values[int(0...(values.count - 1))]
    }

    /// `range`, or up to half as long again in a wild article.
    func span(_ range: ClosedRange<Int>) -> ClosedRange<Int> {
        wild ? range.lowerBound...(range.upperBound * 3 / 2) : range
    }

    /// `count` different values of `values`, in a random order.
    mutating func choose<T>(_ count: Int, of values: [T]) -> [T] {
        var pool = values, chosen: [T] = []
        for _ in 0..<min(count, pool.count) { chosen.append(pool.remove(at: int(0...(pool.count - 1)))) }
        return chosen
    }

    // MARK: Words

    /// English words, all lower case; two carry a quote and a backslash, to exercise YAML escaping.
    static let english = [
        "the", "a", "your", "doctor", "medicine", "fever", "pain", "rest", "water", "sleep", "child", "hospital",
        "health", "cough", "headache", "tablet", "daily", "often", "may", "can", "help", "take", "drink", "eat",
        "check", "clean", "warm", "mild", "day", "night", "week", "body", "skin", "eye", "ear", "nose", "throat",
        "chest", "breathing", "food", "salt", "blood", "test", "nurse", "clinic", "home", "care", "family", "slowly",
        "gently", "every", "morning", "with", "after", "before", "and", "or", "not", "feel", "better", "\"dizzy\"",
        "1\\2", "people", "some", "most", "usually", "always", "soon", "again", "plenty", "of", "small", "meals",
    ]
    static let bangla = [
        "রোগ", "চিকিৎসা", "ডাক্তার", "ওষুধ", "স্বাস্থ্য", "মাথাব্যথা", "জ্বর", "কাশি", "পানি", "ঘুম", "বিশ্রাম", "হাসপাতাল",
        "শিশু", "পরিবার", "খাবার", "রক্ত", "পরীক্ষা", "চোখ", "কান", "ব্যথা", "প্রতিদিন", "সাবধান", "নিয়মিত", "লক্ষণ",
        "নিন", "করুন", "ভালো", "বেশি", "কম", "সকালে", "রাতে", "আর", "এবং", "অথবা", "যান",
    ]
    static let conditions = [
        "cough", "fever", "rash", "headache", "earache", "sore throat", "back pain", "asthma", "anaemia", "gastritis",
        "eczema", "sinusitis", "tonsillitis", "diarrhoea", "migraine", "scabies", "conjunctivitis", "dengue",
    ]
    static let qualifiers = ["Seasonal", "Chronic", "Mild", "Childhood", "Acute", "Recurrent", "Allergic", "Night-time"]
    /// Long words for wild articles; joined, they make words wider than any line.
    static let long = [
        "pneumonoultramicroscopicsilicovolcanoconiosis", "electroencephalography", "hydroxychloroquine",
        "immunohistochemistry", "otorhinolaryngologist", "sternocleidomastoid", "methylprednisolone",
        "glucose-6-phosphate-dehydrogenase", "non-steroidal-anti-inflammatory", "trimethoprim-sulfamethoxazole",
        "thrombocytopenia", "gastroenterologist", "antidisestablishmentarianism",
    ]

    /// A word of a wild English text: now and then Bangla, long, wider than a line, or in italics.
    mutating func wildEnglishWord() -> String {
        switch int(0...99) {
        case 0..<8: return pick(Self.bangla)
        case 8..<13: return pick(Self.long)
        case 13..<15: return (0..<int(3...8)).map { _ in pick(Self.long) }.joined()
        case 15..<17: return "*\(pick(Self.english).replacingOccurrences(of: "\"", with: ""))*"
        default: return pick(Self.english)
        }
    }

    /// A word of a wild Bangla text: now and then English, or a compound wider than a line.
    mutating func wildBanglaWord() -> String {
        switch int(0...99) {
        case 0..<8: return pick(Self.english)
        case 8..<10: return pick(Self.long)
        case 10..<13: return (0..<int(4...12)).map { _ in pick(Self.bangla) }.joined()
        default: return pick(Self.bangla)
        }
    }

    // MARK: Text

    /// An English sentence of `words` words (at most 20), capitalised, with a full stop or question mark.
    mutating func englishSentence(_ words: ClosedRange<Int>) -> String {
        // Now and then a wild sentence runs on far beyond what an editor would allow.
        let count = wild && chance(0.03) ? int(40...80) : min(int(span(words)), 20)
        var text = (0..<count).map { _ in wild ? wildEnglishWord() : pick(Self.english) }
        text[0] = text[0].prefix(1).uppercased() + text[0].dropFirst()
        return text.joined(separator: " ") + (chance(0.15) ? "?" : ".")
    }

    mutating func banglaSentence(_ words: ClosedRange<Int>) -> String {
        (0..<int(span(words))).map { _ in wild ? wildBanglaWord() : pick(Self.bangla) }.joined(separator: " ") + "।"
    }

    /// Text in both languages: `sentences` sentences of `words` words each.
    mutating func text(sentences: ClosedRange<Int> = 1...1, words: ClosedRange<Int> = 4...14,
                       bold: Bool = false) -> (en: String, bn: String) {
        let count = int(span(sentences))
        var en = (0..<count).map { _ in englishSentence(words) }.joined(separator: " ")
        // A wild text's translation is sometimes missing: an empty `bn` loads as none.
        var bn = wild && chance(0.05) ? "" : (0..<count).map { _ in banglaSentence(words) }.joined(separator: " ")
        if bold {
            en = "**\(pick(Self.english).replacingOccurrences(of: "\"", with: "")):** " + en
            if !bn.isEmpty { bn = "**\(pick(Self.bangla)):** " + bn }
        }
        return (en, bn)
    }

    /// A phrase of a few words, no full stop: titles and short forms.
    mutating func phrase(_ words: ClosedRange<Int>) -> (en: String, bn: String) {
        let count = int(span(words))
        var en = (0..<count).map { _ in wild ? wildEnglishWord() : pick(Self.english) }
        en[0] = en[0].prefix(1).uppercased() + en[0].dropFirst()
        return (en.joined(separator: " "), (0..<count).map { _ in wild ? wildBanglaWord() : pick(Self.bangla) }.joined(separator: " "))
    }

    // MARK: YAML

    /// A double-quoted YAML string: every value is quoted, `"` and `\` escaped.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `key:` and the text's `en:`/`bn:` lines under it.
    static func textField(_ key: String, _ text: (en: String, bn: String), indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        return ["\(pad)\(key):", "\(pad)  en: \(quoted(text.en))", "\(pad)  bn: \(quoted(text.bn))"]
    }

    /// A list item `- en: …` / `  bn: …`, with `extra` lines after it at the item's indent.
    static func textItem(_ text: (en: String, bn: String), indent: Int, extra: [String] = []) -> [String] {
        let pad = String(repeating: " ", count: indent)
        return ["\(pad)- en: \(quoted(text.en))", "\(pad)  bn: \(quoted(text.bn))"] + extra
    }

    mutating func textList(_ key: String, count: ClosedRange<Int>, indent: Int,
                           sentences: ClosedRange<Int> = 1...1, words: ClosedRange<Int> = 4...14) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines = ["\(pad)\(key):"]
        for _ in 0..<int(span(count)) { lines += Self.textItem(text(sentences: sentences, words: words), indent: indent + 2) }
        return lines
    }

    /// One paragraph as a text, or several as a list of texts.
    mutating func paragraphs(_ key: String, indent: Int) -> [String] {
        if chance(0.4) { return Self.textField(key, text(sentences: 1...6, words: 3...20), indent: indent) }
        return textList(key, count: 1...3, indent: indent, sentences: 1...7, words: 3...20)
    }

    // MARK: Articles

    /// The `index`th article of a set: the slug and title are unique by index.
    mutating func article(index: Int) -> GeneratedArticle {
        let condition = Self.conditions[index % Self.conditions.count]
        let qualifier = Self.qualifiers[(index / Self.conditions.count + index) % Self.qualifiers.count]
        let title = "\(qualifier) \(condition)"
        let slug = "gen-\(index < 10 ? "0" : "")\(index)-" + title.lowercased()
            .replacingOccurrences(of: " ", with: "-")
        let month = int(1...10), day = int(1...28)
        let reviewed = "2026-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"

        let address = "https://example.org/articles/\(slug)/" + (wild && chance(0.2) ? longPath() : "")
        var lines = [
            "# Generated test article \(index): not medical advice.",
            "slug: \(Self.quoted(slug))",
            "canonical_url: \(Self.quoted(address))",
            "last_reviewed: \(Self.quoted(reviewed))",
        ]
        if chance(0.5) { lines.append("next_review: \(Self.quoted(reviewed.replacingOccurrences(of: "2026-", with: "2027-")))") }
        if chance(0.5) { lines += Self.textField("reviewer", phrase(2...5), indent: 0) }
        lines.append("version: \(Self.quoted("\(int(1...3)).\(int(0...9))"))")
        let heading = wild && chance(0.3) ? (title + " " + phrase(1...4).en.lowercased(), phrase(2...6).bn)
            : (title, "\(pick(Self.bangla)) \(pick(Self.bangla))")
        lines += Self.textField("title", heading, indent: 0)
        if !empty("summary", &lines), chance(0.7) { lines += paragraphs("summary", indent: 0) }
        // Few, short key points: the one-page summary must hold them beside the warning signs.
        if !empty("key_takeaways", &lines), chance(0.8) { lines += textList("key_takeaways", count: 1...4, indent: 0, words: 4...10) }
        if !empty("definition", &lines), chance(0.6) { lines += paragraphs("definition", indent: 0) }
        lines += warningSigns()
        for kind in choose(int(0...6), of: ["types", "causes", "symptoms", "diagnostic_tests", "treatments", "drugs", "surgery"]) {
            lines += section(kind)
        }
        if wild, !empty("other_sections", &lines), chance(0.3) {
            lines.append("other_sections:")
            for _ in 0..<int(1...2) { lines += section("  -", indent: 4) }
        }
        if !empty("conclusion", &lines), chance(0.5) { lines += paragraphs("conclusion", indent: 0) }
        lines += Self.textField("disclaimer", ("This handout is for education only. It does not replace a doctor.",
                                               "এই লেখা শুধু শিক্ষার জন্য। এটি ডাক্তারের বিকল্প নয়।"), indent: 0)
        if !empty("references", &lines), chance(0.6) {
            lines.append("references:")
            for n in 0..<int(span(1...4)) {
                let path = wild && chance(0.4) ? longPath() : ""
                lines.append("  - \(Self.quoted("https://example.org/sources/\(slug)/\(n)\(path)"))")
            }
        }
        if chance(0.4) { lines += roadmap() }
        if chance(0.4) { lines += doctorVisit() }
        if !empty("diary_prompts", &lines), chance(0.4) { lines += diaryPrompts() }
        if !empty("faq", &lines), chance(0.4) { lines += faq() }
        return GeneratedArticle(slug: slug, title: title, yaml: lines.joined(separator: "\n") + "\n")
    }

    /// In a wild article, now and then an optional list written out empty (`key: []`).
    mutating func empty(_ key: String, _ lines: inout [String]) -> Bool {
        guard wild, chance(0.1) else { return false }
        lines.append("\(key): []")
        return true
    }

    /// A long web address path: segments, a query and a fragment, 80 to 400 characters.
    mutating func longPath() -> String {
        var path = ""
        while path.count < int(80...400) {
            path += "/" + (0..<int(1...4)).map { _ in pick(Self.english + Self.long).filter { $0.isLetter || $0 == "-" } }
                .joined(separator: "-")
        }
        return path + "?id=\(next())&ref=\(pick(Self.long))#section-\(int(1...99))"
    }

    /// The urgent warning signs: few and short, so the wallet card holds them; short forms half the time.
    mutating func warningSigns() -> [String] {
        var lines = ["warning_signs:"]
        if chance(0.5) { lines += Self.textField("intro", text(words: 4...10), indent: 2) }
        let count = int(span(1...4))
        lines.append("  items:")
        for _ in 0..<count { lines += Self.textItem(text(words: 3...8), indent: 4) }
        if chance(0.5) {
            lines.append("  short:")
            for _ in 0..<count { lines += Self.textItem(phrase(2...4), indent: 4) }
        }
        return lines
    }

    /// A listed section: 1–9 items, some with 1–4 sub-items (in a wild article, more, some
    /// with sub-sub-items, and now and then none). `kind` is its key, or `  -` for an item
    /// of other_sections (which needs a title), its fields then at `indent`.
    mutating func section(_ kind: String, indent: Int = 2) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines = [kind == "  -" ? "  - title:" : "\(kind):"]
        if kind == "  -" {
            let title = phrase(1...4)
            lines += ["\(pad)  en: \(Self.quoted(title.en))", "\(pad)  bn: \(Self.quoted(title.bn))"]
        } else if chance(0.6) {
            lines += Self.textField("title", phrase(1...4), indent: indent)
        }
        if chance(0.6) { lines += paragraphs("intro", indent: indent) }
        if chance(0.3) { lines.append("\(pad)numbered: \(chance(0.5) ? "false" : "true")") }
        if wild, chance(0.05) {
            lines.append("\(pad)items: []")
            return lines
        }
        lines.append("\(pad)items:")
        for _ in 0..<int(span(1...9)) {
            var children: [String] = []
            if chance(wild ? 0.4 : 0.25) {
                children.append("\(pad)    items:")
                for _ in 0..<int(span(1...4)) {
                    var grandchildren: [String] = []
                    if wild, chance(0.3) {
                        grandchildren.append("\(pad)        items:")
                        for _ in 0..<int(1...5) {
                            grandchildren += Self.textItem(text(sentences: 1...2, words: 3...12), indent: indent + 10)
                        }
                    }
                    children += Self.textItem(text(sentences: 1...2, words: 3...12), indent: indent + 6, extra: grandchildren)
                }
            }
            lines += Self.textItem(text(sentences: 1...2, words: 3...14, bold: chance(0.3)), indent: indent + 2, extra: children)
        }
        return lines
    }

    mutating func roadmap() -> [String] {
        var lines = ["roadmap:", "  steps:"]
        for _ in 0..<int(span(1...5)) {
            let title = phrase(2...4), step = text(sentences: 1...2, words: 4...12)
            lines += ["    - title:", "        en: \(Self.quoted(title.en))", "        bn: \(Self.quoted(title.bn))",
                      "      text:", "        en: \(Self.quoted(step.en))", "        bn: \(Self.quoted(step.bn))"]
        }
        if chance(0.6) { lines += textList("tips", count: 1...4, indent: 2) }
        return lines
    }

    mutating func doctorVisit() -> [String] {
        var lines = ["doctor_visit:"]
        if chance(0.7) { lines += Self.textField("which_doctor", text(sentences: 1...3), indent: 2) }
        for key in choose(int(1...4), of: ["tell_doctor", "questions", "tests", "mistakes"]) {
            lines += textList(key, count: 1...6, indent: 2)
        }
        return lines
    }

    mutating func diaryPrompts() -> [String] {
        var lines = ["diary_prompts:"]
        for _ in 0..<int(span(1...6)) {
            lines += Self.textItem(phrase(2...6), indent: 2, extra: ["    kind: \(pick(["count", "score", "yes-no", "note"]))"])
        }
        return lines
    }

    mutating func faq() -> [String] {
        var lines = ["faq:"]
        for _ in 0..<int(span(1...4)) {
            let question = text(words: 3...9), answer = text(sentences: 1...4, words: 3...16)
            lines += ["  - question:", "      en: \(Self.quoted(question.en))", "      bn: \(Self.quoted(question.bn))",
                      "    answer:", "      en: \(Self.quoted(answer.en))", "      bn: \(Self.quoted(answer.bn))"]
        }
        return lines
    }

    /// `count` articles from `seed`: the same seed always gives the same files.
    static func articles(_ count: Int, seed: UInt64, wild: Bool = false) -> [GeneratedArticle] {
        var generator = ArticleGenerator(seed: seed, wild: wild)
        return (0..<count).map { generator.article(index: $0) }
    }
}
