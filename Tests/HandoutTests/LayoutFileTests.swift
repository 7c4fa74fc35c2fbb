// The layout and labels files editors change without touching Swift: the shipped files
// load, and each mistake in them is one clear error (or warning) at its exact place.
import Diagnostics
import Foundation
import HandoutKit
import LayoutEngine
import TestSupport
import Testing

@Suite("Layout and labels files")
struct LayoutFileTests {
    /// Tests/HandoutTests/LayoutFileTests.swift → three levels up.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let handoutPath = root.appendingPathComponent("layouts/handout.yaml").path
    static let labelsPath = root.appendingPathComponent("layouts/labels.yaml").path

    // MARK: Helpers

    /// Writes `text` to a new temporary file, runs `body` with its path, then removes it.
    @discardableResult
    func withTemporaryFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }

    func shippedLayout() throws -> String {
        try String(contentsOfFile: Self.handoutPath, encoding: .utf8)
    }

    /// `text` with `old` (which must occur exactly once) replaced by `new`.
    func edit(_ text: String, replacing old: String, with new: String,
              sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let pieces = text.components(separatedBy: old)
        try #require(pieces.count == 2, "the file must contain '\(old)' exactly once", sourceLocation: sourceLocation)
        return pieces.joined(separator: new)
    }

    /// 1-based line and character column where `needle` starts in `text`.
    func place(of needle: String, in text: String,
               sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (line: Int, column: Int) {
        let range = try #require(text.range(of: needle), "'\(needle)' is not in the file", sourceLocation: sourceLocation)
        let before = text[..<range.lowerBound]
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? text.startIndex
        return (before.filter { $0 == "\n" }.count + 1, text[lineStart..<range.lowerBound].count + 1)
    }

    /// Loads `text` as a handout layout from a temporary file.
    func loadLayout(_ text: String) throws -> (path: String, result: Result<DocumentLayout, DiagnosticError>) {
        try withTemporaryFile(text) { path in
            do throws(DiagnosticError) {
                return (path, .success(try DocumentLayout.load(path: path, sections: Handout.sections,
                                                               required: Handout.requiredSections)))
            } catch {
                return (path, .failure(error))
            }
        }
    }

    /// The errors of a layout that must fail to load.
    func layoutErrors(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        throws -> (path: String, errors: [Diagnostic]) {
        let (path, result) = try loadLayout(text)
        switch result {
        case .success:
            Issue.record("the layout loaded, but an error was expected", sourceLocation: sourceLocation)
            return (path, [])
        case .failure(let error):
            return (path, error.diagnostics)
        }
    }

    /// Checks that `diagnostics` is one error at `line:column` of `file`, saying `message`, with a hint.
    @discardableResult
    func expectOneError(_ diagnostics: [Diagnostic], file: String, line: Int, column: Int, message: [String],
                        hint: String? = nil, subject: String? = nil,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        #expect(diagnostics.count == 1, "expected one error, got:\n\(diagnostics.map(\.description).joined(separator: "\n"))",
                sourceLocation: sourceLocation)
        guard let error = diagnostics.first else { return nil }
        #expect(error.severity == .error, sourceLocation: sourceLocation)
        #expect(error.location == Diagnostics.SourceLocation(file: file, line: line, column: column), "\(error)",
                sourceLocation: sourceLocation)
        for piece in message {
            #expect(error.message.contains(piece), "message '\(error.message)' should say '\(piece)'",
                    sourceLocation: sourceLocation)
        }
        #expect(error.hint?.isEmpty == false, "no hint: \(error)", sourceLocation: sourceLocation)
        if let hint {
            #expect(error.hint?.contains(hint) == true, "hint '\(error.hint ?? "")' should say '\(hint)'",
                    sourceLocation: sourceLocation)
        }
        if let subject { #expect(error.subject == subject, sourceLocation: sourceLocation) }
        return error
    }

    // MARK: The shipped layout

    @Test func shippedLayoutLoads() throws {
        let layout = try DocumentLayout.load(path: Self.handoutPath, sections: Handout.sections,
                                             required: Handout.requiredSections)
        #expect(layout.warnings.isEmpty, "\(layout.warnings)")
        #expect(layout.sections.contains("disclaimer"))
        #expect(Set(layout.sections).count == layout.sections.count)
        #expect(layout.sections.allSatisfy(Handout.sections.contains))
        #expect(layout.size(.body).size >= DocumentLayout.minimumBodySize)
        #expect(Set(layout.type.keys) == Set(DocumentLayout.Role.allCases))
        #expect(Set(layout.colours.keys) == Set(DocumentLayout.Swatch.allCases))
        for side in [layout.margins.top, layout.margins.right, layout.margins.bottom, layout.margins.left] {
            #expect(side >= DocumentLayout.safeMargin)
        }
    }

    @Test func shippedLayoutLoadsFromACopy() throws {
        let (_, result) = try loadLayout(try shippedLayout())
        let layout = try result.get()
        #expect(layout.sections.first == "summary")
        #expect(layout.sections.last == "about")
        #expect(abs(layout.margins.top - millimetres(22)) < 1e-9)
        #expect(abs(layout.englishShare - 0.47) < 1e-9)
    }

    // MARK: Sections

    @Test func unknownSectionSuggestsTheRightOne() throws {
        let text = try edit(try shippedLayout(), replacing: "  - causes\n", with: "  - causs\n")
        let (path, errors) = try layoutErrors(text)
        let at = try place(of: "causs", in: text)
        #expect(at.column == 5)
        expectOneError(errors, file: path, line: at.line, column: at.column, message: ["unknown section 'causs'"],
                       hint: "did you mean 'causes'?")
    }

    /// Gaps and indents are the layout's: `metrics:` sets them, in ems; left out, they are
    /// the designed values; a misspelt name is an error with a suggestion.
    @Test func metricsAreReadFromTheLayoutFile() throws {
        let shipped = try shippedLayout()
        let designed = try loadLayout(shipped).result.get()
        #expect(designed.metrics.markerColumn == 1.9 && designed.metrics.boxPadding == 0.8)
        let wider = try loadLayout(shipped + "metrics:\n  marker_column: 3\n  box_padding: 1.2\n").result.get()
        #expect(wider.metrics.markerColumn == 3 && wider.metrics.boxPadding == 1.2 && wider.metrics.itemGap == 0.25)
        let text = shipped + "metrics:\n  marker_colum: 3\n"
        let (path, errors) = try layoutErrors(text)
        let at = try place(of: "marker_colum: 3", in: text)
        expectOneError(errors, file: path, line: at.line, column: at.column, message: ["marker_colum"], hint: "did you mean 'marker_column'?")

        // A wider marker column moves every list item's text right by the difference.
        let labels = try Labels.load(path: Sample.resources.layouts.appendingPathComponent("labels.yaml").path)
        func firstItemX(_ metrics: Metrics) throws -> Double {
            var layout = designed
            layout.metrics = metrics
            let plan = DocumentKind.handout.definition.plan(DocumentContext(article: Sample.article, mode: .en, paper: .a4,
                                                                            layout: layout, labels: labels))
            let lines = plan.layOut(shaper: FixedWidthShaper()).pages.flatMap(\.textLines)
            return try #require(lines.first { $0.text.hasPrefix("Primary") }).box.minX
        }
        var moved = Metrics()
        moved.markerColumn = 3
        #expect(abs(try firstItemX(moved) - firstItemX(Metrics()) - 1.1 * designed.size(.body).size) < 0.01)
    }

    @Test func duplicateSectionIsAnErrorAtTheSecondOne() throws {
        let text = try edit(try shippedLayout(), replacing: "  - faq\n", with: "  - faq\n  - faq\n")
        let (path, errors) = try layoutErrors(text)
        let first = try place(of: "  - faq\n", in: text)
        expectOneError(errors, file: path, line: first.line + 1, column: 5, message: ["'faq'", "twice"])
    }

    @Test func droppingTheDisclaimerIsAnError() throws {
        let text = try edit(try shippedLayout(), replacing: "  - disclaimer\n", with: "")
        let (path, errors) = try layoutErrors(text)
        let list = try place(of: "  - summary", in: text)
        let error = expectOneError(errors, file: path, line: list.line, column: 3,
                                   message: ["'disclaimer'", "cannot be left out"], hint: "- disclaimer",
                                   subject: "sections")
        #expect(error?.description.contains("disclaimer") == true)
    }

    @Test func droppingAnOptionalSectionIsFine() throws {
        let text = try edit(try shippedLayout(), replacing: "  - faq\n", with: "")
        let layout = try loadLayout(text).result.get()
        #expect(!layout.sections.contains("faq"))
        #expect(layout.warnings.isEmpty)
    }

    @Test func sectionsMustBeAList() throws {
        let shipped = try shippedLayout()
        let start = try #require(shipped.range(of: "sections:\n"))
        let text = String(shipped[..<start.lowerBound]) + "sections: summary\n"
        let (path, errors) = try layoutErrors(text)
        let at = try place(of: "summary", in: text)
        expectOneError(errors, file: path, line: at.line, column: at.column, message: ["expected a list"],
                       subject: "sections")
    }

    // MARK: Page and type

    @Test(arguments: ["11.9", "5", "0", "-10"])
    func marginBelowTwelveMillimetresIsAnError(value: String) throws {
        let text = try edit(try shippedLayout(), replacing: "left: 17}", with: "left: \(value)}")
        let (path, errors) = try layoutErrors(text)
        let at = try place(of: "left: \(value)", in: text)
        expectOneError(errors, file: path, line: at.line, column: at.column + 6, message: [value, "out of range"],
                       hint: "12", subject: "page.margins_mm.left")
    }

    @Test func marginOfExactlyTwelveMillimetresIsFine() throws {
        let text = try edit(try shippedLayout(), replacing: "top: 22,", with: "top: 12,")
        let layout = try loadLayout(text).result.get()
        #expect(abs(layout.margins.top - DocumentLayout.safeMargin) < 1e-9)
    }

    @Test func missingMarginIsNamed() throws {
        let text = try edit(try shippedLayout(), replacing: ", left: 17}", with: "}")
        let (path, errors) = try layoutErrors(text)
        let at = try place(of: "{top", in: text)
        expectOneError(errors, file: path, line: at.line, column: at.column, message: ["missing required field 'left'"],
                       subject: "page.margins_mm")
    }

    @Test(arguments: ["0", "-3", "-0.5"])
    func zeroOrNegativeTypeSizeIsAnError(value: String) throws {
        let text = try edit(try shippedLayout(), replacing: "{size: 15.5,", with: "{size: \(value),")
        let (path, errors) = try layoutErrors(text)
        let at = try place(of: "size: \(value)", in: text)
        expectOneError(errors, file: path, line: at.line, column: at.column + 6, message: [value, "out of range"],
                       hint: "6", subject: "type.heading.size")
    }

    @Test func nonNumericTypeSizeIsAnError() throws {
        let text = try edit(try shippedLayout(), replacing: "{size: 15.5,", with: "{size: big,")
        let (path, errors) = try layoutErrors(text)
        let at = try place(of: "big", in: text)
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.location == Diagnostics.SourceLocation(file: path, line: at.line, column: at.column))
        #expect(error.message.contains("expected a number"))
        #expect(error.subject == "type.heading.size")
    }

    @Test func smallBodyTextIsAWarningNotAnError() throws {
        let text = try edit(try shippedLayout(), replacing: "{size: 12,", with: "{size: 10,")
        let (path, result) = try loadLayout(text)
        let layout = try result.get()
        #expect(layout.size(.body).size == 10)
        #expect(layout.warnings.count == 1)
        let warning = try #require(layout.warnings.first)
        let at = try place(of: "size: 10", in: text)
        #expect(warning.severity == .warning)
        #expect(warning.location == Diagnostics.SourceLocation(file: path, line: at.line, column: at.column + 6))
        #expect(warning.message.contains("12 pt"))
        #expect(warning.subject == "type.body.size")
        #expect(warning.hint != nil)
    }

    @Test func missingRoleIsNamed() throws {
        let text = try edit(try shippedLayout(), replacing: "  small:    {size: 9, line_height: 1.45}\n", with: "")
        let (path, errors) = try layoutErrors(text)
        let at = try place(of: "body:", in: text)
        expectOneError(errors, file: path, line: at.line, column: at.column, message: ["missing required field 'small'"],
                       subject: "type")
    }

    // MARK: Colours

    @Test(arguments: ["#12", "0B4F6C", "#0B4F6", "#GGGGGG", "blue"])
    func badColourIsAnError(value: String) throws {
        let text = try edit(try shippedLayout(), replacing: "heading: \"#0B4F6C\"", with: "heading: \"\(value)\"")
        let (path, errors) = try layoutErrors(text)
        let at = try place(of: "\"\(value)\"", in: text)
        expectOneError(errors, file: path, line: at.line, column: at.column, message: ["'\(value)'", "not a colour"],
                       hint: "#RRGGBB", subject: "colours.heading")
    }

    @Test func signedHexIsNotAColour() throws {
        let text = try edit(try shippedLayout(), replacing: "heading: \"#0B4F6C\"", with: "heading: \"#+B4F6C\"")
        let (_, result) = try loadLayout(text)
        #expect(throws: DiagnosticError.self) { try result.get() }
    }

    // MARK: Top level

    @Test func unknownTopLevelKeyIsAnError() throws {
        let text = try shippedLayout() + "colors:\n  text: \"#000000\"\n"
        let (path, errors) = try layoutErrors(text)
        let at = try place(of: "colors:", in: text)
        #expect(at.column == 1)
        expectOneError(errors, file: path, line: at.line, column: 1, message: ["unknown field 'colors'"],
                       hint: "did you mean 'colours'?")
    }

    @Test func emptyLayoutFileIsAnError() throws {
        let (path, errors) = try layoutErrors("# nothing here\n")
        #expect(errors.count == 1)
        #expect(errors.first?.severity == .error)
        #expect(errors.first?.message.contains("empty") == true)
        #expect(errors.first?.location == Diagnostics.SourceLocation(file: path, line: 1, column: 1))
    }

    @Test func missingLayoutFileIsNamed() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID()).yaml").path
        #expect {
            try DocumentLayout.load(path: path, sections: Handout.sections, required: Handout.requiredSections)
        } throws: { error in
            guard let error = error as? DiagnosticError, let first = error.diagnostics.first else { return false }
            return error.diagnostics.count == 1 && first.message.contains(path) && first.hint != nil
        }
    }

    @Test func severalLayoutErrorsAreAllReported() throws {
        var text = try shippedLayout()
        text = try edit(text, replacing: "  - causes\n", with: "  - causs\n")
        text = try edit(text, replacing: "  - disclaimer\n", with: "")
        text = try edit(text, replacing: "heading: \"#0B4F6C\"", with: "heading: \"#12\"")
        text = try edit(text, replacing: "top: 22,", with: "top: 5,")
        let (_, errors) = try layoutErrors(text)
        #expect(errors.count == 4, "\(errors)")
        #expect(errors.allSatisfy { $0.severity == .error && $0.location != nil && $0.hint != nil })
    }

    // MARK: Labels

    @Test func shippedLabelsLoad() throws {
        let labels = try Labels.load(path: Self.labelsPath)
        #expect(labels.text(.pageOf, .bn, ["page": "১", "count": "২"]) == "পৃষ্ঠা ১ / ২")
        #expect(labels.text(.pageOf, .en, ["page": "1", "count": "2"]) == "Page 1 of 2")
        #expect(labels.text(.step, .en, ["number": "3"]) == "Step 3")
        for label in Label.allCases {
            for language in Language.allCases {
                let text = labels.text(label, language)
                #expect(!text.isEmpty && text != label.rawValue, "\(label.rawValue) in \(language.name)")
            }
        }
    }

    @Test func labelsFileMissingALabelIsAnError() throws {
        let shipped = try String(contentsOfFile: Self.labelsPath, encoding: .utf8)
        let line = try #require(shipped.split(separator: "\n", omittingEmptySubsequences: false)
            .first { $0.hasPrefix("page_of:") })
        let text = try edit(shipped, replacing: line + "\n", with: "")
        try withTemporaryFile(text) { path in
            #expect {
                try Labels.load(path: path)
            } throws: { error in
                guard let error = error as? DiagnosticError else { return false }
                return error.diagnostics.count == 1
                    && error.diagnostics[0].severity == .error
                    && error.diagnostics[0].message.contains("'page_of'")
                    && error.diagnostics[0].hint != nil
            }
        }
    }

    @Test func labelMissingItsBanglaIsAnError() throws {
        let shipped = try String(contentsOfFile: Self.labelsPath, encoding: .utf8)
        let text = try edit(shipped, replacing: "{en: \"Tests\", bn: \"পরীক্ষা\"}", with: "{en: \"Tests\"}")
        try withTemporaryFile(text) { path in
            do throws(DiagnosticError) {
                _ = try Labels.load(path: path)
                Issue.record("the labels loaded, but an error was expected")
            } catch {
                let at = try place(of: "{en: \"Tests\"}", in: text)
                expectOneError(error.diagnostics, file: path, line: at.line, column: at.column,
                               message: ["missing required field 'bn'"], subject: "diagnostic_tests")
            }
        }
    }

    @Test func labelsFileWithWrongMonthCountIsAnError() throws {
        let shipped = try String(contentsOfFile: Self.labelsPath, encoding: .utf8)
        let text = try edit(shipped, replacing: ", November, December]", with: ", November]")
        try withTemporaryFile(text) { path in
            #expect {
                try Labels.load(path: path)
            } throws: { error in
                guard let error = error as? DiagnosticError else { return false }
                return error.diagnostics.count == 1 && error.diagnostics[0].message.contains("12 month names")
                    && error.diagnostics[0].subject == "months.en"
            }
        }
    }
}
