// A piece of article text in English and (perhaps not yet) Bangla, with light inline emphasis.
import Diagnostics
import Foundation

/// A text in the languages it has been written in, by language code. English is the
/// source every article is written in; any other language may be missing while its
/// translation is pending, or out of date: each translation may remember (as a short
/// fingerprint) the English it was made from, and once that English changes the
/// translation is no longer given out as current.
public struct LocalizedText: Sendable, Hashable {
    /// Every text as written, out-of-date translations included.
    public var texts: [Language: String]
    /// For a translation, the fingerprint of the English it was made from; none for a
    /// translation written before fingerprints were kept (taken as current).
    public var sources: [Language: String] = [:]
    /// Where it came from, for messages about it ("causes.blocks[2]").
    public var path: String
    public var location: SourceLocation?

    public init(_ texts: [Language: String], path: String = "", location: SourceLocation? = nil) {
        self.texts = texts
        self.path = path
        self.location = location
    }

    public init(en: String, bn: String?, path: String = "", location: SourceLocation? = nil) {
        self.init(bn.map { [.en: en, .bn: $0] } ?? [.en: en], path: path, location: location)
    }

    /// The text in `language`, or nil when that translation is missing or out of date.
    public subscript(language: Language) -> String? {
        get { isStale(language) ? nil : texts[language] }
        set { texts[language] = newValue }
    }

    /// A translation made from English that has changed since: it needs review.
    public func isStale(_ language: Language) -> Bool {
        guard language != .en, texts[language] != nil, let source = sources[language] else { return false }
        return source != Self.fingerprint(en)
    }

    /// Sets the translation in `language`, made from the English as it is now.
    public mutating func translate(_ text: String, into language: Language) {
        texts[language] = text
        sources[language] = Self.fingerprint(en)
    }

    /// The text with every language's string changed by `change` (a part of it, say),
    /// keeping a translation that was out of date out of date.
    public func map(_ change: (String) -> String) -> LocalizedText {
        var result = self
        result.texts = texts.mapValues(change)
        for (language, source) in sources {
            // A fingerprint is eight hex digits: "stale" can never match the new English.
            result.sources[language] = isStale(language) ? "stale" : Self.fingerprint(result.en)
        }
        return result
    }

    /// A short fingerprint of a text (FNV-1a, 32 bits, as 8 hex digits): enough to notice
    /// that the English under a translation has changed.
    public static func fingerprint(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.precomposedStringWithCanonicalMapping.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return String(hash, radix: 16).leftPadded(to: 8)
    }

    /// The English source text.
    public var en: String {
        get { texts[.en] ?? "" }
        set { texts[.en] = newValue }
    }

    /// The Bangla translation, nil while it is pending or out of date.
    public var bn: String? {
        get { self[.bn] }
        set { texts[.bn] = newValue }
    }
}

/// A stretch of text with one emphasis.
public struct InlineRun: Sendable, Hashable {
    public var text: String
    public var bold: Bool
    public var italic: Bool
    /// The web address the text links to.
    public var link: String?

    public init(_ text: String, bold: Bool = false, italic: Bool = false, link: String? = nil) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.link = link
    }
}

/// Splits `**bold**`, `*italic*`, `_italic_` and `[link text](https://…)` markup into
/// runs. A marker that is never closed is kept as a literal character, so no text is
/// ever lost.
public func inlineRuns(_ markup: String) -> [InlineRun] {
    // Most text has no emphasis at all: one run, without the character-by-character scan.
    if !markup.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "[") }) {
        return markup.isEmpty ? [] : [InlineRun(markup, bold: false, italic: false)]
    }
    var runs: [InlineRun] = []
    var bold = false
    var italic: Character?   // the marker that opened the italic run
    var current = ""
    var rest = Substring(markup)

    func flush() {
        if !current.isEmpty { runs.append(InlineRun(current, bold: bold, italic: italic != nil)) }
        current = ""
    }

    while let character = rest.first {
        if character == "[", let link = linkAhead(rest) {
            flush()
            runs.append(InlineRun(link.text, bold: bold, italic: italic != nil, link: link.url))
            rest = rest[link.end...]
        } else if rest.hasPrefix("**") {
            if bold || rest.dropFirst(2).contains("**") { flush(); bold.toggle() } else { current += "**" }
            rest = rest.dropFirst(2)
        } else if let marker = italic, character == marker {
            flush(); italic = nil; rest = rest.dropFirst()
        } else if italic == nil, character == "*" || character == "_", closesLater(character, in: rest.dropFirst()) {
            flush(); italic = character; rest = rest.dropFirst()
        } else {
            current.append(character); rest = rest.dropFirst()
        }
    }
    flush()
    return runs
}

/// `[text](https://…)` at the start of `text`: its words, its address and where it ends.
private func linkAhead(_ text: Substring) -> (text: String, url: String, end: Substring.Index)? {
    guard let close = text.firstIndex(of: "]"), text[close...].hasPrefix("](http") else { return nil }
    let address = text[text.index(close, offsetBy: 2)...]
    guard let end = address.firstIndex(of: ")") else { return nil }
    let url = address[..<end]
    let words = text[text.index(after: text.startIndex)..<close]
    guard !words.isEmpty, !url.contains(" "), !words.contains("[") else { return nil }
    return (String(words), String(url), address.index(after: end))
}

/// An italic marker only opens if the same marker closes it later, outside a `**` pair.
private func closesLater(_ marker: Character, in text: Substring) -> Bool {
    var rest = text
    while let character = rest.first {
        if rest.hasPrefix("**") { rest = rest.dropFirst(2); continue }
        if character == marker { return true }
        rest = rest.dropFirst()
    }
    return false
}

extension String {
    /// The text without emphasis markers: what a reader sees.
    public var plainText: String { inlineRuns(self).map(\.text).joined() }
}
