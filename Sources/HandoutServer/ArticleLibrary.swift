// The articles a server offers: the YAML files directly in one folder, read again when
// they change on disk (no restart), looked up by slug (never by a path from a request).
import Diagnostics
import Foundation
import HandoutKit

final class ArticleLibrary: @unchecked Sendable {
    struct Entry: Sendable {
        var article: Article
        /// SHA-256 of the file: part of every cache key and ETag.
        var hash: String
        var modified: Date
    }

    let folder: URL
    private var bySlug: [String: Entry] = [:]
    private var files: [String: Date] = [:]
    private var problems: [Diagnostic] = []
    private var checked = Date.distantPast
    /// How often the folder is looked at again.
    let recheck: TimeInterval
    private let lock = NSLock()
    /// One reload at a time; others wait for it rather than see a half-read folder.
    private let reloading = NSLock()

    init(folder: URL, recheck: TimeInterval = 1) {
        self.folder = folder.standardizedFileURL.resolvingSymlinksInPath()
        self.recheck = recheck
        refresh()
    }

    var all: [Entry] {
        refresh()
        return lock.withLock { bySlug.values.sorted { $0.article.metadata.slug < $1.article.metadata.slug } }
    }

    func entry(_ slug: String) -> Entry? {
        refresh()
        return lock.withLock { bySlug[slug] }
    }

    /// Files that failed to load, for the server's log.
    var loadProblems: [Diagnostic] { lock.withLock { problems } }

    /// Re-reads changed files, at most once every `recheck` seconds.
    func refresh() {
        reloading.lock()
        defer { reloading.unlock() }
        let now = Date()
        let due = lock.withLock { () -> Bool in
            guard now.timeIntervalSince(checked) >= recheck else { return false }
            checked = now
            return true
        }
        guard due else { return }
        let listing = currentFiles()
        guard lock.withLock({ listing != files }) else { return }
        var entries: [String: Entry] = [:]
        var found: [Diagnostic] = []
        for (path, modified) in listing {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            do {
                let article = try ArticleLoader.load(data: data, file: path).article
                entries[article.metadata.slug] = Entry(article: article, hash: sha256Hex(data), modified: modified)
            } catch {
                found += error.diagnostics
            }
        }
        lock.withLock {
            bySlug = entries
            files = listing
            problems = found
        }
        // A file that does not load is left out: say why, where the server's operator looks.
        for problem in found { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
    }

    private func currentFiles() -> [String: Date] {
        Dictionary(ArticleFolder.files(in: folder), uniquingKeysWith: { first, _ in first })
    }
}
