// Shared set-up for the shaping tests: the shipped fonts, a shaper, and corpora.
import Foundation
import LayoutEngine
import TestSupport
import TextShaping

enum Fixture {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// Pango objects are not thread-safe and Swift Testing runs tests in parallel: one
    /// shaper, used under a lock.
    nonisolated(unsafe) private static let shaper = PangoShaper(fonts: try! FontLibrary(directory: root.appendingPathComponent("fonts")))
    private static let lock = NSLock()

    /// Runs `body` with the shared shaper, under the lock.
    static func withShaper<T>(_ body: (PangoShaper) -> T) -> T {
        lock.withLock { body(shaper) }
    }

    static func shape(_ styled: StyledText, width: Double) -> PangoText {
        lock.withLock { shaper.shape(styled, width: width) as! PangoText }
    }

    static func shape(_ text: String, width: Double = 1000, size: Double = 12, bold: Bool = false) -> PangoText {
        shape(StyledText([TextRun(text, bold: bold)], style: ParagraphStyle(size: size)), width: width)
    }

    /// The text of each line, from the line's scalar range.
    static func lineTexts(_ shaped: PangoText) -> [String] {
        let scalars = Array(shaped.text.plainText.unicodeScalars)
        return shaped.lines.map { line in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[line.scalars])
            return String(view)
        }
    }

    /// Bangla sentences: the sample article's, plus real translated health sentences from
    /// ../shared/corpora when the checkout has it beside it (CI and developers do).
    static let banglaSentences: [String] = {
        let article = (try? String(contentsOf: root.appendingPathComponent("articles/hemifacial-spasm.yaml"), encoding: .utf8)) ?? ""
        var sentences = article.split(separator: "\n").compactMap { line -> String? in
            let text = line.trimmingCharacters(in: .whitespaces)
            guard text.unicodeScalars.contains(where: { (0x0980...0x09FF).contains($0.value) }) else { return nil }
            return text.replacingOccurrences(of: "bn: ", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        }
        let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpora/tico19-en-bn.tsv")
        if let tsv = try? String(contentsOf: corpus, encoding: .utf8) {
            sentences += tsv.split(separator: "\n").dropFirst().prefix(400).compactMap { row in
                row.split(separator: "\t").last.map(String.init)
            }
        }
        return sentences.map { $0.precomposedStringWithCanonicalMapping }
    }()

    /// English and Bangla health sentences, translated by people (TICO-19), when the
    /// checkout has ../shared/corpora beside it.
    static let sentencePairs: [(en: String, bn: String)] = {
        let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpora/tico19-en-bn.tsv")
        guard let tsv = try? String(contentsOf: corpus, encoding: .utf8) else { return [] }
        return tsv.split(separator: "\n").dropFirst().compactMap { row in
            let columns = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 4 else { return nil }
            return (String(columns[2]), String(columns[3]).precomposedStringWithCanonicalMapping)
        }
    }()

    /// Runs a command and returns its standard output.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        try ToolRun.run(tool, arguments).stdout
    }
}
