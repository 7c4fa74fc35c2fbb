// What a page says about itself rather than in its article: its title, address and the
// date it was last changed or reviewed, from its meta tags, JSON-LD and <time> elements.
import ArticleModel
import Foundation

struct PageFacts {
    var canonical: String?
    var headline: String?
    var openGraphTitle: String?
    var siteName: String?
    var documentTitle: String?
    /// The page's own date: last reviewed, else last modified; nil when it states none.
    var date: CalendarDate?
    /// Questions and answers from schema.org FAQPage data.
    var faq: [(question: String, answer: String)] = []

    init(_ root: HTMLNode) {
        var dates: [(rank: Int, date: CalendarDate)] = []
        func found(_ rank: Int, _ text: String?) {
            if let date = text.flatMap(PageFacts.date(from:)) { dates.append((rank, date)) }
        }
        for element in root.elements(where: { $0.name != nil }) {
            let a = element.attributes
            switch element.name {
            case "link" where a["rel"]?.lowercased() == "canonical": canonical = canonical ?? a["href"]
            case "meta":
                let key = (a["property"] ?? a["name"] ?? a["itemprop"] ?? "").lowercased()
                switch key {
                case "og:url": canonical = canonical ?? a["content"]
                case "og:title": openGraphTitle = a["content"].map(HTMLNode.collapse)
                case "og:site_name": siteName = a["content"]
                case "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified": found(3, a["content"])
                case "lastreviewed": found(1, a["content"])
                default: break
                }
            case "title": documentTitle = documentTitle ?? element.text
            case "time":
                let words = element.classWords.union([a["itemprop"]?.lowercased() ?? ""])
                if !words.isDisjoint(with: ["updated", "datemodified", "modified"]) { found(4, a["datetime"] ?? element.text) }
            case "script" where a["type"]?.lowercased() == "application/ld+json":
                readJSONLD(element.children.compactMap { if case .text(let t) = $0 { t } else { nil } }.joined(), found: found)
            case "p", "div", "span", "dd", "li":
                // "Page last reviewed: 14 August 2024" in the text of the page.
                let text = element.text
                if SiteVocabulary.isReviewLine(text), text.lowercased().contains("reviewed") {
                    found(2, text.components(separatedBy: ":").dropFirst().first)
                }
            default: break
            }
        }
        date = dates.min { $0.rank < $1.rank }?.date
    }

    private mutating func readJSONLD(_ json: String, found: (Int, String?) -> Void) {
        guard let value = try? JSONSerialization.jsonObject(with: Data(json.utf8)) else { return }
        var objects: [[String: Any]] = []
        func collect(_ value: Any) {
            if let list = value as? [Any] { list.forEach(collect) }
            if let object = value as? [String: Any] {
                objects.append(object)
                if let graph = object["@graph"] { collect(graph) }
                if let entity = object["mainEntity"] { collect(entity) }
            }
        }
        collect(value)
        for object in objects {
            headline = headline ?? (object["headline"] as? String).map(HTMLNode.collapse)
            found(1, object["lastReviewed"] as? String)
            found(2, object["dateModified"] as? String)
            let type = "\(object["@type"] ?? "")"
            if type.contains("Question"), let question = object["name"] as? String,
               let answer = (object["acceptedAnswer"] as? [String: Any])?["text"] as? String {
                faq.append((HTMLNode.collapse(question), PageSource.plainText(ofHTML: answer)))
            }
        }
    }

    /// What the page calls itself: its headline, og:title and title tag, and each part of
    /// those ("MyHealth - Dengue fever": "MyHealth", "Dengue fever").
    var names: [String] {
        let whole = [headline, openGraphTitle, documentTitle].compactMap { $0 }.filter { !$0.isEmpty }
        return whole + whole.flatMap(Self.parts).filter { !whole.contains($0) }
    }

    /// The article's title: the first main heading of the article that agrees with a name
    /// the page gives itself ("Allergies Health Center", a label of the site, does not; a
    /// logo outside the article is not looked at first); else the headline, og:title or
    /// title tag without the site's name ("Migraine | HealthHub" → "Migraine").
    func title(headings: [String]) -> String? {
        // The site's own name, when the page gives it, names no article.
        let names = self.names.filter { name in siteName.map { !PageFacts.agree(name, $0) || name.count > $0.count + 3 } ?? true }
        if let heading = headings.first(where: { heading in names.contains { PageFacts.agree(heading, $0) } }) { return heading }
        return [headline, openGraphTitle, documentTitle].compactMap { $0.map(withoutSiteName) }.first { !$0.isEmpty } ?? headings.first
    }

    static func parts(_ title: String) -> [String] {
        title.components(separatedBy: " | ").flatMap { $0.components(separatedBy: " – ") }
            .flatMap { $0.components(separatedBy: " - ") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func withoutSiteName(_ title: String) -> String {
        var parts = Self.parts(title)
        if parts.count > 1, let site = siteName ?? parts.last, let index = parts.lastIndex(where: { PageFacts.agree($0, site) }) {
            parts.remove(at: index)
        } else if parts.count > 1 {
            parts.removeLast()
        }
        return parts.joined(separator: " - ")
    }

    /// Two titles agree when most words of the shorter are in the longer.
    static func agree(_ a: String, _ b: String) -> Bool {
        let words = { (s: String) in Set(s.lowercased().split { !$0.isLetter && !$0.isNumber }) }
        let (x, y) = (words(a), words(b))
        guard let small = [x, y].min(by: { $0.count < $1.count }), !small.isEmpty else { return false }
        return Double(x.intersection(y).count) / Double(small.count) >= 0.6
    }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                         "november", "december"]

    /// "2024-02-08T11:28:35+00:00", "14 August 2024", "March 2, 2025".
    static func date(from text: String) -> CalendarDate? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let iso = CalendarDate(iso: String(trimmed.prefix(10))) { return iso }
        let words = trimmed.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard let monthIndex = words.firstIndex(where: { word in months.contains { $0.hasPrefix(word) && word.count >= 3 } }),
              let month = months.firstIndex(where: { $0.hasPrefix(words[monthIndex]) }) else { return nil }
        let numbers = words.compactMap { Int($0) }
        guard let year = numbers.first(where: { $0 > 1900 }), let day = numbers.first(where: { (1...31).contains($0) }) else { return nil }
        return CalendarDate(year: year, month: month + 1, day: day)
    }
}
