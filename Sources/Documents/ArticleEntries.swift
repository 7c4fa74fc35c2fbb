// What forms list from an article: the treatment options it names and the tests it
// describes, each as a name and the first sentence the article says of it. Articles write
// these as list items with a bold lead ("**Carbamazepine:** calms overactive nerve
// signals. …"); imported pages often as plain items ("painkillers").
import ArticleModel
import Foundation

/// An option or test the article names.
public struct NamedEntry: Sendable {
    public var name: LocalizedText
    /// The first sentence the article says of it; nil when the item is only a name.
    public var description: LocalizedText?
}

public enum ArticleEntries {
    /// The treatment options the treatments, drugs and surgery sections name, in the
    /// article's order, each once: the drugs section's "Botulinum toxin (Botox)" is the
    /// treatments section's "Botulinum toxin (Botox) injections".
    public static func treatmentOptions(_ article: Article) -> [NamedEntry] {
        distinct([.treatments, .drugs, .surgery].flatMap { entries(article.sections[$0]) }).filter { !isCondition($0.name.en) }
    }

    /// "If a tumour is found: …" says when something else is done; it is not an option to weigh.
    static func isCondition(_ name: String) -> Bool {
        let lead = name.lowercased()
        return ["if ", "when ", "in case "].contains { lead.hasPrefix($0) }
    }

    /// The tests the diagnostic tests section names.
    public static func tests(_ article: Article) -> [NamedEntry] {
        distinct(entries(article.sections[.diagnosticTests]))
    }

    /// Leads of items that describe one option ("How it works:", "Risks:"), not options themselves.
    static let aspects = ["how it works", "how it is done", "what happens", "benefit", "risk", "side effect", "before you decide",
                          "who it is for", "results", "success", "recovery", "cost", "follow-up", "follow up"]

    /// The entries of a section's lists, and of its sub-headings: a page like the NHS's names
    /// each option in a heading ("Botox injection") with paragraphs about it under it. A
    /// heading on an aspect ("Follow-up treatment", "Risks") names no option.
    static func entries(_ section: Section?) -> [NamedEntry] {
        let blocks = section?.blocks ?? []
        return blocks.indices.flatMap { index -> [NamedEntry] in
            switch blocks[index] {
            case .list(let list): return entries(list.items)
            case .heading(let name) where !isAspect(name.en):
                let about = blocks.dropFirst(index + 1).first.flatMap { if case .paragraph(let text) = $0 { text } else { nil } }
                return [NamedEntry(name: name, description: about.map(firstSentence))]
            default: return []
            }
        }
    }

    static func isAspect(_ name: String) -> Bool {
        let lead = name.lowercased()
        return aspects.contains { lead.hasPrefix($0) }
    }

    /// Each item names an entry, except a bare bold heading over a list ("**Main
    /// treatments**"), whose items do; a bold heading over items describing it ("How it
    /// works", "Risks") is one entry, described by its first such item.
    static func entries(_ items: [ListItem]) -> [NamedEntry] {
        items.flatMap { item -> [NamedEntry] in
            let (name, rest) = lead(item.text)
            let children = item.children
            guard rest == nil, !children.isEmpty else { return [NamedEntry(name: name, description: rest.map(firstSentence))] }
            let described = children.filter { isAspect(Self.lead($0.text).name.en) }
            guard described.count * 2 >= children.count, let first = described.first, let about = lead(first.text).rest else {
                return entries(children)
            }
            return [NamedEntry(name: name, description: firstSentence(about))]
        }
    }

    /// "**Name:** what it is" as the name and what follows; an item without a bold lead is all name.
    static func lead(_ text: LocalizedText) -> (name: LocalizedText, rest: LocalizedText?) {
        guard split(text.en) != nil else { return (text, nil) }
        let name = text.map { split($0)?.name ?? $0 }
        let rest = text.map { split($0)?.rest ?? "" }
        return (name, rest.en.isEmpty ? nil : rest)
    }

    /// A markup string's bold lead and what follows it, without the colon between them.
    static func split(_ markup: String) -> (name: String, rest: String)? {
        // The bold lead, or a bold lead that is a link ("[**endoscopy**](https://…) – …", as the NHS writes).
        let opening = markup.hasPrefix("[**") ? "[**" : "**"
        let closing = opening == "[**" ? "**](" : "**"
        guard markup.hasPrefix(opening), let close = markup.range(of: closing, range: markup.index(markup.startIndex, offsetBy: opening.count)..<markup.endIndex)
        else { return nil }
        var after = close.upperBound
        if opening == "[**" {
            guard let end = markup[after...].firstIndex(of: ")") else { return nil }
            after = markup.index(after: end)
        }
        // What separates the name from what is said of it: a colon, or a dash.
        let separators: Set<Character> = [":", "ঃ", "–", "—", "-", " "]
        let name = String(markup[markup.index(markup.startIndex, offsetBy: opening.count)..<close.lowerBound])
        let rest = markup[after...].drop { separators.contains($0) }
        return (String(name.reversed().drop { separators.contains($0) }.reversed()), String(rest))
    }

    /// The text's first sentence, in each language (a Bangla sentence ends with a dari).
    static func firstSentence(_ text: LocalizedText) -> LocalizedText {
        text.map { string in
            let ends = ["। ", ". ", "? ", "! "].compactMap { string.range(of: $0)?.lowerBound }
            guard let end = ends.min() else { return string }
            return String(string[...end])
        }
    }

    /// Entries whose names are one another's beginnings (or whose bracketed other names
    /// are) are one option: the first is kept.
    static func distinct(_ entries: [NamedEntry]) -> [NamedEntry] {
        var kept: [(entry: NamedEntry, keys: [[String]])] = []
        for entry in entries {
            let keys = Self.keys(entry.name.en)
            let seen = kept.contains { other in
                other.keys.contains { a in keys.contains { b in a.starts(with: b) || b.starts(with: a) } }
            }
            if !seen { kept.append((entry, keys)) }
        }
        return kept.map(\.entry)
    }

    /// A name's words, and the words of each bracketed other name: "Botulinum toxin (Botox)
    /// injections" → [botulinum toxin injections], [botox].
    static func keys(_ name: String) -> [[String]] {
        func words(_ text: Substring) -> [String] {
            text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        }
        var main = ""
        var brackets: [Substring] = []
        var rest = Substring(name)
        while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
            main += rest[..<open]
            brackets.append(rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
        }
        main += rest
        return ([Substring(main)] + brackets).map(words).filter { !$0.isEmpty }
    }
}
