// What a document definition hands to the pipeline: blocks on pages (or items on a
// sheet), the PDF's description, and the placement rules the result must satisfy.
import ArticleModel
import Diagnostics
import LayoutEngine

/// The documents Handout can make, each with its own file in layouts/.
public enum DocumentKind: String, Sendable, CaseIterable {
    case handout, checklist
    case diaryWeek = "diary-week", diaryMonth = "diary-month"
    case summary, roadmap, card
    case treatmentPlanner = "treatment-planner", healthRecord = "health-record", caregiver
    case prevention, recovery, nutrition

    public var layoutFile: String { "\(rawValue).yaml" }

    public var definition: any DocumentDefinition.Type {
        switch self {
        case .handout: return Handout.self
        case .checklist: return Checklist.self
        case .diaryWeek: return WeeklyDiary.self
        case .diaryMonth: return MonthlyDiary.self
        case .summary: return Summary.self
        case .roadmap: return RoadmapSheet.self
        case .card: return WarningCard.self
        case .treatmentPlanner: return TreatmentPlanner.self
        case .healthRecord: return HealthRecord.self
        case .caregiver: return CaregiverSheet.self
        case .prevention: return PreventionGuide.self
        case .recovery: return RecoveryGuide.self
        case .nutrition: return NutritionGuide.self
        }
    }

    /// Why `article` cannot make this document (it says nothing on its subject); nil when it can.
    public func missing(in article: Article) -> Diagnostic? { definition.missing(in: article) }

    /// The documents `article` can make, in the usual order.
    public static func made(from article: Article) -> [DocumentKind] { allCases.filter { $0.missing(in: article) == nil } }
}

/// Everything a document needs to plan itself.
public struct DocumentContext {
    public var article: Article
    public var mode: LanguageMode
    public var paper: Paper
    public var layout: DocumentLayout
    public var labels: Labels
    /// The page to lay out on (portrait): the paper, or half of it for a booklet.
    public var pageSize: Size
    /// The clinic printing it, named with its numbers on every page; nil prints none.
    public var clinic: Clinic?
    /// The patient it is printed for, filled into its form fields; nil leaves them blank.
    public var patient: Patient?

    public init(article: Article, mode: LanguageMode, paper: Paper, layout: DocumentLayout, labels: Labels,
                pageSize: Size? = nil, clinic: Clinic? = nil, patient: Patient? = nil) {
        self.clinic = clinic
        self.patient = patient
        self.article = article
        self.mode = mode
        self.paper = paper
        self.layout = layout
        self.labels = labels
        self.pageSize = pageSize ?? paper.size
    }
}

/// One kind of document: which layout sections it knows, and how it turns an article into a plan.
public protocol DocumentDefinition {
    /// Section names its layout file may list (empty: the document has a fixed order).
    static var sections: [String] { get }
    /// Sections a layout may not drop (medical safety text).
    static var requiredSections: [String] { get }
    /// The article's parts whose length decides whether the document fits its pages:
    /// what an error asks the editor to shorten.
    static var fittedParts: [String] { get }
    /// Why the article cannot make this document; nil when it can (most documents can).
    static func missing(in article: Article) -> Diagnostic?
    static func plan(_ context: DocumentContext) -> DocumentPlan
}

extension DocumentDefinition {
    public static var sections: [String] { [] }
    public static var requiredSections: [String] { [] }
    public static var fittedParts: [String] { ["warning_signs"] }
    public static func missing(in article: Article) -> Diagnostic? { nil }
}

public struct DocumentPlan {
    public enum Pagination {
        /// Blocks flowing down pages of a template.
        case pages([Block], PageTemplate)
        /// Copies of fixed-size items on a sheet: one page per side.
        case sheet(sides: [[Block]], SheetTemplate)
    }

    public var pagination: Pagination
    public var title: String
    public var subject: String
    public var rules: [PlacementRule]
    public var diagnostics: [Diagnostic]

    public init(pagination: Pagination, title: String, subject: String, rules: [PlacementRule] = [],
                diagnostics: [Diagnostic]) {
        self.pagination = pagination
        self.title = title
        self.subject = subject
        self.rules = rules
        self.diagnostics = diagnostics
    }
}

/// A promise about where a block lands, checked on the laid-out pages.
public enum PlacementRule: Sendable {
    /// The anchored block appears once, whole, on page 1.
    case wholeOnFirstPage(anchor: String, what: String, source: String)

    /// An error if the pages break the rule.
    public func check(_ result: LayoutResult) -> Diagnostic? {
        switch self {
        case let .wholeOnFirstPage(anchor, what, source):
            let pages = result.pages.indices.filter { result.pages[$0].anchors.contains { $0.id == anchor } }
            let pieces = result.pages.flatMap(\.anchors).filter { $0.id == anchor }.count
            if pages == [0] && pieces == 1 { return nil }
            return .error("\(what) must appear whole on page 1, but the layout put \(pieces == 0 ? "none" : "\(pieces) piece(s)") on page(s) \(pages.map { String($0 + 1) }.joined(separator: ", "))",
                          subject: source, hint: "shorten that list or the title, or reduce the layout's type sizes")
        }
    }
}
