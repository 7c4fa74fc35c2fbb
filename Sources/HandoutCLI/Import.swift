// `handout import`: an article page from the website → an article file to translate.
import ArgumentParser
import Diagnostics
import Foundation
import HandoutKit

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a web page (HTML, or a WordPress REST API post in JSON) into an article file.",
        discussion: """
        Only the article is kept: menus, sidebars, share and cookie boxes, comments and the
        site's furniture are left out. Headings become sections (the usual ones, English or
        Bangla, map to causes, symptoms, treatments, …; others are kept as general sections),
        and each section keeps its paragraphs, lists, boxes, tables and pictures in the page's
        order. The site's patient-tool blocks fill their parts, and the page's first urgent box
        proposes the warning signs: both are listed under to_review for an editor to check.
        The page's own title and date are used. Bangla is left empty for translation; the
        disclaimer must be added when the page has none: `handout validate` lists what is missing.
        """
    )

    @Argument(help: "The saved page (.html) or post (.json).")
    var page: String

    @Option(help: "The page's address, when the page does not state it.")
    var url: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "Where to write the article (default: standard output).")
    var outputPath: String?

    func run() throws {
        do throws(DiagnosticError) {
            guard let data = FileManager.default.contents(atPath: page) else {
                throw DiagnosticError(.error("no such file '\(page)'", hint: "check the path and spelling"))
            }
            let imported = try PageImporter.importPage(data, file: page, url: url)
            for warning in imported.warnings { FileHandle.standardError.write(Data("\(warning)\n".utf8)) }
            let yaml = ArticleWriter.yaml(imported.article, header: [
                "yaml-language-server: $schema=schema.json",
                "Imported from \(URL(fileURLWithPath: page).lastPathComponent) by `handout import`.",
                "To do: translate every empty 'bn:', check each part under to_review, add the disclaimer",
                "if it is empty; `handout validate` lists what is still missing.",
            ])
            if let outputPath { try AtomicFile.write(Data(yaml.utf8), to: outputPath) } else { print(yaml, terminator: "") }
        } catch {
            for diagnostic in error.diagnostics { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
            throw ExitCode.failure
        }
    }
}
