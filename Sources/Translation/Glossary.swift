// The agreed translations of medical terms (terms.yaml beside the articles), so every
// article says "neurologist" the same way in Bangla: validate warns where a Bangla text
// uses none of the agreed words (or one to avoid), and each PO unit names the terms in it.
import ArticleModel
import Diagnostics
import Foundation

public struct Glossary: Sendable {
    public struct Term: Sendable {
        public var en: String
        /// Agreed translations: a Bangla text should use one of them.
        public var bn: [String]
        /// Variants not to use.
        public var avoid: [String]
    }

    public var terms: [Term]

    public static let fileName = "terms.yaml"

    /// The glossary beside the articles in `folder`, if there is one.
    public static func beside(_ folder: URL) throws(DiagnosticError) -> Glossary? {
        let path = folder.appendingPathComponent(fileName).path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try load(path: path)
    }

    public static func load(path: String) throws(DiagnosticError) -> Glossary {
        let reader = try YAMLReader(contentsOf: path)
        let terms = reader.root?.items()?.compactMap { value -> Term? in
            guard let f = value.fields(known: ["en", "bn", "avoid"], required: ["en", "bn"]), let en = f["en"]?.text() else { return nil }
            let agreed = f["bn"].flatMap { $0.isList ? $0.items()?.compactMap { $0.text() } : $0.text().map { [$0] } } ?? []
            if agreed.isEmpty { f["bn"]?.error("a term needs at least one agreed Bangla translation", hint: "write it under bn") }
            return Term(en: en, bn: agreed, avoid: f["avoid"]?.items()?.compactMap { $0.text() } ?? [])
        }
        if reader.root != nil, terms == nil {
            reader.root?.error("the glossary is a list of terms", hint: "write '- en: neurologist' and 'bn: [...]' for each")
        }
        try reader.throwIfErrors()
        return Glossary(terms: terms ?? [])
    }

    /// The terms an English text uses, as whole words, any case.
    public func terms(in english: String) -> [Term] {
        let text = " " + english.plainText.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " } + " "
        return terms.filter { term in
            let words = " " + term.en.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " } + " "
            return text.contains(String(words))
        }
    }

    /// Warnings where a Bangla translation does not use a term's agreed translation, or
    /// uses a variant to avoid.
    public func warnings(_ article: Article) -> [Diagnostic] {
        article.allTexts.flatMap { text -> [Diagnostic] in
            guard let bangla = text.bn?.composed else { return [] }
            return terms(in: text.en).compactMap { term in
                let agreed = term.bn.map(\.composed)
                if let avoided = term.avoid.first(where: { bangla.contains($0.composed) }) {
                    return .warning("'\(term.en)' is translated as '\(avoided)', which the glossary says to avoid",
                                    at: text.location, subject: text.path,
                                    hint: "use \(agreed.map { "'\($0)'" }.joined(separator: " or "))").rule("glossary")
                }
                guard !agreed.contains(where: bangla.contains) else { return nil }
                return .warning("'\(term.en)' is in the English but the Bangla uses none of its agreed translations",
                                at: text.location, subject: text.path,
                                hint: "use \(agreed.map { "'\($0)'" }.joined(separator: " or ")) (\(Glossary.fileName))").rule("glossary")
            }
        }
    }

    /// The translator's note for a text: the terms it uses and their agreed translations.
    func note(for english: String) -> [String] {
        terms(in: english).map { term in
            "Glossary: \(term.en) = \(term.bn.joined(separator: " / "))" + (term.avoid.isEmpty ? "" : " (not \(term.avoid.joined(separator: ", ")))")
        }
    }
}
