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
        for byte in text.composed.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
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
    let bytes = Array(markup.utf8)
    // Most text has no emphasis at all: one run, without the scan.
    if !bytes.contains(where: { $0 == star || $0 == underscore || $0 == openBracket }) {
        return markup.isEmpty ? [] : [InlineRun(markup, bold: false, italic: false)]
    }
    // The markers are ASCII, so the scan goes byte by byte: a UTF-8 byte of any other
    // character is never one of them (walking Characters cost a grapheme break each).
    var runs: [InlineRun] = []
    var bold = false
    var italic: UInt8?   // the marker that opened the italic run
    var current: [UInt8] = []
    var index = 0

    func flush() {
        if !current.isEmpty { runs.append(InlineRun(String(decoding: current, as: UTF8.self), bold: bold, italic: italic != nil)) }
        current.removeAll()
    }
    func boldAt(_ at: Int) -> Bool { at + 1 < bytes.count && bytes[at] == star && bytes[at + 1] == star }

    while index < bytes.count {
        let byte = bytes[index]
        if byte == openBracket, let link = linkAhead(bytes, at: index) {
            flush()
            runs.append(InlineRun(link.text, bold: bold, italic: italic != nil, link: link.url))
            index = link.end
        } else if boldAt(index) {
            if bold || (index + 2..<bytes.count).contains(where: boldAt) { flush(); bold.toggle() } else { current += [star, star] }
            index += 2
        } else if let marker = italic, byte == marker {
            flush(); italic = nil; index += 1
        } else if italic == nil, byte == star || byte == underscore, closesLater(byte, in: bytes, after: index) {
            flush(); italic = byte; index += 1
        } else {
            current.append(byte); index += 1
        }
    }
    flush()
    return runs
}

private let star = UInt8(ascii: "*"), underscore = UInt8(ascii: "_"), openBracket = UInt8(ascii: "[")

/// `[text](https://…)` starting at `start`: its words, its address and the index after it.
private func linkAhead(_ bytes: [UInt8], at start: Int) -> (text: String, url: String, end: Int)? {
    guard let close = bytes[start...].firstIndex(of: UInt8(ascii: "]")),
          bytes[close...].starts(with: "](http".utf8) else { return nil }
    let address = close + 2
    guard let end = bytes[address...].firstIndex(of: UInt8(ascii: ")")) else { return nil }
    let url = bytes[address..<end], words = bytes[(start + 1)..<close]
    guard !words.isEmpty, !url.contains(UInt8(ascii: " ")), !words.contains(openBracket) else { return nil }
    return (String(decoding: words, as: UTF8.self), String(decoding: url, as: UTF8.self), end + 1)
}

/// An italic marker only opens if the same marker closes it later, outside a `**` pair.
private func closesLater(_ marker: UInt8, in bytes: [UInt8], after start: Int) -> Bool {
    var index = start + 1
    while index < bytes.count {
        if bytes[index] == star, index + 1 < bytes.count, bytes[index + 1] == star { index += 2; continue }
        if bytes[index] == marker { return true }
        index += 1
    }
    return false
}

extension String {
    /// The text without emphasis markers: what a reader sees.
    public var plainText: String { inlineRuns(self).map(\.text).joined() }
}
