// Checklist and diaries to fill in on a phone (issue 17, part 2): `--fillable` makes each
// write-in line, diary cell and tick box a PDF form field named by what it holds, with its
// label as tooltip and a Form element in the structure tree; an empty form prints exactly
// like the paper one. Checked with qpdf, poppler (pixels) and PDFium (scripts/pdf_form.py:
// lists, fills as a person types and ticks, renders).
import Diagnostics
import Foundation
import HandoutKit
import LayoutEngine
import TestSupport
import Testing

@Suite struct FillableFormTests {
    static let cases = RenderOptions.fillableDocuments.flatMap { document in
        LanguageMode.allCases.map { RenderOptions(document: document, mode: $0, fillable: true) }
    }

    struct Field: Decodable {
        var page: Int
        var name: String
        var type: Int
        var tooltip: String
        var value: String
    }

    static let checkBox = 2, textField = 6

    /// The rendered PDF in a file, and the form fields its layout placed.
    static func render(_ options: RenderOptions) throws -> (file: URL, rendered: Rendered, placed: [FormField]) {
        let rendered = try Sample.withPublisher { try $0.render(Sample.article, options: options) }
        let file = Sample.temporaryDirectory.appendingPathComponent("form-\(UUID().uuidString).pdf")
        try rendered.pdf.write(to: file)
        let placed = rendered.sheets.flatMap(\.items).compactMap { item -> FormField? in
            if case let .field(_, form) = item { form } else { nil }
        }
        return (file, rendered, placed)
    }

    static func fields(_ file: URL, fill values: [String: Any]? = nil, images: URL? = nil) throws -> [Field] {
        let script = Sample.root.appendingPathComponent("scripts/pdf_form.py").path
        var arguments = [script, file.path]
        if let values, let images {
            let json = images.appendingPathExtension("json")
            try JSONSerialization.data(withJSONObject: values).write(to: json)
            arguments += [images.path, json.path]
        }
        let run = try Sample.run("python3", arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return try JSONDecoder().decode([Field].self, from: Data(run.stdout.utf8))
    }

    @Test(arguments: cases)
    func everyPlaceToWriteIsANamedFieldWithItsLabel(options: RenderOptions) throws {
        let (file, _, placed) = try Self.render(options)
        try PDFChecks.qpdfFindsNoProblems(file)
        let fields = try Self.fields(file)
        #expect(fields.count == placed.count && fields.count > 20, "PDFium sees \(fields.count) of \(placed.count)")
        #expect(Set(fields.map(\.name)).count == fields.count, "every name once")
        #expect(fields.allSatisfy { !$0.tooltip.isEmpty && ($0.value.isEmpty || $0.value == "Off") }, "labelled and empty")
        let names = Set(fields.map(\.name))
        switch options.document {
        case .checklist:
            for name in ["patient_name", "age", "date", "doctor", "tell_doctor.1", "tell_doctor_note.1", "questions.1",
                         "questions_answer.1", "tests.1"] {
                #expect(names.contains(name), "\(name) in \(names.sorted().prefix(12))")
            }
            #expect(fields.first { $0.name == "tell_doctor.3" }?.type == Self.checkBox)
            #expect(fields.first { $0.name == "questions_answer.2" }?.type == Self.textField)
        case .diaryWeek:
            for name in ["patient_name", "week_starting", "day1.date", "day7.time_of_day", "medicines.2.dose", "notes.3",
                         "next_visit.1"] {
                #expect(names.contains(name), "\(name) in \(names.sorted().prefix(12))")
            }
        default:
            #expect(names.contains("day31." + (names.first { $0.hasPrefix("day1.") }?.dropFirst(5) ?? "")))
        }
        // A Bangla form's tooltips are Bangla.
        if options.mode == .bn {
            let tooltip = try #require(fields.first { $0.name == "patient_name" }?.tooltip)
            #expect(tooltip == "রোগীর নাম")
        }
    }

    /// Each field is a Form element of the structure tree, its widget pointing back at it.
    @Test func fieldsAreFormElementsOfTheStructureTree() throws {
        let (file, _, placed) = try Self.render(RenderOptions(document: .diaryMonth, mode: .bn, fillable: true))
        let qdf = Sample.temporaryDirectory.appendingPathComponent("form-\(UUID().uuidString).qdf.pdf")
        #expect(try Sample.run("qpdf", ["--qdf", "--object-streams=disable", file.path, qdf.path]).status == 0)
        let text = String(decoding: try Data(contentsOf: qdf), as: UTF8.self)
        #expect(text.components(separatedBy: "/S /Form").count - 1 == placed.count)
        #expect(text.components(separatedBy: "/StructParent ").count - 1 >= placed.count)
        #expect(text.components(separatedBy: "/MaxLen 2").count - 1 > 0, "score cells take two digits")
    }

    /// A screen reader meets each field where its label is: a tick box's in its list label,
    /// an answer line's in the item's body, a diary cell's in its table cell.
    @Test(arguments: [DocumentKind.checklist, .diaryWeek])
    func eachFormElementIsBesideItsLabel(document: DocumentKind) throws {
        let (file, _, placed) = try Self.render(RenderOptions(document: document, mode: .en, fillable: true))
        let pdf = try QPDFJSON(file)
        let tree = try #require(pdf.structureTree())
        let parents = tree.flatMap { element -> [String] in
            let kids = (pdf.resolve(element["/K"]) as? [Any]) ?? [element["/K"] as Any]
            let forms = kids.compactMap { pdf.resolve($0) as? [String: Any] }.filter { $0["/S"] as? String == "/Form" }
            return forms.map { _ in element["/S"] as? String ?? "" }
        }
        let tags = Set(parents)
        if document == .checklist {
            #expect(tags.isSuperset(of: ["/Lbl", "/LBody"]), "\(tags)")
        } else {
            #expect(parents.filter { $0 == "/TD" }.count > 50, "\(tags)")
        }
        // The rest follow their labels at the top level; in all, one Form element per field.
        let forms = tree.filter { $0["/S"] as? String == "/Form" }.count
        #expect(forms == placed.count)
        let first = try #require(tree.firstIndex { $0["/S"] as? String == "/Form" })
        #expect(first < tree.count / 2, "fields are not all at the end of the tree")
    }

    /// Empty, the form prints exactly like the paper one (poppler, every page, pixel for pixel).
    @Test(arguments: RenderOptions.fillableDocuments)
    func anEmptyFormPrintsLikeThePaperOne(document: DocumentKind) throws {
        let form = try Self.render(RenderOptions(document: document, mode: .bilingual, fillable: true)).file
        let paper = try Self.render(RenderOptions(document: document, mode: .bilingual)).file
        let folder = Sample.temporaryDirectory.appendingPathComponent("pixels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, file) in [("form", form), ("paper", paper)] {
            #expect(try Sample.run("pdftoppm", ["-r", "60", "-gray", file.path, folder.appendingPathComponent(name).path]).status == 0)
        }
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("paper") }.sorted()
        #expect(!pages.isEmpty)
        for page in pages {
            let paperPixels = try Data(contentsOf: folder.appendingPathComponent(page))
            let formPixels = try Data(contentsOf: folder.appendingPathComponent(page.replacingOccurrences(of: "paper", with: "form")))
            #expect(paperPixels == formPixels, "\(page) differs")
        }
    }

    /// Filled in PDFium as a person would: English, digits and Bangla are kept; English and
    /// digits are drawn (PDFium draws Bangla typed into a field with no font for it: see docs).
    @Test func pdfiumFillsTheFormAndDrawsWhatWasTyped() throws {
        let (file, _, _) = try Self.render(RenderOptions(document: .diaryWeek, mode: .en, fillable: true))
        let empty = Sample.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString)")
        let filled = Sample.temporaryDirectory.appendingPathComponent("filled-\(UUID().uuidString)")
        _ = try Self.fields(file, fill: [:], images: empty)
        let values: [String: Any] = ["patient_name": "Rahima Begum", "day3.date": "12 Dec", "medicines.1.dose": "200 mg",
                                     "notes.1": "রাতে বেশি হয়"]
        let fields = try Self.fields(file, fill: values, images: filled)
        for (name, value) in values {
            #expect(fields.first { $0.name == name }?.value == value as? String, "\(name)")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: empty.path + "-1.png"))
        let after = try Data(contentsOf: URL(fileURLWithPath: filled.path + "-1.png"))
        #expect(before != after, "what was typed is drawn")
    }

    @Test func onlyFormsAreFillable() throws {
        let folder = Sample.temporaryDirectory.appendingPathComponent("fillable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let refused = try Sample.run(CommandLineTests.executable, ["render", Sample.articlePath, "--doc", "handout", "--fillable",
                                                                   "-o", folder.appendingPathComponent("h.pdf").path], directory: Sample.root)
        #expect(refused.status != 0 && refused.stderr.contains("--fillable is for") && refused.stderr.contains("checklist"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("h.pdf").path))
        let made = try Sample.run(CommandLineTests.executable, ["render", Sample.articlePath, "--doc", "checklist", "--fillable",
                                                                "-o", folder.appendingPathComponent("c.pdf").path], directory: Sample.root)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try Self.fields(folder.appendingPathComponent("c.pdf")).count > 20)
    }
}
