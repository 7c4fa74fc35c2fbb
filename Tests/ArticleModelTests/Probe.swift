import Testing
import Foundation
@testable import ArticleModel
import Diagnostics

let base = """
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
    - en: Sudden weakness
      bn: হঠাৎ দুর্বলতা

"""

func probe(_ name: String, _ text: String) {
    do {
        let r = try ArticleLoader.load(data: Data(text.utf8), file: "t.yaml")
        print("=== \(name): OK warnings=\(r.warnings)")
    } catch {
        print("=== \(name):\n\(error.diagnostics.map { "\($0.description) [subject=\($0.subject ?? "-")]" }.joined(separator: "\n"))")
    }
}

@Test func probeAll() {
    probe("multi", base.replacingOccurrences(of: "title:\n  en: Hemifacial spasm\n  bn: হেমিফেসিয়াল স্প্যাজম\n", with: "") + "key_takeaways: hello\nreferences:\n  - nope\n")
    probe("causes", base + "causes:\n  items:\n    - en: a\n    - eng: b\n      bn: c\n")
    probe("map item", base + "causes:\n  items:\n    - en: {x: y}\n")
    for s in ["**bold**", "a *it* b", "a _it_ b", "**b *bi* b**", "***both***", "**bold", "a * b", "2 * 3 = 6", "*snake_case*", "a_b", "x **y", "*a **b*", "__init__", "_a **b** c_"] {
        print(s, "→", inlineRuns(s).map { "[\($0.text)|\($0.bold ? "B" : "")\($0.italic ? "I" : "")]" }.joined(), "plain:", s.plainText)
    }
}
