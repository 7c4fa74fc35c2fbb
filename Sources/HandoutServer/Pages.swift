// The web page for clinics and families: find an article, choose the document, language,
// paper and print size, then open or download the PDF. Plain HTML forms, no JavaScript,
// in English or Bangla.
import Foundation
import HandoutKit
import Hummingbird

/// The page's own language, from `?ui=bn` (English otherwise).
enum UILanguage: String {
    case en, bn

    init(_ request: Request) throws {
        let value = request.uri.queryParameters.get("ui").map { String($0) } ?? "en"
        guard let language = UILanguage(rawValue: value) else { throw HTTPError(.badRequest, message: "ui must be en or bn") }
        self = language
    }

    var other: UILanguage { self == .en ? .bn : .en }

    /// A number in this language's digits.
    func digits(_ number: Int) -> String { (self == .bn ? Language.bn : Language.en).digits(number) }
}

enum Pages {
    /// The page's fixed words, in English and Bangla.
    static let words: [String: (en: String, bn: String)] = [
        "heading": ("Patient handouts to print", "প্রিন্ট করার জন্য রোগীর তথ্যপত্র"),
        "search": ("Find a condition", "রোগের নাম খুঁজুন"),
        "go": ("Search", "খুঁজুন"),
        "none": ("No article matches.", "মিলে যায় এমন কোনো লেখা নেই।"),
        "switch": ("বাংলায় দেখুন", "View in English"),
        "document": ("Document", "কী প্রিন্ট করবেন"),
        "language": ("Language", "ভাষা"),
        "paper": ("Paper", "কাগজের মাপ"),
        "large": ("Large print", "বড় অক্ষরে"),
        "fillable": ("Fill in on a phone (checklist and diaries)", "ফোনে পূরণ করা যাবে (চেকলিস্ট ও ডায়েরি)"),
        "open": ("Open PDF", "পিডিএফ খুলুন"),
        "download": ("Download", "ডাউনলোড"),
        "back": ("All articles", "সব লেখা"),
        "reviewed": ("Last reviewed", "সর্বশেষ যাচাই"),
        "notGiven": ("not given", "দেওয়া নেই"),
        "banglaComplete": ("Bangla complete", "বাংলা সম্পূর্ণ"),
        "banglaPending": ("Bangla: {n} texts to translate or review", "বাংলা: {n}টি লেখা অনুবাদ বা যাচাই বাকি"),
        "preview": ("First page of the handout", "তথ্যপত্রের প্রথম পাতা"),
        "handout": ("Patient handout", "রোগীর তথ্যপত্র"),
        "checklist": ("Doctor visit checklist", "ডাক্তার দেখানোর চেকলিস্ট"),
        "diary-week": ("Symptom diary: one week", "লক্ষণের ডায়েরি: এক সপ্তাহ"),
        "diary-month": ("Symptom diary: one month", "লক্ষণের ডায়েরি: এক মাস"),
        "summary": ("One-page summary", "এক পাতায় সারকথা"),
        "roadmap": ("Care roadmap", "চিকিৎসার ধাপ"),
        "card": ("Wallet warning card", "পকেটে রাখার সতর্কতা কার্ড"),
        "treatment-planner": ("Treatment planner", "চিকিৎসা পরিকল্পনা"),
        "health-record": ("My health record", "আমার স্বাস্থ্যের রেকর্ড"),
        "caregiver": ("Family and caregiver sheet", "পরিবার ও সেবাদানকারীর পাতা"),
        "prevention": ("Prevention guide", "প্রতিরোধ নির্দেশিকা"),
        "recovery": ("Recovery guide", "সেরে ওঠার নির্দেশিকা"),
        "nutrition": ("Food and nutrition guide", "খাবার ও পুষ্টি নির্দেশিকা"),
        "en": ("English", "ইংরেজি"),
        "bn": ("Bangla", "বাংলা"),
        "en+bn": ("English and Bangla side by side", "ইংরেজি ও বাংলা পাশাপাশি"),
        "a4": ("A4", "A4"),
        "letter": ("US Letter", "ইউএস লেটার"),
        "printFor": ("Print for a patient", "রোগীর জন্য প্রিন্ট করুন"),
        "printWhat": ("Documents to print together", "একসাথে যা প্রিন্ট হবে"),
        "name": ("Patient's name", "রোগীর নাম"),
        "age": ("Age", "বয়স"),
        "date": ("Date", "তারিখ"),
        "clinician": ("Clinician", "চিকিৎসক"),
        "next_appointment": ("Next appointment", "আবার দেখানোর তারিখ"),
        "note": ("Note for the patient", "রোগীর জন্য পরামর্শ"),
        "newSheet": ("Each document on its own sheets (two-sided printing)", "প্রতিটি কাগজ নতুন পাতা থেকে শুরু (দুই পিঠে প্রিন্ট করলে)"),
        "private": ("The patient's details are printed on the paper only; they are not saved.",
                    "রোগীর তথ্য শুধু কাগজে ছাপা হয়; কোথাও সংরক্ষণ করা হয় না।"),
        "print": ("Print", "প্রিন্ট করুন"),
        "previewButton": ("Preview", "আগে দেখে নিন"),
        "pagesSheets": ("{pages} pages: {sheets} sheets of paper printed on both sides",
                        "{pages} পাতা: দুই পিঠে ছাপলে {sheets}টি কাগজ"),
        "pagesOneSheet": ("{pages} pages: one sheet of paper printed on both sides", "{pages} পাতা: দুই পিঠে ছাপলে একটি কাগজ"),
        "onePage": ("1 page", "১ পাতা"),
    ]

    static func word(_ key: String, _ ui: UILanguage) -> String {
        guard let pair = words[key] else { return key }
        return ui == .en ? pair.en : pair.bn
    }

    static func index(_ articles: [ArticleLibrary.Entry], query: String, ui: UILanguage) -> String {
        let items = articles.map { entry in
            let article = entry.article
            let link = "/articles/\(article.metadata.slug)?ui=\(ui.rawValue)"
            // The link is the title in the page's language; the other language's title beside it.
            let (linked, beside): (String, String?) = ui == .bn && article.title.bn != nil
                ? ("<span lang=\"bn\">\(escape(article.title.bn!))</span>", "<span lang=\"en\">\(escape(article.title.en))</span>")
                : (escape(article.title.en), article.title.bn.map { "<span lang=\"bn\">\(escape($0))</span>" })
            // Whether the Bangla is complete and current (translation status), at a glance.
            let left = entry.bangla.left
            let state = left == 0 ? word("banglaComplete", ui) : word("banglaPending", ui).replacingOccurrences(of: "{n}", with: ui.digits(left))
            return "<li><a href=\"\(link)\">\(linked)</a>\(beside.map { " \($0)" } ?? "") <small class=\"state\">\(state)</small></li>"
        }.joined(separator: "\n")
        let body = """
        <form method="get" action="/" role="search">
          <label for="q">\(word("search", ui))</label>
          <input id="q" name="q" type="search" value="\(escape(query))">
          <input type="hidden" name="ui" value="\(ui.rawValue)">
          <button type="submit">\(word("go", ui))</button>
        </form>
        \(articles.isEmpty ? "<p>\(word("none", ui))</p>" : "<ul class=\"articles\">\n\(items)\n</ul>")
        """
        return page(title: word("heading", ui), body: body, ui: ui, switchTo: "/?ui=\(ui.other.rawValue)")
    }

    static func article(_ article: Article, ui: UILanguage, labels: Labels?, chosen: RenderOptions, pages: Int?) -> String {
        let slug = article.metadata.slug
        let made = DocumentKind.made(from: article)
        func options(_ name: String, _ values: [String], selected: String) -> String {
            let choices = values.map { value in
                "<option value=\"\(value)\"\(value == selected ? " selected" : "")>\(word(value, ui))</option>"
            }.joined()
            return "<label>\(word(name, ui)) <select name=\"\(name == "document" ? "doc" : name == "language" ? "lang" : name)\">\(choices)</select></label>"
        }
        let title = ui == .bn ? (article.title.bn ?? article.title.en) : article.title.en
        let body = """
        <p><a href="/?ui=\(ui.rawValue)">← \(word("back", ui))</a></p>
        <h2 lang="\(ui.rawValue)">\(escape(title))</h2>
        <p>\(word("reviewed", ui)): \(reviewed(article, ui: ui, labels: labels))</p>
        <div class="choose">
          <figure>
            <img src="\(previewAddress(slug, chosen))" alt="\(word("preview", ui)): \(word(chosen.document.rawValue, ui))" width="240">
            \(pages.map { "<figcaption>\(count($0, ui))</figcaption>" } ?? "")
          </figure>
          <form method="get" action="/articles/\(slug)/document">
            <input type="hidden" name="ui" value="\(ui.rawValue)">
            \(options("document", made.map(\.rawValue), selected: chosen.document.rawValue))
            \(options("language", LanguageMode.allCases.map(\.rawValue), selected: chosen.mode.rawValue))
            \(options("paper", Paper.allCases.map(\.rawValue), selected: chosen.paper.rawValue))
            <label><input type="checkbox" name="large-print" value="1"\(chosen.largePrint ? " checked" : "")> \(word("large", ui))</label>
            <label><input type="checkbox" name="fillable" value="1"\(chosen.fillable ? " checked" : "")> \(word("fillable", ui))</label>
            <button type="submit" name="preview" value="1">\(word("previewButton", ui))</button>
            <button type="submit" name="download" value="0">\(word("open", ui))</button>
            <button type="submit" name="download" value="1">\(word("download", ui))</button>
          </form>
        </div>
        \(printForm(slug: slug, documents: made, ui: ui, options: options))
        """
        return page(title: title, body: body, ui: ui, switchTo: "/articles/\(slug)?ui=\(ui.other.rawValue)")
    }

    /// Page 1 of the chosen document, as a picture.
    static func previewAddress(_ slug: String, _ chosen: RenderOptions) -> String {
        let lang = chosen.mode.rawValue.replacingOccurrences(of: "+", with: "%2B")
        return "/articles/\(slug)/\(chosen.document.rawValue).png?page=1&amp;lang=\(lang)&amp;paper=\(chosen.paper.rawValue)&amp;large-print=\(chosen.largePrint ? 1 : 0)"
    }

    /// "12 pages, 6 sheets printed on both sides", in the page's language and digits.
    static func count(_ pages: Int, _ ui: UILanguage) -> String {
        let sheets = (pages + 1) / 2
        guard pages > 1 else { return word("onePage", ui) }
        return word(sheets == 1 ? "pagesOneSheet" : "pagesSheets", ui).replacingOccurrences(of: "{pages}", with: ui.digits(pages))
            .replacingOccurrences(of: "{sheets}", with: ui.digits(sheets))
    }

    /// The review date as the documents print it: "20 November 2026", "২০ নভেম্বর ২০২৬".
    static func reviewed(_ article: Article, ui: UILanguage, labels: Labels?) -> String {
        guard let date = article.metadata.lastReviewed else { return word("notGiven", ui) }
        return labels?.date(date, in: ui == .bn ? .bn : .en) ?? "\(date)"
    }

    /// One patient's papers in one PDF, with the details typed in: posted (never in a URL),
    /// opened in a new tab ready to print.
    static func printForm(slug: String, documents: [DocumentKind], ui: UILanguage, options: (String, [String], String) -> String) -> String {
        let ticks = documents.map { document in
            let ticked = [DocumentKind.handout, .checklist, .diaryWeek].contains(document) ? " checked" : ""
            return "<label><input type=\"checkbox\" name=\"doc\" value=\"\(document.rawValue)\"\(ticked)> \(word(document.rawValue, ui))</label>"
        }.joined(separator: "\n      ")
        let fields = Patient.limits.filter { $0.field != "note" }.map { field, limit in
            "<label>\(word(field, ui)) <input name=\"\(Routes.formName(field))\" maxlength=\"\(limit)\" autocomplete=\"off\"></label>"
        }.joined(separator: "\n    ")
        let noteLimit = Patient.limits.first { $0.field == "note" }?.limit ?? 300
        return """
        <form class="print" method="post" action="/articles/\(slug)/print" target="_blank">
          <h3>\(word("printFor", ui))</h3>
          <fieldset><legend>\(word("printWhat", ui))</legend>
              \(ticks)
          </fieldset>
          \(options("language", LanguageMode.allCases.map(\.rawValue), ui == .bn ? "bn" : "en+bn"))
          \(options("paper", Paper.allCases.map(\.rawValue), "a4"))
          <label><input type="checkbox" name="large-print" value="1"> \(word("large", ui))</label>
          <label><input type="checkbox" name="new-sheet" value="1"> \(word("newSheet", ui))</label>
          \(fields)
          <label>\(word("note", ui)) <textarea name="note" maxlength="\(noteLimit)" rows="3"></textarea></label>
          <p class="private">\(word("private", ui))</p>
          <button type="submit">\(word("print", ui))</button>
        </form>
        """
    }

    static func page(title: String, body: String, ui: UILanguage, switchTo: String) -> String {
        """
        <!doctype html>
        <html lang="\(ui.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · Handout</title>
        <link rel="stylesheet" href="/style.css">
        </head>
        <body>
        <header><h1>\(word("heading", ui))</h1><a class="switch" href="\(switchTo)">\(word("switch", ui))</a></header>
        <main>
        \(body)
        </main>
        </body>
        </html>
        """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The Bangla fonts the page brings with it (the same as the PDFs use).
    static let webFontFiles = ["NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf"]

    static let css = """
    @font-face { font-family: "Handout Bangla"; src: url("/fonts/NotoSansBengali-Regular.ttf") format("truetype");
                 font-weight: 400; unicode-range: U+0964-0965, U+0980-09FF, U+200C-200D, U+25CC; }
    @font-face { font-family: "Handout Bangla"; src: url("/fonts/NotoSansBengali-Bold.ttf") format("truetype");
                 font-weight: 700; unicode-range: U+0964-0965, U+0980-09FF, U+200C-200D, U+25CC; }
    body { font-family: "Handout Bangla", "Noto Sans", "Noto Sans Bengali", sans-serif; margin: 0; color: #1a1a1a; line-height: 1.5; }
    header { background: #0b4f6c; color: white; padding: 0.8rem 1rem; display: flex; flex-wrap: wrap;
             justify-content: space-between; align-items: center; }
    header h1 { font-size: 1.3rem; margin: 0; }
    header a { color: white; }
    main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
    form { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: center; }
    input, select, button, textarea { font: inherit; font-size: 1rem; padding: 0.45rem; }
    button { background: #0b4f6c; color: white; border: 0; border-radius: 4px; }
    .articles li { margin: 0.5rem 0; font-size: 1.1rem; }
    .choose { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
    .choose form { flex-direction: column; align-items: stretch; flex: 1; min-width: 14rem; }
    .choose img { border: 1px solid #8fa3b0; max-width: 100%; height: auto; }
    .choose figure { margin: 0; }
    .choose figcaption { font-size: 0.9rem; color: #4d4d4d; max-width: 240px; }
    form.print { flex-direction: column; align-items: stretch; margin-top: 1.5rem; padding: 1rem; border: 1px solid #8fa3b0; }
    form.print h3 { margin: 0; }
    form.print fieldset { display: flex; flex-direction: column; gap: 0.3rem; border: 0; padding: 0; }
    form.print label { display: flex; flex-direction: column; gap: 0.2rem; }
    form.print label:has(input[type=checkbox]) { flex-direction: row; align-items: center; }
    .private { font-size: 0.9rem; color: #4d4d4d; margin: 0; }
    """
}
