// `handout render`: one document of one article to PDF.
import ArgumentParser
import Diagnostics
import Foundation
import HandoutKit

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render one document of an article to PDF.",
        discussion: """
        Examples:
          handout render articles/hemifacial-spasm.yaml
          handout render articles/hemifacial-spasm.yaml --lang bn --paper letter -o bangla.pdf

        Warnings (a missing translation, a character no font has) go to standard error;
        the exit code is non-zero on any error, and no file is written then.
        """
    )

    @Argument(help: "The article file (YAML), e.g. articles/hemifacial-spasm.yaml.")
    var article: String

    @Option(name: .customLong("doc"), help: "The document to make.")
    var document: DocumentKind = .handout

    @Option(name: .customLong("lang"), help: "Language: English, Bangla, or both side by side.")
    var mode: LanguageMode = .bilingual

    @Option(help: "Paper size.")
    var paper: Paper = .a4

    @Option(name: [.customShort("o"), .customLong("output")],
            help: "Where to write the PDF (default: output/SLUG-DOC-LANG-PAPER.pdf).")
    var outputPath: String?

    func run() throws {
        do throws(DiagnosticError) {
            try produce()
        } catch {
            report(error.diagnostics)
            throw ExitCode.failure
        }
    }

    private func produce() throws(DiagnosticError) {
        let publisher = try Publisher()
        let loaded = try publisher.loadArticle(path: article)
        let options = RenderOptions(document: document, mode: mode, paper: paper)
        let rendered = try publisher.render(loaded.article, options: options)
        report(loaded.warnings + rendered.warnings)
        let path = outputPath ?? Self.defaultPath(slug: loaded.article.metadata.slug, options: options)
        try AtomicFile.write(rendered.pdf, to: path)
        print("wrote \(path) (\(rendered.pageCount) pages)")
    }

    static func defaultPath(slug: String, options: RenderOptions) -> String {
        let language = options.mode.rawValue.replacingOccurrences(of: "+", with: "-")
        return "output/\(slug)-\(options.document.rawValue)-\(language)-\(options.paper.rawValue).pdf"
    }

    func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }
}
