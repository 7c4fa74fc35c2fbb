// Writes an Article back out as an article file (YAML), in the format's field order.
// Used by `handout import`; a missing Bangla form is written empty, to be translated.

public enum ArticleWriter {
    /// The article as YAML text, with `header` as leading comment lines.
    public static func yaml(_ article: Article, header: [String] = []) -> String {
        var out = Output()
        for line in header { out.line(0, "# \(line)") }
        let meta = article.metadata
        out.line(0, "slug: \(quoted(meta.slug))")
        out.line(0, "canonical_url: \(quoted(meta.canonicalURL))")
        out.line(0, "last_reviewed: \(meta.lastReviewed)")
        out.line(0, "next_review: \(meta.nextReview)")
        if let reviewer = meta.reviewer { out.text("reviewer", reviewer, 0) }
        out.line(0, "version: \(quoted(meta.version))")
        out.text("title", article.title, 0)
        out.texts("summary", article.summary, 0)
        out.texts("key_takeaways", article.keyTakeaways, 0)
        out.texts("definition", article.definition, 0)
        out.line(0, "warning_signs:")
        if let intro = article.warningSigns.intro { out.text("intro", intro, 1) }
        out.texts("items", article.warningSigns.items, 1, always: true)
        out.texts("short", article.warningSigns.short, 1)
        for kind in SectionKind.allCases {
            guard let section = article.sections[kind] else { continue }
            out.line(0, "\(kind.rawValue):")
            out.section(section, 1)
        }
        if !article.otherSections.isEmpty {
            out.line(0, "other_sections:")
            for section in article.otherSections {
                out.line(1, "-")
                out.section(section, 2)
            }
        }
        out.texts("conclusion", article.conclusion, 0)
        out.text("disclaimer", article.disclaimer, 0)
        if !article.references.isEmpty {
            out.line(0, "references:")
            for reference in article.references { out.line(1, "- \(quoted(reference.url))") }
        }
        return out.text
    }

    /// A YAML double-quoted scalar (JSON escapes are valid YAML).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private struct Output {
        var text = ""

        mutating func line(_ depth: Int, _ content: String) {
            text += String(repeating: "  ", count: depth) + content + "\n"
        }

        mutating func pair(_ localized: LocalizedText, _ depth: Int, item: Bool) {
            line(depth, "\(item ? "- " : "")en: \(quoted(localized.en))")
            line(depth + (item ? 1 : 0), "bn: \(quoted(localized.bn ?? ""))")
        }

        mutating func text(_ name: String, _ localized: LocalizedText, _ depth: Int) {
            line(depth, "\(name):")
            pair(localized, depth + 1, item: false)
        }

        mutating func texts(_ name: String, _ list: [LocalizedText], _ depth: Int, always: Bool = false) {
            guard always || !list.isEmpty else { return }
            line(depth, list.isEmpty ? "\(name): []" : "\(name):")
            for item in list { pair(item, depth + 1, item: true) }
        }

        mutating func items(_ items: [ListItem], _ depth: Int) {
            for item in items {
                pair(item.text, depth, item: true)
                if !item.children.isEmpty {
                    line(depth + 1, "items:")
                    self.items(item.children, depth + 2)
                }
            }
        }

        mutating func section(_ section: Section, _ depth: Int) {
            if let title = section.title { text("title", title, depth) }
            texts("intro", section.intro, depth)
            if !section.numbered { line(depth, "numbered: false") }
            if !section.items.isEmpty {
                line(depth, "items:")
                items(section.items, depth + 1)
            }
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
