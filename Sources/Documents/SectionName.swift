// The parts a handout layout lists (layouts/handout.yaml, `sections:`), as one enumeration:
// the compiler sees that every part is built, and the names are written once.
import ArticleModel

public enum SectionName: Hashable, Sendable {
    /// One of the article's listed sections (types, causes, …).
    case listed(SectionKind)
    case summary, keyTakeaways, warningDetails, definition, otherSections, medicineSafety, doctorVisit, roadmap
    case diaryPrompts, faq, conclusion, disclaimer, references, readOnline, about

    /// Every part, in the order of the article page.
    public static let allCases: [SectionName] = [.summary, .keyTakeaways, .warningDetails, .definition]
        + SectionKind.allCases.map(SectionName.listed)
        + [.otherSections, .medicineSafety, .doctorVisit, .roadmap, .diaryPrompts, .faq, .conclusion, .disclaimer, .references,
           .readOnline, .about]

    /// The name a layout file writes.
    public var rawValue: String {
        switch self {
        case .listed(let kind): return kind.rawValue
        case .summary: return "summary"
        case .keyTakeaways: return "key_takeaways"
        case .warningDetails: return "warning_details"
        case .definition: return "definition"
        case .otherSections: return "other_sections"
        case .medicineSafety: return "medicine_safety"
        case .doctorVisit: return "doctor_visit"
        case .roadmap: return "roadmap"
        case .diaryPrompts: return "diary_prompts"
        case .faq: return "faq"
        case .conclusion: return "conclusion"
        case .disclaimer: return "disclaimer"
        case .references: return "references"
        case .readOnline: return "read_online"
        case .about: return "about"
        }
    }

    public init?(rawValue: String) {
        guard let name = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = name
    }
}

/// Where a document's urgent warning signs box lands, for the rule that it is whole on page 1.
enum Anchor {
    static let warningSigns = "warning-signs"
}
