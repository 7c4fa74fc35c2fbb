// A test-side writer of web pages: an article's English text as the website publishes it
// (WordPress-style HTML), and as a WordPress REST API post (JSON). The import tests feed
// these to `handout import` and compare what comes back with the article they started from.
import Foundation
import HandoutKit

enum ArticleHTML {
    /// The site's two heading styles: a real heading, or a paragraph of bold text ending in ":".
    enum HeadingStyle: Sendable {
        case h2
        case boldParagraph
    }

    /// How each listed section's heading begins on the site ("Causes of Hemifacial Spasm:").
    static let sitePhrases: [SectionKind: String] = [
        .types: "Types of", .causes: "Causes of", .symptoms: "Symptoms of",
        .diagnosticTests: "Diagnostic Tests for", .treatments: "Treatment Options for",
        .drugs: "Drugs Used for", .surgery: "Surgery for", .prevention: "Prevention of", .recovery: "Recovery from",
        .diet: "Diet and",
    ]

    /// Sections alternate between the two styles, as on the site: types, symptoms, treatments
    /// and surgery get an <h2>; causes, tests and drugs a bold paragraph.
    static func style(for kind: SectionKind) -> HeadingStyle {
        (SectionKind.allCases.firstIndex(of: kind)! % 2 == 0) ? .h2 : .boldParagraph
    }

    /// The section's heading as the page shows it, without the trailing colon: the article's
    /// own title when it already reads the site's way, else the site's phrase and the title.
    static func heading(for kind: SectionKind, in article: Article) -> String {
        let phrase = sitePhrases[kind]!
        if let own = article.sections[kind]?.title?.en, own.lowercased().hasPrefix(phrase.lowercased() + " ") {
            return own
        }
        return "\(phrase) \(article.title.en)"
    }

    /// The whole page: a document with a <title>, the canonical link when `canonical` is set,
    /// and the article's body.
    static func page(_ article: Article, canonical: Bool = true, referencesHeading: Bool = true) -> String {
        var head = "<meta charset=\"utf-8\">\n<title>\(escape(article.title.en)) - RxHarun</title>\n"
        if canonical {
            head += "<link rel=\"canonical\" href=\"\(escape(article.metadata.canonicalURL))\">\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        \(head)</head>
        <body>
        <div class="entry-content">
        <h1>\(inline(article.title.en))</h1>
        \(body(article, referencesHeading: referencesHeading))</div>
        </body>
        </html>

        """
    }

    /// The article's content as WordPress renders it (what `content.rendered` holds): no <h1>,
    /// that is the post's title.
    static func body(_ article: Article, referencesHeading: Bool = true) -> String {
        var html = ""
        for paragraph in article.definition { html += "<p>\(inline(paragraph.en))</p>\n" }
        for kind in SectionKind.allCases {
            guard let section = article.sections[kind] else { continue }
            html += headingHTML(heading(for: kind, in: article) + ":", style: style(for: kind))
            for paragraph in section.intro { html += "<p>\(inline(paragraph.en))</p>\n" }
            html += list(section.items, ordered: section.numbered)
        }
        for section in article.otherSections {
            html += headingHTML(section.title?.en ?? "More information", style: .h2)
            for paragraph in section.intro { html += "<p>\(inline(paragraph.en))</p>\n" }
            html += list(section.items, ordered: section.numbered)
        }
        if !article.conclusion.isEmpty {
            html += headingHTML("Conclusion:", style: .boldParagraph)
            for paragraph in article.conclusion { html += "<p>\(inline(paragraph.en))</p>\n" }
        }
        if !article.disclaimer.en.isEmpty {
            html += "<p><strong>Disclaimer:</strong> \(inline(article.disclaimer.en))</p>\n"
        }
        if !article.references.isEmpty {
            if referencesHeading { html += headingHTML("References", style: .h2) }
            html += "<ol>\n"
            for reference in article.references {
                html += "<li><a href=\"\(escape(reference.url))\" target=\"_blank\" rel=\"noopener\">\(escape(reference.url))</a></li>\n"
            }
            html += "</ol>\n"
        }
        return html
    }

    static func headingHTML(_ text: String, style: HeadingStyle) -> String {
        switch style {
        case .h2: return "<h2>\(inline(text))</h2>\n"
        case .boldParagraph: return "<p><strong>\(inline(text))</strong></p>\n"
        }
    }

    /// A list, with each item's children as a nested bulleted list inside its <li>.
    static func list(_ items: [ListItem], ordered: Bool, depth: Int = 0) -> String {
        guard !items.isEmpty else { return "" }
        let tag = ordered ? "ol" : "ul"
        let indent = String(repeating: "  ", count: depth)
        var html = "\(indent)<\(tag)>\n"
        for item in items {
            html += "\(indent)<li>\(inline(item.text.en))"
            if !item.children.isEmpty {
                html += "\n" + list(item.children, ordered: false, depth: depth + 1) + indent
            }
            html += "</li>\n"
        }
        return html + "\(indent)</\(tag)>\n"
    }

    /// Article markup as HTML: `**x**` → <strong>, `*x*` → <em>, the rest escaped.
    static func inline(_ markup: String) -> String {
        inlineRuns(markup).map { run in
            var html = escape(run.text)
            if run.italic { html = "<em>\(html)</em>" }
            if run.bold { html = "<strong>\(html)</strong>" }
            return html
        }.joined()
    }

    /// Text for HTML: `&`, `<`, `>` (and `"`, for attributes) escaped.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The article as a WordPress REST API post (`/wp-json/wp/v2/posts/ID`). `title` is the
    /// rendered title as WordPress sends it (it may hold entities such as `&#8211;`).
    static func wordPressPost(_ article: Article, title: String? = nil, link: String? = nil,
                              modified: String = "2026-11-20T10:00:00", referencesHeading: Bool = true) -> Data {
        var post: [String: Any] = [
            "id": 4321,
            "title": ["rendered": title ?? escape(article.title.en)],
            "content": ["rendered": body(article, referencesHeading: referencesHeading), "protected": false],
            "modified": modified,
            "status": "publish",
        ]
        post["link"] = link ?? article.metadata.canonicalURL
        return try! JSONSerialization.data(withJSONObject: post, options: [.sortedKeys])
    }
}
