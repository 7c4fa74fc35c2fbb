import Foundation
import HandoutKit
let fonts = try FontLibrary(directory: URL(fileURLWithPath: "fonts"))
let shaper = PangoShaper(fonts: fonts)
let style = ParagraphStyle(size: 12, lineHeight: 1.5, spaceAfter: 8)
let texts = ["Hemifacial spasm makes the muscles on one side of the face twitch. হেমিফেসিয়াল স্প্যাজম হলো মুখের এক পাশের পেশির অনিচ্ছাকৃত খিঁচুনি।", "বিজ্ঞান চিকিৎসা কর্মী ক্ষতি র‍্যাব প্রশ্ন কার্যকর স্বাস্থ্য কৌশল ডাক্তারের পরামর্শ ছাড়া ওষুধ খাবেন না । https://www.fda.gov/files/drugs/published/Acute-Bacterial-Skin-and-Skin-Structure-Infections-Developing-Drugs-for-Treatment.pdf"]
var blocks: [Block] = texts.map { .text(StyledText([TextRun($0)], style: style)) }
blocks.append(.text(StyledText([TextRun("Bold ", bold: true), TextRun("italic ", italic: true), TextRun("বাংলা বোল্ড", bold: true)], style: style)))
let template = PageTemplate(size: Size(width: 595.28, height: 841.89), margins: Insets(all: 60), bandGap: 10, safeMargin: 34, header: { _, _ in [] }, footer: { p, n in [.text(StyledText("Page \(p) of \(n)", style: ParagraphStyle(size: 9)))] })
let result = Paginator.layout(blocks, template: template, shaper: shaper)
for d in result.diagnostics { print(d) }
let data = PDFRenderer.render(result, info: DocumentInfo(title: "t", author: "a", subject: "s", keywords: "k", creator: "c", date: "2025-04-14T00:00:00"))
try data.write(to: URL(fileURLWithPath: "/tmp/spike.pdf"))
