// What a document definition hands to the pipeline: blocks, the page template, the
// PDF's description, and the placement rules the laid-out pages must satisfy.
import ArticleModel
import Diagnostics
import LayoutEngine

/// The documents Handout can make, each with its own file in layouts/.
public enum DocumentKind: String, Sendable, CaseIterable {
    case handout

    public var layoutFile: String { "\(rawValue).yaml" }
}

public struct DocumentPlan {
    public var blocks: [Block]
    public var template: PageTemplate
    public var title: String
    public var subject: String
    public var rules: [PlacementRule]
    public var diagnostics: [Diagnostic]
}

/// A promise about where a block lands, checked on the laid-out pages.
public enum PlacementRule: Sendable {
    /// The anchored block appears once, whole, on page 1.
    case wholeOnFirstPage(anchor: String, what: String)

    /// An error if the pages break the rule.
    public func check(_ result: LayoutResult) -> Diagnostic? {
        switch self {
        case let .wholeOnFirstPage(anchor, what):
            let pages = result.pages.indices.filter { result.pages[$0].anchors.contains { $0.id == anchor } }
            let pieces = result.pages.flatMap(\.anchors).filter { $0.id == anchor }.count
            if pages == [0] && pieces == 1 { return nil }
            return .error("\(what) must appear whole on page 1, but the layout put \(pieces == 0 ? "none" : "\(pieces) piece(s)") on page(s) \(pages.map { String($0 + 1) }.joined(separator: ", "))",
                          hint: "shorten that list or the title, or reduce the layout's type sizes")
        }
    }
}
