// The article file's shape in one place: the loader takes its field names from here, and
// `handout schema` writes it out as a JSON Schema, so YAML editors can complete fields
// and the schema can never drift from what the loader accepts.
import Foundation

public enum ArticleFormat {
    public indirect enum Kind: Sendable {
        case string
        /// Text that may be left empty (a pending translation).
        case optionalString
        case url
        case date
        case boolean
        case choice([String])
        /// One text, or a list of texts (paragraphs).
        case paragraphs
        case list(Kind)
        case shape(Shape)
        /// A shape by name, for one that contains itself (list items with sub-items).
        case named(String)
    }

    public struct Field: Sendable {
        public var name: String
        public var kind: Kind
        public var required: Bool
        public var about: String

        init(_ name: String, _ kind: Kind, required: Bool = false, _ about: String) {
            self.name = name
            self.kind = kind
            self.required = required
            self.about = about
        }
    }

    /// A mapping with known fields; `name` is its key in the schema's definitions.
    public struct Shape: Sendable {
        public let name: String
        public let fields: [Field]
        /// Exactly one of the fields is given (a content block says what it is by its key).
        public let oneField: Bool

        init(_ name: String, _ fields: [Field], oneField: Bool = false) {
            self.name = name
            self.fields = fields
            self.oneField = oneField
        }

        public var names: [String] { fields.map(\.name) }
        public var requiredNames: [String] { fields.filter(\.required).map(\.name) }
    }

    /// Written by `handout translate import`: the fingerprint of the English the Bangla was
    /// made from. When the English changes, the Bangla needs review and is not printed.
    static let sourceField = Field("bn_from", .string, "The fingerprint of the English the Bangla was translated from (written by translate import).")

    static let text = Shape("text", [
        Field("en", .string, required: true, "The English text. **bold** and *italic* are allowed."),
        Field("bn", .optionalString, "The Bangla text; leave it out while a translation is pending."),
        sourceField,
    ])
    static let listItem = Shape("listItem", [
        Field("en", .string, required: true, "The English text."),
        Field("bn", .optionalString, "The Bangla text."),
        sourceField,
        Field("items", .list(.named("listItem")), "Sub-items, one level deeper, bulleted."),
        Field("blocks", .list(.named("block")), "What else the item holds, in order: paragraphs, a nested list."),
    ])
    static let list = Shape("list", [
        Field("numbered", .boolean, "Number the items (default) or use bullets."),
        Field("items", .list(.shape(listItem)), required: true, "The items."),
    ])
    static let callout = Shape("callout", [
        Field("kind", .choice(Callout.Kind.allCases.map(\.rawValue)), required: true,
              "urgent, see-a-doctor, information, do or don't."),
        Field("title", .shape(text), "The box's heading."),
        Field("blocks", .list(.named("block")), required: true, "What the box holds."),
    ])
    static let table = Shape("table", [
        Field("header", .list(.shape(text)), required: true, "The header row: one text per column."),
        Field("rows", .list(.list(.shape(text))), required: true, "The rows: one text per column each."),
    ])
    static let figure = Shape("figure", [
        Field("image", .string, "A PNG file beside the article; leave it out when the picture is not at hand."),
        Field("alt", .shape(text), required: true, "What the picture shows, for readers who cannot see it."),
        Field("caption", .shape(text), "The caption printed under it."),
    ])
    /// One block of a section, named by its key.
    static let block = Shape("block", [
        Field("paragraph", .shape(text), "A paragraph."),
        Field("list", .shape(list), "A list."),
        Field("heading", .shape(text), "A sub-heading inside the section."),
        Field("callout", .shape(callout), "A box: urgent care, see a doctor, information, do or don't."),
        Field("table", .shape(table), "A table."),
        Field("figure", .shape(figure), "A picture with its description and caption."),
    ], oneField: true)
    static let sectionFields = [
        Field("intro", .paragraphs, "Paragraphs before the list (first format; use blocks for anything else)."),
        Field("items", .list(.shape(listItem)), "The list (first format)."),
        Field("numbered", .boolean, "Number the list (default) or use bullets (first format)."),
        Field("blocks", .list(.shape(block)), "The section's content in order: paragraphs, lists, sub-headings, callouts, tables, figures."),
    ]
    static let section = Shape("section", [
        Field("title", .shape(text), "The article's own heading; the document's usual one if absent."),
    ] + sectionFields)
    static let otherSection = Shape("otherSection", [
        Field("title", .shape(text), required: true, "The section's heading."),
        Field("after", .choice(followable), "The part it follows on the page; printed after it (default: where the layout lists other_sections)."),
    ] + sectionFields)
    /// Parts an article's own section may follow.
    static let followable = ["summary", "key_takeaways", "definition"] + SectionKind.allCases.map(\.rawValue)
    static let reviewNote = Shape("reviewNote", [
        Field("part", .string, required: true, "The part of the article an import filled (doctor_visit, roadmap…)."),
        Field("source", .string, required: true, "What it was filled from."),
    ])
    static let warningSigns = Shape("warningSigns", [
        Field("intro", .shape(text), "What to do when a sign appears."),
        Field("items", .list(.shape(text)), required: true, "The urgent warning signs."),
        Field("short", .list(.shape(text)), "One brief form per item, in order, for the page-1 box and the wallet card."),
    ])
    static let step = Shape("step", [
        Field("title", .shape(text), required: true, "The step in a few words."),
        Field("text", .shape(text), required: true, "What to do."),
    ])
    static let roadmap = Shape("roadmap", [
        Field("steps", .list(.shape(step)), required: true, "The care steps, in order."),
        Field("tips", .list(.shape(text)), "Practical tips."),
    ])
    static let doctorVisit = Shape("doctorVisit", [
        Field("which_doctor", .shape(text), "Which doctor or service may help."),
        Field("tell_doctor", .list(.shape(text)), "What to tell the doctor."),
        Field("questions", .list(.shape(text)), "Questions to ask, besides the three basic ones."),
        Field("tests", .list(.shape(text)), "Tests to discuss."),
        Field("mistakes", .list(.shape(text)), "Mistakes to avoid."),
    ])
    static let medicineSafety = Shape("medicineSafety", [
        Field("intro", .shape(text), "What this part is for."),
        Field("first_steps", .list(.shape(text)), "Safe first steps."),
        Field("medicines", .list(.shape(text)), "Using medicines safely."),
        Field("mistakes", .list(.shape(text)), "Mistakes to avoid."),
        Field("urgent_help", .list(.shape(text)), "When to get urgent help."),
        Field("note", .shape(text), "A closing note."),
    ])
    static let diaryPrompt = Shape("diaryPrompt", [
        Field("en", .string, required: true, "What to record, in English."),
        Field("bn", .optionalString, "What to record, in Bangla."),
        sourceField,
        Field("kind", .choice(DiaryPrompt.Kind.allCases.map(\.rawValue)), "How to record it (default: score)."),
    ])
    static let question = Shape("question", [
        Field("question", .shape(text), required: true, "The question."),
        Field("answer", .shape(text), required: true, "The answer."),
    ])
    static let silence = Shape("silence", [
        Field("rule", .choice(ArticleChecks.rules), required: true, "The check to silence for this article."),
        Field("reason", .string, required: true, "Why this article may break it."),
    ])

    /// The whole file.
    public static let article = Shape("article", [
        Field("slug", .string, required: true, "Lowercase letters, digits and hyphens: the file names' stem."),
        Field("canonical_url", .url, required: true, "The article's address on the website."),
        Field("last_reviewed", .date, "When a clinician last checked it (YYYY-MM-DD); validate asks for it when it is missing."),
        Field("next_review", .date, "When it is due again (default: a year later)."),
        Field("reviewer", .shape(text), "Who reviewed it."),
        Field("version", .string, required: true, "The article's version."),
        Field("title", .shape(text), required: true, "The disease's name."),
        Field("summary", .paragraphs, "A short summary."),
        Field("key_takeaways", .list(.shape(text)), "The key points."),
        Field("definition", .paragraphs, "What it is."),
        Field("warning_signs", .shape(warningSigns), required: true, "Signs that need urgent care."),
    ] + SectionKind.allCases.map { Field($0.rawValue, .shape(section), "A listed section.") } + [
        Field("other_sections", .list(.shape(otherSection)), "Further sections of the page, each with its own title."),
        Field("conclusion", .paragraphs, "Closing paragraphs."),
        Field("disclaimer", .shape(text), required: true, "Education only, not a substitute for a doctor."),
        Field("references", .list(.url), "Sources, as web addresses."),
        Field("roadmap", .shape(roadmap), "The care roadmap."),
        Field("doctor_visit", .shape(doctorVisit), "The doctor-visit helper."),
        Field("medicine_safety", .shape(medicineSafety), "Medicine safety and first aid."),
        Field("diary_prompts", .list(.shape(diaryPrompt)), "What to record in the symptom diary."),
        Field("faq", .list(.shape(question)), "Questions people ask."),
        Field("silence", .list(.shape(silence)), "Checks of `handout validate` this article silences, with reasons."),
        Field("to_review", .list(.shape(reviewNote)),
              "Parts an import filled from the site's generated blocks; remove an entry once an editor has checked that part."),
    ])

    /// Every shape, for the schema's definitions.
    static let shapes = [text, listItem, list, callout, table, figure, block, section, otherSection, warningSigns, step, roadmap,
                         doctorVisit, medicineSafety, diaryPrompt, question, silence, reviewNote]

    /// The format as a JSON Schema (draft-07), ready for JSONSerialization.
    public static func jsonSchema() -> [String: Any] {
        var schema = object(article)
        schema["$schema"] = "http://json-schema.org/draft-07/schema#"
        schema["title"] = "Handout article"
        schema["definitions"] = Dictionary(uniqueKeysWithValues: shapes.map { ($0.name, object($0)) })
        return schema
    }

    /// The schema as the text of articles/schema.json: stable key order, two-space indents.
    public static var jsonSchemaText: String {
        let data = try! JSONSerialization.data(withJSONObject: jsonSchema(),
                                               options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static func object(_ shape: Shape) -> [String: Any] {
        var properties: [String: Any] = [:]
        for field in shape.fields {
            var property = schema(for: field.kind)
            property["description"] = field.about
            properties[field.name] = property
        }
        var object: [String: Any] = ["type": "object", "properties": properties, "additionalProperties": false]
        if !shape.requiredNames.isEmpty { object["required"] = shape.requiredNames }
        if shape.oneField { object["minProperties"] = 1; object["maxProperties"] = 1 }
        return object
    }

    static func schema(for kind: Kind) -> [String: Any] {
        switch kind {
        case .string: return ["type": "string"]
        case .optionalString: return ["type": ["string", "null"]]
        case .url: return ["type": "string", "pattern": "^https?://"]
        case .date: return ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]
        case .boolean: return ["type": "boolean"]
        case .choice(let values): return ["enum": values]
        case .paragraphs:
            let text = ["$ref": "#/definitions/text"]
            return ["oneOf": [text, ["type": "array", "items": text]]]
        case .list(let item): return ["type": "array", "items": schema(for: item)]
        case .shape(let shape): return ["$ref": "#/definitions/\(shape.name)"]
        case .named(let name): return ["$ref": "#/definitions/\(name)"]
        }
    }
}
