// `handout validate`: every problem in article files, for editors and their CI.
import ArgumentParser
import Diagnostics
import Foundation
import HandoutKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check article files and report every problem at once.",
        discussion: """
        Each problem is printed as FILE:LINE:COLUMN: error|warning: MESSAGE, with a hint.
        Warnings cover missing Bangla, old or future review dates, and text that is hard for
        readers with little schooling (sentences over 20 words, lists over 9 items,
        paragraphs over 7 sentences, capitals). An article can silence a check with a reason:

          silence:
            - rule: long-list
              reason: "The drug list must stay complete."

        Exit code 0 when there are no errors, 1 when there are.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Article files (YAML).")
    var articles: [String]

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(help: "The date to judge review dates against (YYYY-MM-DD; default: today).")
    var today: String?

    @Flag(help: "Also list the documents each article makes (packs and the print service offer only these).")
    var documents = false

    func validate() throws {
        if let today, CalendarDate(iso: today) == nil {
            throw ValidationError("--today '\(today)' is not a date; write it as YYYY-MM-DD")
        }
    }

    func run() throws {
        let publisher: Publisher
        do { publisher = try Publisher() } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode.failure
        }
        let date = today.flatMap(CalendarDate.init(iso:)) ?? CalendarDate.today
        // The layouts' warnings come with every article: say each once.
        var seen = Set<String>()
        let found = articles.flatMap { publisher.validate(path: $0, today: date) }.filter { seen.insert($0.description).inserted }
        switch format {
        case .text:
            for diagnostic in found { print(diagnostic) }
            if documents { for path in articles { if let line = Self.documents(path) { print(line) } } }
            let errors = found.errors.count, warnings = found.warnings.count
            print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(articles.count) file\(articles.count == 1 ? "" : "s")")
        case .json:
            print(String(decoding: try JSONSerialization.data(withJSONObject: found.map(\.jsonObject), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
                         as: UTF8.self))
        }
        if !found.errors.isEmpty { throw ExitCode.failure }
    }

    /// "FILE: makes handout, …; no nutrition (…)": what packs and the print service will offer.
    static func documents(_ path: String) -> String? {
        guard let article = try? ArticleLoader.load(path: path).article else { return nil }
        let missing = DocumentKind.allCases.compactMap { document in
            document.missing(in: article).map { _ in document.rawValue }
        }
        let reasons = missing.isEmpty ? "" : "; not \(missing.joined(separator: ", ")): the article has nothing on their subject"
        return "\(path): makes \(DocumentKind.made(from: article).map(\.rawValue).joined(separator: ", "))\(reasons)"
    }
}

extension CalendarDate {
    /// Today in UTC.
    static var today: CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
