// The words pages really use: headings that name an article's sections (English and
// Bangla), the site's patient-tool blocks, its furniture, and what makes a box urgent.
// Recognising by words, not markup, lets a page in a new theme import the same way.
import ArticleModel
import Foundation

enum SiteVocabulary {
    /// Where a heading's content goes.
    enum Part: Equatable {
        case section(SectionKind)
        case summary, keyTakeaways, warningSigns, doctorVisit, medicineSafety, roadmap, faq
        case definition, conclusion, references
        /// Site furniture: the heading and everything under it is left out.
        case furniture
    }

    /// A heading in lowercase, without its trailing colon, quotes or the condition's name
    /// ("Causes of Hemifacial Spasm:" → "causes of hemifacial spasm").
    static func normalised(_ heading: String) -> String {
        let trimmed = heading.trimmingCharacters(in: CharacterSet(charactersIn: ":：?!. ").union(.whitespacesAndNewlines))
        return HTMLNode.collapse(trimmed.lowercased().replacingOccurrences(of: "’", with: "'"))
    }

    /// The part a heading names, or nil for a heading of the article's own.
    static func part(of heading: String, title: String) -> Part? {
        let words = normalised(heading)
        if let tool = tools.first(where: { words.hasPrefix($0.0) }) { return tool.1 }
        if furniture.contains(where: { words.hasPrefix($0) }) { return .furniture }
        if ["references", "sources", "bibliography", "তথ্যসূত্র"].contains(where: { words.hasPrefix($0) }) { return .references }
        if ["conclusion", "summary", "in summary", "the bottom line", "bottom line", "উপসংহার"].contains(words) { return .conclusion }
        if let kind = sectionKind(of: words) { return .section(kind) }
        // "Overview" opens the article; a heading of its own ("What is acne?") stays a
        // section with its title, so none of the page's words are lost.
        return ["overview", "introduction", "definition", "সংজ্ঞা", "পরিচিতি"].contains(words) ? .definition : nil
    }

    /// The section kind whose words begin (or, for short headings, make up) the heading.
    static func sectionKind(of words: String) -> SectionKind? {
        for (kind, phrases) in sectionPhrases {
            for phrase in phrases where words == phrase || words.hasPrefix(phrase + " ") || words.hasPrefix(phrase + ":") {
                return kind
            }
        }
        // "How is acne treated?", "What causes achalasia?"
        for (kind, stems) in questionStems where stems.contains(where: { words.contains($0) }) && words.split(separator: " ").count <= 8 {
            return kind
        }
        return nil
    }

    static let sectionPhrases: [(SectionKind, [String])] = [
        (.types, ["types of", "types", "kinds of", "forms of", "ধরন", "প্রকারভেদ"]),
        (.causes, ["causes of", "causes", "cause", "what causes", "risk factors", "causes and risk factors",
                   "causes and triggers", "triggers", "কারণ", "রোগের কারণ"]),
        (.symptoms, ["symptoms of", "symptoms", "signs and symptoms", "signs of", "check if you have", "check if it's", "লক্ষণ", "উপসর্গ",
                     "লক্ষণসমূহ", "রোগের লক্ষণ"]),
        (.diagnosticTests, ["diagnostic tests for", "diagnosis of", "diagnosis", "diagnosing", "tests for", "tests and diagnosis",
                            "tests", "getting diagnosed", "how it's diagnosed", "পরীক্ষা", "রোগ নির্ণয়", "রোগনির্ণয়"]),
        (.treatments, ["treatment options for", "treatment of", "treatments for", "treatment for", "treatment", "treatments",
                       "treating", "how to treat", "managing", "management of", "management", "self-care", "home care",
                       "things you can do", "how to ease", "চিকিৎসা", "চিকিৎসা পদ্ধতি"]),
        (.drugs, ["drugs used for", "medications for", "medicines for", "medicines", "medications", "drugs", "ওষুধ"]),
        (.surgery, ["surgery for", "surgery", "surgical", "operation", "অপারেশন", "অস্ত্রোপচার"]),
        (.complications, ["complications of", "complications", "জটিলতা"]),
        (.prevention, ["prevention of", "prevention", "preventing", "how to prevent", "reducing your risk", "protect yourself",
                       "প্রতিরোধ", "প্রতিকার ও প্রতিরোধ"]),
        (.livingWith, ["living with", "coping with", "daily life", "দৈনন্দিন জীবন"]),
        (.recovery, ["recovery", "recovering from", "rehabilitation", "after surgery", "after the operation", "সুস্থ হওয়া",
                     "সেরে ওঠা", "পুনর্বাসন"]),
        (.diet, ["diet and", "diet", "nutrition", "food and drink", "eating", "খাবার", "খাদ্য", "পুষ্টি"]),
        (.outlook, ["outlook", "prognosis", "what to expect", "ভবিষ্যৎ"]),
        (.whenToGetHelp, ["when to get help", "when to get medical help", "when to see a doctor", "when to see a gp",
                          "when to seek", "when to contact", "when to call", "getting help", "urgent advice", "non-urgent advice",
                          "কখন ডাক্তার দেখাবেন", "কখন ডাক্তারের কাছে যাবেন", "কখন সাহায্য নেবেন"]),
    ]

    static let questionStems: [(SectionKind, [String])] = [
        (.causes, ["what causes", "why do", "who gets", "who is at risk", "what are the causes"]),
        (.symptoms, ["what are the symptoms", "what are the signs"]),
        (.diagnosticTests, ["how is it diagnosed", "diagnosed", "how do doctors"]),
        (.treatments, ["how is it treated", "treated", "how to treat", "what can i do", "what are the treatments",
                       "treatments for"]),
        (.prevention, ["how can i prevent", "prevented", "avoid getting"]),
        (.whenToGetHelp, ["when should i see", "when should i get", "when should i call"]),
    ]

    /// The site's patient-tool blocks, by the headings its templates print.
    static let tools: [(String, Part)] = [
        ("article summary", .summary), ("key takeaways", .keyTakeaways), ("key points", .keyTakeaways),
        ("seek urgent medical care if you notice", .warningSigns), ("doctor visit helper", .doctorVisit),
        ("medicine safety and first-aid guide", .medicineSafety), ("medicine safety and first aid guide", .medicineSafety),
        ("care roadmap", .roadmap), ("frequently asked questions", .faq), ("faqs", .faq), ("faq", .faq),
        ("common questions", .faq), ("সাধারণ প্রশ্ন", .faq), ("প্রায়ই জিজ্ঞাসিত প্রশ্ন", .faq),
    ]

    /// Headings of site furniture: tool menus, forms, related links, comments.
    static let furniture = [
        "patient tools", "patient mode", "rx patient tools", "rx patient help", "before reading",
        "patient health record", "ask a health question", "continue exploring", "explore this topic",
        "related articles", "related posts", "related", "you may also like", "recommended", "read more", "more from",
        "share this", "share", "like this", "leave a reply", "leave a comment", "comments", "responses", "reply",
        "recent posts", "categories", "tags", "archives", "about the author", "subscribe", "sign up", "newsletter",
        "is this page useful", "help us improve", "search", "popular", "trending", "most read", "advertisement",
        "বাংলা রোগী নোট", "রোগী সহায়তা", "read, save, and share this guide", "understand this article easily",
        "explore this topic across",
    ]

    /// The site templates' own sentences, printed on every page whatever the condition
    /// (the seed page shows them): left out wherever they stand, as are advert labels.
    static let templateTexts = [
        "use these quick tools to make this medical article", "switch between simple english and easy bangla",
        "for severe symptoms, danger signs, pregnancy, child illness, or sudden worsening",
        "বাংলা রোগী নোট এখনো যোগ করা হয়নি", "এই তথ্য শিক্ষা ও সচেতনতার জন্য", "educational health guide",
        "reviewed content workflow", "emergency safety first", "emergency now", "use emergency care for severe, sudden",
        "book a professional medical evaluation if symptoms persist", "learn safely",
        "use this article to understand possible causes", "use these quick guides before reading",
        "advertisement", "advertisements", "sponsored", "continue reading below",
    ]

    static func isTemplateText(_ text: String) -> Bool {
        let words = normalised(text.plainText)
        return templateTexts.contains { words.hasPrefix($0) }
    }

    /// Sub-headings inside the doctor-visit helper, and the field each fills.
    static var doctorVisitParts: [(String, WritableKeyPath<DoctorVisitDraft, [String]>)] { [
        ("which doctor", \.whichDoctor), ("what to tell", \.tellDoctor), ("tell the doctor", \.tellDoctor),
        ("questions to ask", \.questions), ("tests to discuss", \.tests), ("avoid these mistakes", \.mistakes),
        ("mistakes to avoid", \.mistakes),
    ] }

    /// Sub-headings inside the medicine-safety guide.
    static var medicineSafetyParts: [(String, WritableKeyPath<MedicineSafetyDraft, [String]>)] { [
        ("safe first steps", \.firstSteps), ("first steps", \.firstSteps), ("otc medicine", \.medicines),
        ("medicine safety", \.medicines), ("using medicines", \.medicines), ("avoid these mistakes", \.mistakes),
        ("mistakes to avoid", \.mistakes), ("get urgent help", \.urgentHelp), ("urgent help", \.urgentHelp),
    ] }

    // MARK: Urgent boxes

    /// Words that make a box or heading about urgent care, in English and Bangla.
    static let urgentWords = ["999", "911", "112", "a&e", "emergency", "go to hospital", "go to the hospital", "call an ambulance",
                              "urgent", "immediately", "straight away", "জরুরি", "হাসপাতালে", "অ্যাম্বুলেন্স", "এখনই"]

    static func soundsUrgent(_ text: String) -> Bool {
        let lower = text.lowercased()
        return urgentWords.contains { lower.contains($0) } || lower.hasPrefix("call ") || lower.contains(" call ")
    }

    /// A box's class words that say what kind of callout it is.
    static func calloutKind(classWords words: Set<String>) -> Callout.Kind? {
        let box = words.isDisjoint(with: ["callout", "care", "alert", "notice", "warning", "urgent", "emergency",
                                          "important", "info", "information", "danger", "immediate", "admonition"])
        // A WordPress group with a background colour is a box; its title says what kind.
        let colouredGroup = words.contains("has") && words.contains("background")
        if box && !colouredGroup { return nil }
        if !words.isDisjoint(with: ["immediate", "emergency", "danger", "urgent"]) && !words.contains("non") { return .urgent }
        if words.contains("non") && words.contains("urgent") { return .seeDoctor }
        if words.contains("dont") || words.contains("don") { return .dont }
        if words.contains("do") { return .do }
        if !words.isDisjoint(with: ["warning", "alert"]) { return .seeDoctor }
        return .information
    }

    /// Paragraphs that are the page's dates, not its content ("Page last reviewed: 14 August 2024").
    static func isReviewLine(_ text: String) -> Bool {
        let lower = text.lowercased()
        let prefixes = ["page last reviewed", "last reviewed", "next review due", "medically reviewed by", "last medically reviewed",
                        "reviewed by", "last updated", "updated on"]
        return prefixes.contains { lower.hasPrefix($0) } && text.count < 160
    }

    /// Used when a page has no urgent box of its own: general signs, in our own words, in
    /// both languages, which an editor must replace with the condition's (validate says so).
    static let generalWarningSigns: [(en: String, bn: String)] = [
        ("Trouble breathing, chest pain, or fainting.", "শ্বাস নিতে কষ্ট, বুকে ব্যথা বা অজ্ঞান হয়ে যাওয়া।"),
        ("Sudden weakness, confusion, or a severe headache.", "হঠাৎ দুর্বলতা, বিভ্রান্তি বা তীব্র মাথাব্যথা।"),
        ("Symptoms that get worse quickly, or any sign that feels like an emergency.",
         "লক্ষণ দ্রুত খারাপ হলে, বা যেকোনো লক্ষণ যা জরুরি মনে হয়।"),
    ]
}

/// The doctor-visit helper as it is read, before it becomes a `DoctorVisit`.
struct DoctorVisitDraft {
    var whichDoctor: [String] = []
    var tellDoctor: [String] = []
    var questions: [String] = []
    var tests: [String] = []
    var mistakes: [String] = []
}

/// The medicine-safety guide as it is read.
struct MedicineSafetyDraft {
    var intro: [String] = []
    var firstSteps: [String] = []
    var medicines: [String] = []
    var mistakes: [String] = []
    var urgentHelp: [String] = []
    var note: [String] = []
}
