// Checks any rendered PDF must pass, whatever the document: shared by the handout's and
// the other documents' tests.
import Foundation
import HandoutKit
import TestSupport
import Testing
import TextShaping

enum PDFChecks {
    /// qpdf reads the file and finds nothing wrong with its syntax or streams.
    static func qpdfFindsNoProblems(_ file: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let result = try Sample.run("qpdf", ["--check", file.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.contains("No syntax or stream encoding errors"), sourceLocation: sourceLocation)
    }

    /// Every font is one of ours, embedded, subset and with a Unicode map (text can be copied);
    /// `bangla`: Noto Sans Bengali is among them.
    static func fontsAreEmbeddedSubsetAndShipped(_ file: URL, bangla: Bool,
                                                 sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let rows = try Sample.run("pdffonts", [file.path]).stdout.split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty, sourceLocation: sourceLocation)
        let shipped = Set(FontLibrary.files.map { $0.replacingOccurrences(of: ".ttf", with: "") })
        for row in rows {
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            let name = String(columns[0])
            // Subset fonts are named ABCDEF+Name.
            let base = name.split(separator: "+").last.map(String.init) ?? name
            #expect(name.contains("+"), "not subset: \(row)", sourceLocation: sourceLocation)
            #expect(shipped.contains(base), "not a shipped font: \(row)", sourceLocation: sourceLocation)
            let flags = columns.suffix(5).prefix(3)   // emb sub uni
            #expect(Array(flags) == ["yes", "yes", "yes"], "\(row)", sourceLocation: sourceLocation)
        }
        if bangla { #expect(rows.contains { $0.contains("NotoSansBengali") }, sourceLocation: sourceLocation) }
    }
}
