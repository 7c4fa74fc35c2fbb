// `POST /articles/SLUG/print`: the web form's Print button. A receptionist ticks the
// documents a patient leaves with and may type the patient's details; the answer is one
// PDF to print. The details are personal data: they come in the body (never in a URL a
// log keeps), are rendered on the library's workers but never cached nor shared with
// another request, and the answer says `Cache-Control: no-store`.
import Diagnostics
import Foundation
import HandoutKit
import Hummingbird

extension Routes {
    /// The most a print form may send: a few fields, the note the longest.
    static let printFormLimit = 16_384

    func printForPatient(_ request: Request, slug: String) async throws -> Response {
        guard Self.isSlug(slug), let entry = library.entry(slug) else { throw HTTPError(.notFound, message: "No article '\(slug)'") }
        let type = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard type == "application/x-www-form-urlencoded" else {
            throw HTTPError(.unsupportedMediaType, message: "Send the print form as application/x-www-form-urlencoded")
        }
        let limit = Self.printFormLimit
        let body = try await withTimeLimit(bodyTimeout, else: HTTPError(.requestTimeout, message: "The form did not arrive in time")) {
            var request = request
            return try await request.collectBody(upTo: limit)
        }
        let form = Self.formFields(String(buffer: body))
        let value = { (name: String) in form.last { $0.name == name }?.value }
        let documents = try form.filter { $0.name == "doc" }.map { try Self.document($0.value, of: entry.article) }
        guard let first = documents.first else { throw HTTPError(.badRequest, message: "Tick at least one document to print") }
        var options = try options(document: first, value)
        options.patient = try patient(value)
        let key = RenderKey(slug: slug, articleHash: entry.hash, options: options, bundle: documents.count > 1 ? documents : [],
                            newSheet: value("new-sheet") == "1")
        let data = try await render(key, article: entry.article, lane: .personal)
        // Named after the article and the documents, never the patient.
        let name = "\(slug)-\(documents.map(\.rawValue).joined(separator: "_"))-\(options.mode.fileName)-\(options.paper.rawValue).pdf"
        return Response(status: .ok, headers: [.contentType: "application/pdf", .cacheControl: "no-store",
                                               .contentDisposition: "inline; filename=\"\(name)\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The patient's details from the form; nil when none was typed. A field too long for its
    /// line is refused by its name and length, never echoing what was typed.
    func patient(_ value: (String) -> String?) throws -> Patient? {
        func typed(_ name: String) -> String? {
            value(name).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let patient = Patient { typed(Self.formName($0)) }
        guard !patient.isEmpty else { return nil }
        do {
            return try patient.checked()
        } catch {
            throw HTTPError(.badRequest, message: error.diagnostics.map(\.message).joined(separator: "; "))
        }
    }

    /// A patient field's name in the form: "patient-name", "next-appointment", "note" ….
    static func formName(_ field: String) -> String {
        field == "name" ? "patient-name" : field.replacingOccurrences(of: "_", with: "-")
    }

    /// `a=1&b=x+y`: each name and value, "+" read as a space and %XX decoded, in order.
    static func formFields(_ body: String) -> [(name: String, value: String)] {
        body.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = parts.first.flatMap(decode), let value = decode(parts.count > 1 ? parts[1] : "") else { return nil }
            return (name, value)
        }
    }
}
