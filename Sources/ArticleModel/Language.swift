// Languages are codes, not a fixed pair: English and Bangla are the languages this
// product prints today, and a third is a new constant and its labels, not a new type.

/// A language by its BCP 47 code ("en", "bn"), as PDF `/Lang` and Pango want it.
public struct Language: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let en = Language(rawValue: "en")
    public static let bn = Language(rawValue: "bn")
    /// The languages the product prints, source language first.
    public static let allCases: [Language] = [.en, .bn]

    public var name: String { Self.names[rawValue] ?? rawValue }
    public var description: String { rawValue }
    public static func < (a: Language, b: Language) -> Bool { a.rawValue < b.rawValue }

    private static let names = ["en": "English", "bn": "Bangla"]

    /// The language of text typed with no key to say which (a patient's name at print
    /// time): Bangla when any of its letters are Bangla, so it is shaped as Bangla.
    public static func of(typed text: String) -> Language {
        text.unicodeScalars.contains { (0x0980...0x09FF).contains($0.value) } ? .bn : .en
    }
}

/// Which languages a document shows: one, or both side by side.
public enum LanguageMode: String, Sendable, CaseIterable, Hashable {
    case en
    case bn
    case bilingual = "en+bn"

    /// As file names write it: "en-bn".
    public var fileName: String { String(rawValue.map { $0 == "+" ? "-" : $0 }) }

    public var languages: [Language] {
        switch self {
        case .en: return [.en]
        case .bn: return [.bn]
        case .bilingual: return [.en, .bn]
        }
    }
}
