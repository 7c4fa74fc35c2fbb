// A piece of article text in English and (perhaps not yet) Bangla, with light inline emphasis.
import Diagnostics

/// Text in both languages. Bangla may be missing while a translation is pending.
public struct LocalizedText: Sendable, Hashable {
    public var en: String
    public var bn: String?
    /// Where it came from, for messages about it ("causes.items[2]").
    public var path: String
    public var location: SourceLocation?

    public init(en: String, bn: String?, path: String = "", location: SourceLocation? = nil) {
        self.en = en
        self.bn = bn
        self.path = path
        self.location = location
    }

    /// The text in `language`, or nil when that translation is missing.
    public subscript(language: Language) -> String? {
        language == .en ? en : bn
    }
}

/// A stretch of text with one emphasis.
public struct InlineRun: Sendable, Hashable {
    public var text: String
    public var bold: Bool
    public var italic: Bool

    public init(_ text: String, bold: Bool = false, italic: Bool = false) {
        self.text = text
        self.bold = bold
        self.italic = italic
    }
}

/// Splits `**bold**`, `*italic*` and `_italic_` markup into runs. A marker that is never
/// closed is kept as a literal character, so no text is ever lost.
public func inlineRuns(_ markup: String) -> [InlineRun] {
    // Most text has no emphasis at all: one run, without the character-by-character scan.
    if !markup.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") }) {
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
        if rest.hasPrefix("**") {
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
