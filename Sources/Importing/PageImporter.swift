// Turns an article page (a full web page, or a WordPress REST API post in JSON) into an
// Article: the page's chrome is left out, the article's blocks keep their order, the
// site's patient-tool blocks fill their parts (marked for review), the page's own
// title and date are used. Bangla is left empty, to be translated.
import ArticleModel
import Diagnostics
import Foundation

public struct ImportedPage {
    public var article: Article
    public var warnings: [Diagnostic]
}

public enum PageImporter {
    /// Imports the page in `data` (HTML, or WordPress JSON when it starts with `{`).
    /// `url` is the canonical address when the page does not state one.
    public static func importPage(_ data: Data, file: String, url: String? = nil) throws(DiagnosticError) -> ImportedPage {
        let source = try PageSource(data: data, file: file)
        let (root, parseWarnings) = HTMLTree.parse(source.html, file: file)
        guard let root else {
            throw DiagnosticError(.error("the page could not be read as HTML", at: SourceLocation(file: file, line: 1, column: 1)))
        }
        let facts = PageFacts(root)
        let body = root.elements { $0.name == "body" }.first ?? root
        guard let title = source.title ?? facts.title(headings: MainContent.mainHeadings(in: body)), !title.isEmpty else {
            throw DiagnosticError(.error("the page has no title", at: SourceLocation(file: file, line: 1, column: 1),
                                         hint: "import the WordPress JSON, which carries title.rendered"))
        }
        guard let link = source.link ?? facts.canonical ?? url else {
            throw DiagnosticError(.error("the page does not say its address", at: SourceLocation(file: file, line: 1, column: 1),
                                         hint: "pass it with --url https://…"))
        }
        let content = MainContent.of(body, title: title)
        var reader = BlockReader(file: file, base: URL(string: link))
        reader.read(content)
        var assembler = ArticleAssembler(file: file, title: title)
        assembler.take(reader.events)
        let article = assembler.article(url: link, reviewed: source.modified ?? facts.date, pageFAQ: facts.faq)
        var warnings = parseWarnings + reader.warnings + assembler.warnings
        if article.metadata.lastReviewed == nil {
            warnings.append(.warning("the page states no date; last_reviewed is left out", at: SourceLocation(file: file, line: 1, column: 1),
                                     hint: "add the day a clinician last checked it as last_reviewed: YYYY-MM-DD"))
        }
        return ImportedPage(article: article, warnings: warnings)
    }
}

/// What was given to import: a page's HTML, or a WordPress REST API post's parts.
struct PageSource {
    var html: Data
    var title: String?
    var link: String?
    var modified: CalendarDate?

    init(data: Data, file: String) throws(DiagnosticError) {
        html = data
        guard data.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) == UInt8(ascii: "{") else { return }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw DiagnosticError(.error("the JSON could not be read", at: SourceLocation(file: file, line: 1, column: 1),
                                         hint: "save the post from /wp-json/wp/v2/posts/ID as it comes"))
        }
        let rendered = { (key: String) in (object[key] as? [String: Any])?["rendered"] as? String }
        guard let content = rendered("content") else {
            throw DiagnosticError(.error("the JSON has no content.rendered", at: SourceLocation(file: file, line: 1, column: 1),
                                         hint: "use a WordPress REST API post"))
        }
        html = Data("<html><body>\(content)</body></html>".utf8)
        title = rendered("title").map { Self.plainText(ofHTML: $0) }
        link = object["link"] as? String
        modified = (object["modified"] as? String).flatMap { CalendarDate(iso: String($0.prefix(10))) }
    }

    /// Text of an HTML fragment (a WordPress title may hold entities and tags).
    static func plainText(ofHTML html: String) -> String {
        let (root, _) = HTMLTree.parse(Data("<html><body>\(html)</body></html>".utf8), file: "title")
        return root?.text ?? html
    }
}
