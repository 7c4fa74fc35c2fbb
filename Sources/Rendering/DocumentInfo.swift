// What the PDF says about itself: title, author, dates. Fixed dates keep output reproducible.
import TextShaping

public struct DocumentInfo: Sendable, Hashable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: String
    public var creator: String
    /// ISO 8601 (`2025-04-14T00:00:00`), written as both creation and modification date.
    public var date: String
    /// The document's main language (BCP 47: "en", "bn"); Bangla passages are marked "bn".
    public var language: String
    /// A form to fill on screen: the layout's form fields become AcroForm fields.
    public var fillable: Bool

    public init(title: String, author: String, subject: String, keywords: String, creator: String, date: String,
                language: String = "en", fillable: Bool = false) {
        self.language = language
        self.fillable = fillable
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.date = date
    }

    /// The fields in the PDF's document information dictionary.
    var metadata: [(PDFMetadata, String)] {
        [(.title, title), (.author, author), (.subject, subject), (.keywords, keywords), (.creator, creator),
         (.createDate, date), (.modDate, date)]
    }
}
