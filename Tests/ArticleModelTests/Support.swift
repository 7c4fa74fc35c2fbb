// Shared fixtures and checks for the article loader tests: a minimal valid article that
// each test breaks in one place, and helpers that find the expected line:column in the
// fixture text itself (1-based; columns count characters, as SourceLocation documents).
import Diagnostics
import Foundation
import Testing
@testable import ArticleModel

enum Fixture {
    static let file = "article.yaml"

    /// The smallest article that loads with no errors and no warnings.
    /// Line numbers below are referred to by tests that pin literal places.
    static let minimal = """
        slug: hemifacial-spasm
        canonical_url: https://example.org/hemifacial-spasm/
        last_reviewed: 2025-04-14
        version: "1.0"
        title:
          en: Hemifacial spasm
          bn: হেমিফেসিয়াল স্প্যাজম
        disclaimer:
          en: Not medical advice.
          bn: চিকিৎসা পরামর্শ নয়।
        warning_signs:
          items:
            - en: Sudden weakness of the face
              bn: হঠাৎ মুখ দুর্বল হয়ে যাওয়া

        """

    /// The minimal article with `old` (which must occur exactly once) replaced by `new`.
    static func minimal(replacing old: String, with new: String,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        try edit(minimal, replacing: old, with: new, sourceLocation: sourceLocation)
    }

    /// `text` with `old` (which must occur exactly once) replaced by `new`.
    static func edit(_ text: String, replacing old: String, with new: String,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let pieces = text.components(separatedBy: old)
        try #require(pieces.count == 2, "the fixture must contain '\(old)' exactly once", sourceLocation: sourceLocation)
        return pieces.joined(separator: new)
    }

    /// Where the `occurrence`-th `needle` starts in `text`: 1-based line and character column.
    static func place(of needle: String, in text: String, occurrence: Int = 1,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (line: Int, column: Int) {
        var searchStart = text.startIndex
        var found: Range<String.Index>?
        for _ in 0..<occurrence {
            found = text.range(of: needle, range: searchStart..<text.endIndex)
            guard let range = found else { break }
            searchStart = range.upperBound
        }
        let range = try #require(found, "'\(needle)' (occurrence \(occurrence)) is not in the fixture",
                                 sourceLocation: sourceLocation)
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? text.startIndex
        let column = text[lineStart..<range.lowerBound].count + 1
        return (line, column)
    }

    /// The diagnostics of a load that must fail.
    static func failures(_ text: String, file: String = file,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
        failures(Data(text.utf8), file: file, sourceLocation: sourceLocation)
    }

    static func failures(_ data: Data, file: String = file,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
        do {
            _ = try ArticleLoader.load(data: data, file: file)
            Issue.record("the article loaded, but an error was expected", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// An article that must load with no errors and no warnings.
    static func article(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Article {
        do {
            let (article, warnings) = try ArticleLoader.load(data: Data(text.utf8), file: file)
            #expect(warnings.isEmpty, "unexpected warnings: \(warnings)", sourceLocation: sourceLocation)
            return article
        } catch {
            Issue.record("the article did not load:\n\(error)", sourceLocation: sourceLocation)
            throw error
        }
    }
}

/// Checks that `diagnostics` is exactly one error, at `line:column` of `file`, whose
/// message contains every piece of `message`, with a hint (containing `hint`, if given)
/// and the given `subject` path (nil: none). Returns the error for further checks.
@discardableResult
func expectOneError(_ diagnostics: [Diagnostic], line: Int, column: Int, file: String = Fixture.file,
                    message: [String], hint: String? = nil, subject: String?? = .none,
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
    #expect(diagnostics.count == 1, "expected one error, got:\n\(diagnostics.map(\.description).joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    guard let error = diagnostics.first else { return nil }
    expectError(error, line: line, column: column, file: file, message: message, hint: hint, subject: subject,
                sourceLocation: sourceLocation)
    return error
}

/// Checks one error's severity, place, message, hint and subject.
func expectError(_ error: Diagnostic, line: Int, column: Int, file: String = Fixture.file,
                 message: [String], hint: String? = nil, subject: String?? = .none,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(error.severity == .error, sourceLocation: sourceLocation)
    #expect(error.location == Diagnostics.SourceLocation(file: file, line: line, column: column),
            "\(error)", sourceLocation: sourceLocation)
    for piece in message {
        #expect(error.message.contains(piece), "message '\(error.message)' should say '\(piece)'",
                sourceLocation: sourceLocation)
    }
    #expect(error.hint?.isEmpty == false, "the error has no hint: \(error)", sourceLocation: sourceLocation)
    if let hint {
        #expect(error.hint?.contains(hint) == true, "hint '\(error.hint ?? "")' should say '\(hint)'",
                sourceLocation: sourceLocation)
    }
    if case .some(let subject) = subject {
        #expect(error.subject == subject, sourceLocation: sourceLocation)
    }
}

/// The repository root, from this file's place: Tests/ArticleModelTests/Support.swift.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

extension Section {
    /// The section's first list: the list of a section written in the first format.
    var firstList: ListBlock? {
        blocks.lazy.compactMap { if case .list(let list) = $0 { list } else { nil } }.first
    }
}
