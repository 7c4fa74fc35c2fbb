// Turns an article page from the website (its HTML, or a WordPress REST API post in JSON)
// into an Article: headings become sections, the site's usual headings map to the model's
// sections, lists keep their nesting, anything else is kept as a general section, links
// in the references become URLs. Bangla is left empty, to be translated.
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
    public static func importPage(_ data: Data, file: String, url: String? = nil, today: CalendarDate)
        throws(DiagnosticError) -> ImportedPage {
        var page = try WordPressPost(data: data, file: file) ?? WordPressPost(html: data)
        if page.link == nil { page.link = url }
        let (root, parseWarnings) = HTMLTree.parse(page.html, file: file)
        guard let root else {
            throw DiagnosticError(.error("the page could not be read as HTML", at: SourceLocation(file: file, line: 1, column: 1)))
        }
        var reader = PageReader(file: file)
        reader.read(root)
        let title = page.title ?? reader.title
        guard let title, !title.isEmpty else {
            throw DiagnosticError(.error("the page has no title", at: SourceLocation(file: file, line: 1, column: 1),
                                         hint: "import the WordPress JSON, which carries title.rendered"))
        }
        guard let link = page.link ?? reader.canonical else {
            throw DiagnosticError(.error("the page does not say its address", at: SourceLocation(file: file, line: 1, column: 1),
                                         hint: "pass it with --url https://…"))
        }
        let article = reader.article(title: title, url: link, reviewed: page.modified ?? today)
        return ImportedPage(article: article, warnings: parseWarnings + reader.warnings)
    }
}

/// The parts of a WordPress REST API post Handout uses.
struct WordPressPost {
    var title: String?
    var html: Data
    var link: String?
    var modified: CalendarDate?

    init(html: Data) {
        self.html = html
    }

    /// nil when `data` is not JSON (an HTML page).
    init?(data: Data, file: String) throws(DiagnosticError) {
        guard data.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) == UInt8(ascii: "{") else { return nil }
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
        title = rendered("title").map { PageReader.plainText(of: $0) }
        link = object["link"] as? String
        modified = (object["modified"] as? String).flatMap { CalendarDate(iso: String($0.prefix(10))) }
    }
}
