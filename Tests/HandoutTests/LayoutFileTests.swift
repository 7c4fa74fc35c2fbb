import Testing
import Foundation
import HandoutKit
import Diagnostics

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func lprobe(_ name: String, _ text: String) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString + ".yaml")
    try! Data(text.utf8).write(to: url)
    do {
        let l = try DocumentLayout.load(path: url.path, sections: Handout.sections, required: Handout.requiredSections)
        print("=== \(name): OK warnings=\(l.warnings)")
    } catch {
        print("=== \(name):\n\(error.diagnostics.map { "\($0.description) [subject=\($0.subject ?? "-")]" }.joined(separator: "\n"))")
    }
}

@Test func lprobeAll() throws {
    let shipped = try String(contentsOf: root.appendingPathComponent("layouts/handout.yaml"), encoding: .utf8)
    lprobe("shipped", shipped)
    lprobe("causs", shipped.replacingOccurrences(of: "  - causes\n", with: "  - causs\n"))
    lprobe("dup", shipped.replacingOccurrences(of: "  - causes\n", with: "  - causes\n  - causes\n"))
    lprobe("nodisc", shipped.replacingOccurrences(of: "  - disclaimer\n", with: ""))
    lprobe("margin", shipped.replacingOccurrences(of: "top: 22", with: "top: 11.5"))
    lprobe("margin12", shipped.replacingOccurrences(of: "top: 22", with: "top: 12"))
    lprobe("size0", shipped.replacingOccurrences(of: "size: 22,", with: "size: 0,"))
    lprobe("size-", shipped.replacingOccurrences(of: "size: 22,", with: "size: -3,"))
    lprobe("colour", shipped.replacingOccurrences(of: "\"#0B4F6C\"", with: "\"#12\""))
    lprobe("body10", shipped.replacingOccurrences(of: "size: 12,", with: "size: 10,"))
    lprobe("topkey", shipped + "colors: {}\n")
    let labels = try Labels.load(path: root.appendingPathComponent("layouts/labels.yaml").path)
    print(labels.text(.pageOf, .bn, ["page": "১", "count": "২"]))
}
