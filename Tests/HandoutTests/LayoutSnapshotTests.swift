// Every document laid out with the fixed-width shaper (no fonts, so the numbers do not move
// with Pango or the fonts) and dumped as text: a changed layout shows as a diff against
// Snapshots/DOC-LANG.txt. A missing snapshot fails; HANDOUT_RECORD_SNAPSHOTS=1 writes them.
import Foundation
import HandoutKit
import LayoutEngine
import TestSupport
import Testing

@Suite struct LayoutSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let recording = ProcessInfo.processInfo.environment["HANDOUT_RECORD_SNAPSHOTS"] == "1"

    struct Case: CustomTestStringConvertible, Sendable {
        var document: DocumentKind
        var mode: LanguageMode
        var testDescription: String { "\(document.rawValue)-\(mode.fileName)" }
    }

    static let cases = DocumentKind.allCases.flatMap { document in [LanguageMode.en, .bilingual].map { Case(document: document, mode: $0) } }

    @Test(arguments: cases)
    func theLayoutIsItsSnapshot(_ snapshot: Case) throws {
        let publisher = try Publisher(resources: Sample.resources, shaper: FixedWidthShaper())
        let (result, _) = try publisher.layout(Sample.article, options: RenderOptions(document: snapshot.document, mode: snapshot.mode))
        let dump = LayoutDump.text(result.pages)
        let file = Self.folder.appendingPathComponent("\(snapshot.testDescription).txt")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(dump.utf8).write(to: file)
            return
        }
        guard let recorded = FileManager.default.contents(atPath: file.path).map({ String(decoding: $0, as: UTF8.self) }) else {
            Issue.record("no snapshot \(file.lastPathComponent): run the tests with HANDOUT_RECORD_SNAPSHOTS=1 to write it, and read it")
            return
        }
        #expect(dump == recorded, "the layout changed:\n\(Self.diff(recorded, dump))")
    }

    /// The first lines that differ, with their numbers: enough to see what moved.
    static func diff(_ old: String, _ new: String) -> String {
        let a = old.components(separatedBy: "\n"), b = new.components(separatedBy: "\n")
        let changed = (0..<max(a.count, b.count)).filter { (a.indices.contains($0) ? a[$0] : nil) != (b.indices.contains($0) ? b[$0] : nil) }
        return changed.prefix(12).map { index in
            "line \(index + 1):\n- \(a.indices.contains(index) ? a[index] : "(none)")\n+ \(b.indices.contains(index) ? b[index] : "(none)")"
        }.joined(separator: "\n") + (changed.count > 12 ? "\n… \(changed.count - 12) more" : "")
    }
}
