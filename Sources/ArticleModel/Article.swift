// The article: every part of a disease page, each text in English and Bangla.
import Diagnostics

public struct Article: Sendable {
    public var metadata: Metadata
    public var title: LocalizedText
    public var summary: [LocalizedText]
    public var keyTakeaways: [LocalizedText]
    public var definition: [LocalizedText]
    /// The listed sections (types, causes, symptoms, …), by kind; absent kinds are left out.
    public var sections: [SectionKind: Section]
    /// Sections of the page that fit no kind above (kept, never dropped, by an import).
    public var otherSections: [Section]
    public var conclusion: [LocalizedText]
    public var disclaimer: LocalizedText
    public var references: [Reference]
    public var warningSigns: WarningSigns
    public var roadmap: Roadmap?
    public var doctorVisit: DoctorVisit?
    public var medicineSafety: MedicineSafety?
    public var diaryPrompts: [DiaryPrompt]
    public var faq: [Question]
    /// Checks the editors have chosen to silence for this article, each with a reason.
    public var silenced: [Silence]
    /// Parts an import filled from the site's generated blocks, still to be checked by an editor.
    public var toReview: [ReviewNote] = []

    public init(metadata: Metadata,
                title: LocalizedText,
                summary: [LocalizedText],
                keyTakeaways: [LocalizedText],
                definition: [LocalizedText],
                sections: [SectionKind: Section],
                otherSections: [Section],
                conclusion: [LocalizedText],
                disclaimer: LocalizedText,
                references: [Reference],
                warningSigns: WarningSigns,
                roadmap: Roadmap?,
                doctorVisit: DoctorVisit?,
                medicineSafety: MedicineSafety?,
                diaryPrompts: [DiaryPrompt],
                faq: [Question],
                silenced: [Silence]) {
        self.metadata = metadata
        self.title = title
        self.summary = summary
        self.keyTakeaways = keyTakeaways
        self.definition = definition
        self.sections = sections
        self.otherSections = otherSections
        self.conclusion = conclusion
        self.disclaimer = disclaimer
        self.references = references
        self.warningSigns = warningSigns
        self.roadmap = roadmap
        self.doctorVisit = doctorVisit
        self.medicineSafety = medicineSafety
        self.diaryPrompts = diaryPrompts
        self.faq = faq
        self.silenced = silenced
    }

    /// The warnings whose rule the article has not silenced.
    public func unsilenced(_ warnings: [Diagnostic]) -> [Diagnostic] {
        let rules = Set(silenced.map(\.rule))
        return warnings.filter { $0.rule.map { !rules.contains($0) } ?? true }
    }

    /// Where the part named by `path` ("doctor_visit", "warning_signs.short") is written:
    /// its first text's place, for messages about the part as a whole.
    public func location(of path: String) -> SourceLocation? {
        allTexts.first { $0.path == path || $0.path.hasPrefix(path + ".") || $0.path.hasPrefix(path + "[") }?.location
    }

    /// The listed sections in the site's order, then the others.
    public var allSections: [Section] {
        SectionKind.allCases.compactMap { sections[$0] } + otherSections
    }

    /// Running paragraphs (not list items or headings), for paragraph-length checks.
    public var paragraphs: [LocalizedText] {
        var texts = summary + definition + conclusion + [disclaimer]
        texts += warningSigns.intro.map { [$0] } ?? []
        texts += allSections.flatMap { $0.blocks.flatMap(\.paragraphs) }
        texts += roadmap?.steps.map(\.text) ?? []
        texts += [doctorVisit?.whichDoctor, medicineSafety?.intro, medicineSafety?.note].compactMap { $0 }
        return texts + faq.map(\.answer)
    }

    /// Every list of the article, nested lists each on their own, for list-length checks.
    public var lists: [[LocalizedText]] {
        var lists = [keyTakeaways, warningSigns.items, diaryPrompts.map(\.label), faq.map(\.question)]
        lists += allSections.flatMap { $0.blocks.flatMap(\.lists) }
        lists += [roadmap?.steps.map(\.title), roadmap?.tips].compactMap { $0 }
        lists += [doctorVisit?.tellDoctor, doctorVisit?.questions, doctorVisit?.tests, doctorVisit?.mistakes].compactMap { $0 }
        lists += [medicineSafety?.firstSteps, medicineSafety?.medicines, medicineSafety?.mistakes, medicineSafety?.urgentHelp]
            .compactMap { $0 }
        return lists
    }

    /// Every text of the article, in reading order, for checks that need them all.
    public var allTexts: [LocalizedText] {
        var texts = [title] + summary + keyTakeaways + definition
        texts += warningSigns.intro.map { [$0] } ?? []
        texts += warningSigns.items + warningSigns.short
        texts += allSections.flatMap(\.allTexts)
        texts += conclusion + [disclaimer]
        texts += roadmap?.allTexts ?? []
        texts += doctorVisit?.allTexts ?? []
        texts += medicineSafety?.allTexts ?? []
        texts += diaryPrompts.map(\.label)
        texts += faq.flatMap { [$0.question, $0.answer] }
        texts += metadata.reviewer.map { [$0] } ?? []
        return texts
    }
}

public struct Metadata: Sendable {
    public var slug: String
    public var canonicalURL: String
    /// When a clinician last checked it; nil when an imported page stated no date (validate asks for one).
    public var lastReviewed: CalendarDate?
    /// Where last_reviewed is written (or the slug, when it is missing), for messages about it.
    public var lastReviewedLocation: SourceLocation?
    public var nextReview: CalendarDate?
    public var reviewer: LocalizedText?
    public var version: String

    public init(slug: String, canonicalURL: String, lastReviewed: CalendarDate?, lastReviewedLocation: SourceLocation?, nextReview: CalendarDate?, reviewer: LocalizedText?, version: String) {
        self.slug = slug
        self.canonicalURL = canonicalURL
        self.lastReviewed = lastReviewed
        self.lastReviewedLocation = lastReviewedLocation
        self.nextReview = nextReview
        self.reviewer = reviewer
        self.version = version
    }

    /// A slug is lowercase ASCII letters and digits, in words joined by hyphens: it names files.
    public static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("-") && text.allSatisfy { slugWordCharacters.contains($0) || $0 == "-" }
    }

    /// `text` made into a slug ("Bell's palsy" → "bell-s-palsy"); nil when nothing is left.
    public static func slug(from text: String) -> String? {
        let words = String(text.lowercased().map { slugWordCharacters.contains($0) ? $0 : " " }).split(separator: " ")
        return words.isEmpty ? nil : words.joined(separator: "-")
    }

    private static let slugWordCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789")

    /// The date the article's documents state as theirs: the review date, or a fixed day
    /// when the article has none, so the same input still gives the same bytes.
    public var documentDate: CalendarDate { lastReviewed ?? CalendarDate(year: 2000, month: 1, day: 1)! }

    /// The site's address as printed in footers ("rxharun.com").
    public var siteAddress: String {
        var host = canonicalURL
        if let scheme = host.firstRange(of: "://") { host = String(host[scheme.upperBound...]) }
        host = String(host.prefix { $0 != "/" })
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }
}

/// The kinds of section an article page has, in the site's usual order. An import maps
/// the headings pages really use to them ("Treating acne", "চিকিৎসা").
public enum SectionKind: String, Sendable, CaseIterable, Hashable {
    case types
    case causes
    case symptoms
    case diagnosticTests = "diagnostic_tests"
    case treatments
    case drugs
    case surgery
    case complications
    case prevention
    case livingWith = "living_with"
    case recovery
    case diet
    case outlook
    case whenToGetHelp = "when_to_get_help"
}

/// A titled section: its blocks in the page's order.
public struct Section: Sendable {
    /// The article's own heading; nil means the document's usual label for the kind.
    public var title: LocalizedText?
    public var blocks: [ContentBlock]
    /// Where the section is written, for messages about it as a whole.
    public var location: SourceLocation?
    public var path: String
    /// For a section of the article's own (other_sections): the part it follows on the
    /// page, so documents print it there ("causes"); nil prints it where the layout says.
    public var after: String?

    public init(title: LocalizedText?, blocks: [ContentBlock], location: SourceLocation? = nil, path: String = "",
                after: String? = nil) {
        self.title = title
        self.blocks = blocks
        self.location = location
        self.path = path
        self.after = after
    }

    /// The first article format's section: paragraphs, then one list.
    public init(title: LocalizedText?, intro: [LocalizedText], items: [ListItem], numbered: Bool,
                location: SourceLocation? = nil, path: String = "") {
        self.init(title: title,
                  blocks: intro.map(ContentBlock.paragraph) + (items.isEmpty ? [] : [.list(ListBlock(numbered: numbered, items: items))]),
                  location: location, path: path)
    }

    var allTexts: [LocalizedText] {
        (title.map { [$0] } ?? []) + blocks.flatMap(\.allTexts)
    }
}

/// A part of the article an import filled from one of the site's generated blocks
/// (which can be wrong for the condition): validate warns until an editor removes it.
public struct ReviewNote: Sendable, Hashable {
    /// The article's field ("doctor_visit", "warning_signs").
    public var part: String
    /// What it came from, in words ("the page's 'Doctor visit helper' block, line 212").
    public var source: String
    public var location: SourceLocation?

    public init(part: String, source: String, location: SourceLocation? = nil) {
        self.part = part
        self.source = source
        self.location = location
    }
}

public struct Reference: Sendable, Hashable {
    public var url: String
    public var location: SourceLocation?

    public init(url: String, location: SourceLocation?) {
        self.url = url
        self.location = location
    }
}

public struct WarningSigns: Sendable {
    public var intro: LocalizedText?
    public var items: [LocalizedText]
    /// One brief form per item, for small spaces (the wallet card); may be empty.
    public var short: [LocalizedText]

    public init(intro: LocalizedText?, items: [LocalizedText], short: [LocalizedText]) {
        self.intro = intro
        self.items = items
        self.short = short
    }

    /// The forms for small spaces: the short ones when the article has them.
    public var brief: [LocalizedText] { short.isEmpty ? items : short }
    /// The field `brief` comes from, for messages.
    public var briefField: String { short.isEmpty ? "warning_signs.items" : "warning_signs.short" }
}

public struct Roadmap: Sendable {
    public struct Step: Sendable {
        public var title: LocalizedText
        public var text: LocalizedText

        public init(title: LocalizedText, text: LocalizedText) {
            self.title = title
            self.text = text
        }
    }

    public var steps: [Step]
    public var tips: [LocalizedText]

    public init(steps: [Step], tips: [LocalizedText]) {
        self.steps = steps
        self.tips = tips
    }

    var allTexts: [LocalizedText] { steps.flatMap { [$0.title, $0.text] } + tips }
}

public struct DoctorVisit: Sendable {
    public var whichDoctor: LocalizedText?
    public var tellDoctor: [LocalizedText]
    public var questions: [LocalizedText]
    public var tests: [LocalizedText]
    public var mistakes: [LocalizedText]

    public init(whichDoctor: LocalizedText?, tellDoctor: [LocalizedText], questions: [LocalizedText],
                tests: [LocalizedText], mistakes: [LocalizedText]) {
        self.whichDoctor = whichDoctor
        self.tellDoctor = tellDoctor
        self.questions = questions
        self.tests = tests
        self.mistakes = mistakes
    }

    var allTexts: [LocalizedText] {
        (whichDoctor.map { [$0] } ?? []) + tellDoctor + questions + tests + mistakes
    }
}

public struct MedicineSafety: Sendable {
    public var intro: LocalizedText?
    public var firstSteps: [LocalizedText]
    public var medicines: [LocalizedText]
    public var mistakes: [LocalizedText]
    public var urgentHelp: [LocalizedText]
    public var note: LocalizedText?

    public init(intro: LocalizedText?, firstSteps: [LocalizedText], medicines: [LocalizedText], mistakes: [LocalizedText],
                urgentHelp: [LocalizedText], note: LocalizedText?) {
        self.intro = intro
        self.firstSteps = firstSteps
        self.medicines = medicines
        self.mistakes = mistakes
        self.urgentHelp = urgentHelp
        self.note = note
    }

    var allTexts: [LocalizedText] {
        (intro.map { [$0] } ?? []) + firstSteps + medicines + mistakes + urgentHelp + (note.map { [$0] } ?? [])
    }
}

/// One thing a family records each day in the symptom diary.
public struct DiaryPrompt: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case count, score, yesNo = "yes-no", note
    }

    public var label: LocalizedText
    public var kind: Kind

    public init(label: LocalizedText, kind: Kind) {
        self.label = label
        self.kind = kind
    }
}

/// A check an article silences, and why.
public struct Silence: Sendable {
    public var rule: String
    public var reason: String
}

public struct Question: Sendable {
    public var question: LocalizedText
    public var answer: LocalizedText

    public init(question: LocalizedText, answer: LocalizedText) {
        self.question = question
        self.answer = answer
    }
}
