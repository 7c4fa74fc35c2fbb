// `handout render`: one document of one article to PDF, or several as one PDF.
import ArgumentParser
import Diagnostics
import Foundation
import HandoutKit
import LayoutEngine

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render one document of an article to PDF, or several as one PDF.",
        discussion: """
        Examples:
          handout render articles/hemifacial-spasm.yaml
          handout render articles/hemifacial-spasm.yaml --lang bn --paper letter -o bangla.pdf
          handout render articles/hemifacial-spasm.yaml --doc handout,checklist,diary-week --new-sheet

        Warnings (a missing translation, a character no font has) go to standard error;
        the exit code is non-zero on any error, and no file is written then.
        """
    )

    @Argument(help: "The article file (YAML), e.g. articles/hemifacial-spasm.yaml.")
    var article: String

    @Option(name: .customLong("doc"),
            help: "The document to make, or several, comma-separated, as one PDF (\(DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))).")
    var documentList = DocumentKind.handout.rawValue

    @Flag(help: "With several documents: each starts on a new sheet when printed double-sided.")
    var newSheet = false

    @Option(name: .customLong("lang"), help: "Language: English, Bangla, or both side by side.")
    var mode: LanguageMode = .bilingual

    @Option(help: "Paper size.")
    var paper: Paper = .a4

    @Option(name: [.customShort("o"), .customLong("output")],
            help: "Where to write the PDF (default: output/SLUG-DOC-LANG-PAPER.pdf); with --format png, NAME-1.png, NAME-2.png, ….")
    var outputPath: String?

    @Flag(help: "Large print: body text at least 16 pt, everything reflowed.")
    var largePrint = false

    @Flag(help: "No colour; warning boxes stay distinct by their borders.")
    var grayscale = false

    @Flag(help: "A5 booklet on A4 sheets (half-letter on Letter), in order for double-sided printing and folding.")
    var booklet = false

    @Option(help: "Bleed for a print shop, e.g. 3mm.")
    var bleed: String?

    @Flag(help: "A form to fill in on screen as well (checklist, diary-week, diary-month): its lines, cells and tick boxes as PDF form fields.")
    var fillable = false

    @Flag(help: "Crop marks at the trim's corners, for a print shop.")
    var cropMarks = false

    enum Format: String, ExpressibleByArgument, CaseIterable { case pdf, png }

    @Option(help: "The clinic printing it (clinic.yaml): its name, phone and emergency number on every page.")
    var clinic: String?

    @Option(help: "The patient's name, filled into the form fields and the handout's first page (never written elsewhere).")
    var patientName: String?

    @Option(help: "A YAML file of the patient's details to fill in: name, age, date, clinician, next_appointment, note.")
    var fill: String?

    @Option(help: "Output format.")
    var format: Format = .pdf

    @Option(help: "Resolution of PNG pages, in dots per inch.")
    var dpi: Double = 150

    func validate() throws {
        _ = try choices(documentList, DocumentKind.self, flag: "--doc")
        if let bleed, Self.millimetres(bleed) == nil {
            throw ValidationError("--bleed '\(bleed)' is not a length; write it like 3mm")
        }
        guard (36...600).contains(dpi) else { throw ValidationError("--dpi must be from 36 to 600") }
    }

    /// The patient's details from --fill, with --patient-name over its name; nil when neither is given.
    private func patient() throws(DiagnosticError) -> Patient? {
        guard fill != nil || patientName != nil else { return nil }
        var patient = try fill.map(Patient.load(path:)) ?? Patient()
        if let patientName { patient.name = patientName }
        return try patient.checked()
    }

    /// "3mm" (or "3") in points.
    static func millimetres(_ text: String) -> Double? {
        let number = text.hasSuffix("mm") ? String(text.dropLast(2)) : text
        return Double(number).flatMap { (0...20).contains($0) ? LayoutEngine.millimetres($0) : nil }
    }

    func run() throws {
        do throws(DiagnosticError) {
            try produce()
        } catch {
            report(error.diagnostics)
            throw ExitCode.failure
        }
    }

    /// The fonts and the document, left for the process's end: it exits as soon as the file
    /// is written, and the kernel takes its memory back at once, where releasing the
    /// document object by object took about 7 ms, a fifteenth of a whole `handout render`
    /// (clang skips freeing at exit for the same reason).
    nonisolated(unsafe) private static var leftForExit: (Publisher, Rendered)?

    private func produce() throws(DiagnosticError) {
        let publisher = try Publisher()
        let loaded = try publisher.loadArticle(path: article)
        let documents = (try? choices(documentList, DocumentKind.self, flag: "--doc")) ?? [.handout]
        let options = RenderOptions(document: documents[0], mode: mode, paper: paper, largePrint: largePrint,
                                    grayscale: grayscale, booklet: booklet, bleed: bleed.flatMap(Self.millimetres) ?? 0,
                                    cropMarks: cropMarks, clinic: try clinic.map(Clinic.load(path:)), patient: try patient(),
                                    fillable: fillable)
        let rendered = try publisher.render(loaded.article, documents: documents, options: options, newSheet: newSheet)
        Self.leftForExit = (publisher, rendered)
        report(loaded.warnings + rendered.warnings)
        let path = outputPath ?? Self.defaultPath(slug: loaded.article.metadata.slug, documents: documents, options: options, format: format)
        switch format {
        case .pdf:
            try AtomicFile.write(rendered.pdf, to: path)
            print("wrote \(path) (\(rendered.sheets.count) pages)")
        case .png:
            let stem = path.hasSuffix(".png") ? String(path.dropLast(4)) : path
            for (index, image) in rendered.images(dpi: dpi).enumerated() {
                try AtomicFile.write(image, to: "\(stem)-\(index + 1).png")
            }
            print("wrote \(stem)-1.png … \(stem)-\(rendered.sheets.count).png at \(Int(dpi)) dpi")
        }
    }

    /// output/SLUG-DOC-LANG-PAPER.pdf; several documents are joined with "_" (handout_checklist).
    static func defaultPath(slug: String, documents: [DocumentKind], options: RenderOptions, format: Format) -> String {
        let language = options.mode.fileName
        let variants = [(options.largePrint, "large"), (options.grayscale, "gray"), (options.booklet, "booklet"),
                        (options.bleed > 0 || options.cropMarks, "print"), (options.fillable, "fillable")].filter(\.0).map { "-\($0.1)" }.joined()
        return "output/\(slug)-\(documents.map(\.rawValue).joined(separator: "_"))-\(language)-\(options.paper.rawValue)\(variants).\(format.rawValue)"
    }

    func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }
}
