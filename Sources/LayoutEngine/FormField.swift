// A place on the page that can be filled in on screen as well as by hand: a write-in
// line, a table cell, a tick box. Layout places it with the lines and boxes it stands
// on; a renderer may make it a form field (an AcroForm field in a fillable PDF).

public struct FormField: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case text
        /// Digits only, at most this many (a 0–10 score, a count).
        case number(digits: Int)
        case checkBox
    }

    /// Unique in its document, saying what it holds: "tell_doctor.3", "day3.sleep".
    public var name: String
    public var kind: Kind
    /// What the field asks, as its label prints it ("Date / তারিখ"): a viewer's tooltip.
    public var tooltip: String
    /// The tooltip's language; nil when it is the document's (or several).
    public var language: String?

    public init(name: String, kind: Kind = .text, tooltip: String, language: String? = nil) {
        self.name = name
        self.kind = kind
        self.tooltip = tooltip
        self.language = language
    }
}
