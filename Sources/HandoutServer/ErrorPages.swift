// Errors as a person meets them: a browser asking for a page (Accept: text/html) gets a
// short page in the page's language that says what happened and how to go on, with the
// same status; programs (the JSON API, curl, scripts) keep the JSON error.
import Foundation
import Hummingbird

enum ErrorPages {
    /// What to tell a receptionist for each status, in English and Bangla.
    static let headlines: [Int: (en: String, bn: String)] = [
        400: ("Something in this address is not right.", "এই ঠিকানায় কিছু একটা ঠিক নেই।"),
        404: ("We could not find this page or article.", "এই পাতা বা লেখাটি খুঁজে পাওয়া যায়নি।"),
        405: ("This page cannot be opened this way.", "এই পাতাটি এভাবে খোলা যায় না।"),
        408: ("The form took too long to arrive.", "ফর্মটি আসতে অনেক দেরি হয়েছে।"),
        413: ("What was sent is too large.", "যা পাঠানো হয়েছে তা অনেক বড়।"),
        415: ("This kind of file cannot be used here.", "এই ধরনের ফাইল এখানে চলে না।"),
        503: ("Many documents are being printed right now. Please try again in a moment.",
              "এখন অনেক কাগজ প্রিন্ট হচ্ছে। একটু পরে আবার চেষ্টা করুন।"),
        504: ("This document took too long to make. Please try again.", "কাগজটি তৈরি করতে অনেক সময় লেগেছে। আবার চেষ্টা করুন।"),
    ]
    static let fallback = (en: "Something went wrong.", bn: "কিছু একটা ভুল হয়েছে।")
    static let details = (en: "Details", bn: "বিস্তারিত")
    static let tryAgain = (en: "Try again", bn: "আবার চেষ্টা করুন")

    /// A person's browser, not a program: it asks for HTML, outside the JSON API.
    static func wanted(by request: Request) -> Bool {
        !request.uri.path.hasPrefix("/api/") && (request.headers[.accept]?.contains("text/html") ?? false)
    }

    /// The error response as a page, keeping its status and its Allow and Retry-After headers.
    static func page(for response: Response, request: Request) async throws -> Response {
        let ui = UILanguage(rawValue: request.uri.queryParameters.get("ui").map { String($0) } ?? "en") ?? .en
        let pick = { (pair: (en: String, bn: String)) in ui == .bn ? pair.bn : pair.en }
        let headline = pick(headlines[response.status.code] ?? fallback)
        let message = try await self.message(of: response)
        let again = [503, 504].contains(response.status.code) && request.method == .get
            ? "<a href=\"\(Pages.escape(request.uri.description))\">\(pick(tryAgain))</a> · " : ""
        let body = """
        <h2>\(Pages.escape(headline))</h2>
        \(message.isEmpty ? "" : "<p class=\"private\">\(pick(details)): <span lang=\"en\">\(Pages.escape(message))</span></p>")
        <p>\(again)<a href="/?ui=\(ui.rawValue)">← \(Pages.word("back", ui))</a></p>
        """
        var page = Routes.html(Pages.page(title: headline, body: body, ui: ui, switchTo: "/?ui=\(ui.other.rawValue)"))
        page.status = response.status
        page.headers[.allow] = response.headers[.allow]
        page.headers[.retryAfter] = response.headers[.retryAfter]
        page.headers[.wwwAuthenticate] = response.headers[.wwwAuthenticate]
        return page
    }

    /// The message of a JSON error (`{"error":{"message":…}}`), or the plain text of another.
    static func message(of response: Response) async throws -> String {
        let collected = HTTPMannersBody.Collector()
        try await response.body.write(collected)
        let data = Data(collected.buffer.readableBytesView)
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
           let error = object["error"] as? [String: Any], let message = error["message"] as? String {
            return message
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
