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

    /// Running paragraphs (not list items or headings), for paragraph-length checks.
    public var paragraphs: [LocalizedText] {
        var texts = summary + definition + conclusion + [disclaimer]
        texts += warningSigns.intro.map { [$0] } ?? []
        texts += (SectionKind.allCases.compactMap { sections[$0] } + otherSections).flatMap(\.intro)
        texts += roadmap?.steps.map(\.text) ?? []
        texts += [doctorVisit?.whichDoctor, medicineSafety?.intro, medicineSafety?.note].compactMap { $0 }
        return texts + faq.map(\.answer)
    }

    /// Every list of the article, nested lists each on their own, for list-length checks.
    public var lists: [[LocalizedText]] {
        func nested(_ items: [ListItem]) -> [[LocalizedText]] {
            [items.map(\.text)] + items.flatMap { $0.children.isEmpty ? [] : nested($0.children) }
        }
        var lists = [keyTakeaways, warningSigns.items, diaryPrompts.map(\.label), faq.map(\.question)]
        lists += (SectionKind.allCases.compactMap { sections[$0] } + otherSections).flatMap { nested($0.items) }
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
        for kind in SectionKind.allCases { texts += sections[kind]?.allTexts ?? [] }
        texts += otherSections.flatMap(\.allTexts)
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
    public var lastReviewed: CalendarDate
    /// Where last_reviewed is written, for messages about it.
    public var lastReviewedLocation: SourceLocation?
    public var nextReview: CalendarDate
    public var reviewer: LocalizedText?
    public var version: String

    public init(slug: String, canonicalURL: String, lastReviewed: CalendarDate, lastReviewedLocation: SourceLocation?, nextReview: CalendarDate, reviewer: LocalizedText?, version: String) {
        self.slug = slug
        self.canonicalURL = canonicalURL
        self.lastReviewed = lastReviewed
        self.lastReviewedLocation = lastReviewedLocation
        self.nextReview = nextReview
        self.reviewer = reviewer
        self.version = version
    }

    /// The site's address as printed in footers ("rxharun.com").
    public var siteAddress: String {
        var host = canonicalURL
        if let scheme = host.firstRange(of: "://") { host = String(host[scheme.upperBound...]) }
        host = String(host.prefix { $0 != "/" })
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }
}

/// The kinds of listed section an article page has, in the site's usual order.
public enum SectionKind: String, Sendable, CaseIterable, Hashable {
    case types
    case causes
    case symptoms
    case diagnosticTests = "diagnostic_tests"
    case treatments
    case drugs
    case surgery
}

/// A titled section: some paragraphs, then a list that may nest.
public struct Section: Sendable {
    /// The article's own heading; nil means the document's usual label for the kind.
    public var title: LocalizedText?
    public var intro: [LocalizedText]
    public var items: [ListItem]
    public var numbered: Bool

    public init(title: LocalizedText?, intro: [LocalizedText], items: [ListItem], numbered: Bool) {
        self.title = title
        self.intro = intro
        self.items = items
        self.numbered = numbered
    }

    var allTexts: [LocalizedText] {
        (title.map { [$0] } ?? []) + intro + items.flatMap(\.allTexts)
    }
}

public struct ListItem: Sendable {
    public var text: LocalizedText
    public var children: [ListItem]

    public init(text: LocalizedText, children: [ListItem] = []) {
        self.text = text
        self.children = children
    }

    var allTexts: [LocalizedText] { [text] + children.flatMap(\.allTexts) }
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

    public var brief: [LocalizedText] { short.isEmpty ? items : short }
}

public struct Roadmap: Sendable {
    public struct Step: Sendable {
        public var title: LocalizedText
        public var text: LocalizedText
    }

    public var steps: [Step]
    public var tips: [LocalizedText]

    var allTexts: [LocalizedText] { steps.flatMap { [$0.title, $0.text] } + tips }
}

public struct DoctorVisit: Sendable {
    public var whichDoctor: LocalizedText?
    public var tellDoctor: [LocalizedText]
    public var questions: [LocalizedText]
    public var tests: [LocalizedText]
    public var mistakes: [LocalizedText]

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
}

/// A check an article silences, and why.
public struct Silence: Sendable {
    public var rule: String
    public var reason: String
}

public struct Question: Sendable {
    public var question: LocalizedText
    public var answer: LocalizedText
}
