// `handout translate`: articles out to translators as PO files, translations back in,
// and how far each article is translated.
import ArgumentParser
import Diagnostics
import Foundation
import HandoutKit

struct Translate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exchange translations with translators as gettext PO files (Poedit, Weblate, OmegaT, Crowdin).",
        subcommands: [Export.self, Import.self, Status.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write DIR/SLUG.bn.po for each article: a unit per text, out-of-date translations marked fuzzy.")

        @Argument(help: "Article files or folders of them.")
        var articles: [String]

        @Option(name: [.customShort("o"), .customLong("output")], help: "The folder to write the PO files into.")
        var folder: String

        func run() throws {
            try report {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                for path in ArticleFolder.expand(articles) {
                    let article = try ArticleLoader.load(path: path).article
                    let glossary = try Glossary.beside(URL(fileURLWithPath: path).deletingLastPathComponent())
                    let data = try ArticleTranslation.export(article, file: path, glossary: glossary)
                    let target = URL(fileURLWithPath: folder).appendingPathComponent("\(article.metadata.slug).bn.po").path
                    try AtomicFile.write(data, to: target)
                    let counts = ArticleTranslation.status(article)
                    print("wrote \(target) (\(counts.map(\.missing).reduce(0, +)) to translate, \(counts.map(\.needs_review).reduce(0, +)) to review)")
                }
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put the translations of PO files back into the articles they came from.",
            discussion: """
            Each file's header names its article (X-Handout-File), looked for in --articles.
            Every unit is checked: ** markers balanced, every number of the English kept (Latin
            or Bangla digits), web addresses unchanged, not empty, not still fuzzy, made from
            the English the article has now. A unit that fails is reported at its line and left
            out; the others go in, each remembering the English it was made from. The article
            file is rewritten only when a translation changed (its leading comments are kept).
            """)

        @Argument(help: "PO files.")
        var files: [String]

        @Option(help: "The folder holding the articles.")
        var articles = "articles"

        func run() throws {
            try report {
                var problems: [Diagnostic] = []
                for file in files {
                    let article = try articlePath(for: file)
                    let loaded = try ArticleLoader.load(path: article).article
                    let imported = try ArticleTranslation.apply(file, to: loaded)
                    problems += imported.diagnostics
                    for diagnostic in imported.diagnostics { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
                    if imported.changed > 0 {
                        let text = try String(contentsOfFile: article, encoding: .utf8)
                        let header = text.split(separator: "\n", omittingEmptySubsequences: false).prefix { $0.hasPrefix("#") }
                            .map { String($0.dropFirst()).trimmingCharacters(in: .whitespaces) }
                        try AtomicFile.write(Data(ArticleWriter.yaml(imported.article, header: header).utf8), to: article)
                    }
                    print("\(article): \(imported.changed) translation\(imported.changed == 1 ? "" : "s") put in")
                }
                // Each problem was said where it was found.
                if !problems.errors.isEmpty { throw ExitCode.failure }
            }
        }

        /// The article a PO file came from, as its header names it.
        func articlePath(for file: String) throws(DiagnosticError) -> String {
            guard let name = try ArticleTranslation.articleFile(ofPO: file) else {
                throw DiagnosticError(.error("the PO file does not name its article (no X-Handout-File in its header)",
                                             at: SourceLocation(file: file, line: 1, column: 1),
                                             hint: "use a file written by handout translate export"))
            }
            let path = URL(fileURLWithPath: articles).appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path) else {
                throw DiagnosticError(.error("its article '\(name)' is not in \(articles)", at: SourceLocation(file: file, line: 1, column: 1),
                                             hint: "pass the folder with --articles"))
            }
            return path
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "For each article and section: units translated, needing review, missing.")

        @Argument(help: "Article files or folders of them.")
        var articles: [String]

        @Option(help: "Output format.")
        var format: Validate.Format = .text

        func run() throws {
            try report {
                var all: [[String: Any]] = []
                for path in ArticleFolder.expand(articles) {
                    let article = try ArticleLoader.load(path: path).article
                    let progress = ArticleTranslation.status(article)
                    switch format {
                    case .text:
                        print("\(article.metadata.slug) (\(path))")
                        print("  section".padding(toLength: 24, withPad: " ", startingAt: 0) + "translated  needs review  missing")
                        for row in progress + [total(progress)] {
                            print("  \(row.section.padding(toLength: 22, withPad: " ", startingAt: 0))"
                                  + "\(String(row.translated).leftAligned(12))\(String(row.needs_review).leftAligned(14))\(row.missing)")
                        }
                    case .json:
                        let sections = progress.map { ["section": $0.section, "translated": $0.translated,
                                                       "needs_review": $0.needs_review, "missing": $0.missing] as [String: Any] }
                        let sum = total(progress)
                        all.append(["article": article.metadata.slug, "file": path, "sections": sections,
                                    "translated": sum.translated, "needs_review": sum.needs_review, "missing": sum.missing])
                    }
                }
                if format == .json {
                    let data = try JSONSerialization.data(withJSONObject: all, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                    print(String(decoding: data, as: UTF8.self))
                }
            }
        }

        func total(_ rows: [ArticleTranslation.Progress]) -> ArticleTranslation.Progress {
            var sum = ArticleTranslation.Progress(section: "all")
            for row in rows {
                sum.translated += row.translated
                sum.needs_review += row.needs_review
                sum.missing += row.missing
            }
            return sum
        }
    }
}

private extension String {
    func leftAligned(_ width: Int) -> String { padding(toLength: max(width, count), withPad: " ", startingAt: 0) }
}
