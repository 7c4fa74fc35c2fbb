// The two languages an article is written in, and the combinations a document can be set in.

public enum Language: String, Sendable, CaseIterable, Hashable {
    case en, bn

    public var name: String { self == .en ? "English" : "Bangla" }
}

/// Which languages a document shows: one, or both side by side.
public enum LanguageMode: String, Sendable, CaseIterable, Hashable {
    case en
    case bn
    case bilingual = "en+bn"

    public var languages: [Language] {
        switch self {
        case .en: return [.en]
        case .bn: return [.bn]
        case .bilingual: return [.en, .bn]
        }
    }
}
