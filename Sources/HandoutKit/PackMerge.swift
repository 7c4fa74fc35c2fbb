// `handout pack merge`: joins the parts of a pack made on several machines
// (`pack --shard K/N`) into one pack folder: every part's files, checked against their
// checksums, one manifest, and the combined print PDF, the same as one run would make.
import Diagnostics
import Documents
import Foundation

extension Packer {
    /// Joins `parts` (folders, each made with `--shard K/N`, all N of them) into `folder`.
    public func merge(_ parts: [URL], into folder: URL, workers: Int,
                      progress: @escaping @Sendable (PackEvent, _ done: Int, _ total: Int) -> Void)
        throws(DiagnosticError) -> PackReport {
        let manifests = try Self.readParts(parts)
        let articles = try Self.sameArticles(manifests, parts: parts)
        let entries = try Self.joinedEntries(manifests, parts: parts)
        // Everything is checked before anything is copied, so a bad part leaves the pack folder as it was.
        let clinic = try Self.sameClinic(manifests, parts: parts)
        let jobs = try Self.jobs(articles, entries: entries.map(\.entry), clinic: clinic)
        for (part, entry) in entries { _ = try Self.verified(entry, in: part) }
        var tally = Tally()
        for (done, (part, entry)) in entries.enumerated() {
            if try copy(entry, from: part, into: folder) {
                tally.written += 1
                progress(.written(entry.file, pages: entry.pages), done + 1, entries.count)
            } else {
                tally.skipped += 1
                progress(.skipped(entry.file), done + 1, entries.count)
            }
        }
        tally.entries = entries.map(\.entry)
        for paper in Paper.allCases {
            let parts = jobs.filter { $0.options.paper == paper }
            guard !parts.isEmpty else { continue }
            let pages = try combine(parts, entries: tally.entries, paper: paper, workers: workers,
                                    to: folder.appendingPathComponent("pack-\(paper.rawValue).pdf"))
            tally.written += 1
            progress(.written("pack-\(paper.rawValue).pdf", pages: pages), entries.count, entries.count)
        }
        let manifest = try writeManifest(Manifest(files: tally.entries, articles: articles, clinic: clinic?.reference), in: folder)
        return PackReport(manifest: manifest, written: tally.written, skipped: tally.skipped, failures: [])
    }

    /// Each part's manifest, after checking that the parts are 1/N … N/N, each once.
    static func readParts(_ parts: [URL]) throws(DiagnosticError) -> [Manifest] {
        var manifests: [Manifest] = []
        var shards: [PackShard] = []
        for part in parts {
            let manifest: Manifest
            do {
                manifest = try Manifest.decode(in: part)
            } catch {
                throw DiagnosticError(.error("\(part.path) has no readable \(Manifest.name)",
                                             hint: "give the folders made by `handout pack --shard K/N`"))
            }
            guard let text = manifest.shard, let shard = PackShard(text) else {
                throw DiagnosticError(.error("\(part.path) is a whole pack, not a part",
                                             hint: "merge the folders made by `handout pack --shard K/N`"))
            }
            manifests.append(manifest)
            shards.append(shard)
        }
        let count = shards.first?.count ?? 0
        let expected = (1...max(1, count)).map { "\($0)/\(count)" }
        let given = shards.map(\.description)
        guard given.sorted() == expected.sorted() else {
            let missing = expected.filter { !given.contains($0) }
            throw DiagnosticError(.error("the parts given are \(given.joined(separator: ", ")); a pack in \(count) parts needs each of \(expected.joined(separator: ", ")) once"
                                         + (missing.isEmpty ? "" : " (missing: \(missing.joined(separator: ", ")))"),
                                         hint: "give every part of the same run, each once"))
        }
        return manifests
    }

    /// The article list, which every part of one run carries whole.
    static func sameArticles(_ manifests: [Manifest], parts: [URL]) throws(DiagnosticError) -> [Manifest.Article] {
        let first = manifests.first?.articles ?? []
        for (manifest, part) in zip(manifests, parts) where manifest.articles ?? [] != first {
            throw DiagnosticError(.error("\(part.path) was made from other articles than \(parts[0].path)",
                                         hint: "make every part from the same articles, then merge"))
        }
        return first
    }

    /// The clinic profile every part was made with, read again and checked against its checksum.
    static func sameClinic(_ manifests: [Manifest], parts: [URL]) throws(DiagnosticError) -> ClinicFile? {
        let reference = manifests.first?.clinic
        for (manifest, part) in zip(manifests, parts) where manifest.clinic != reference {
            throw DiagnosticError(.error("\(part.path) was made with another clinic profile than \(parts[0].path)",
                                         hint: "make every part with the same --clinic file, then merge"))
        }
        guard let reference else { return nil }
        let clinic = try ClinicFile.load(path: reference.path)
        guard clinic.sha256 == reference.sha256 else {
            throw DiagnosticError(.error("\(reference.path) changed after the parts were made",
                                         hint: "make the parts again with the clinic profile as it is now"))
        }
        return clinic
    }

    /// Every part's files, sorted by name, each in one part only.
    static func joinedEntries(_ manifests: [Manifest], parts: [URL]) throws(DiagnosticError)
        -> [(part: URL, entry: Manifest.Entry)] {
        var owner: [String: URL] = [:]
        var joined: [(part: URL, entry: Manifest.Entry)] = []
        for (manifest, part) in zip(manifests, parts) {
            for entry in manifest.files {
                if let other = owner[entry.file] {
                    throw DiagnosticError(.error("\(entry.file) is in both \(other.path) and \(part.path)",
                                                 hint: "merge the parts of one run, made with the same N"))
                }
                owner[entry.file] = part
                joined.append((part, entry))
            }
        }
        return joined.sorted { $0.entry.file < $1.entry.file }
    }

    /// A part's file, if it is the one its manifest describes.
    static func verified(_ entry: Manifest.Entry, in part: URL) throws(DiagnosticError) -> Data {
        let source = part.appendingPathComponent(entry.file)
        guard let data = FileManager.default.contents(atPath: source.path), sha256Hex(data) == entry.sha256 else {
            throw DiagnosticError(.error("\(source.path) is missing or does not match its part's manifest",
                                         hint: "make that part again: the file was changed or damaged after it was made"))
        }
        return data
    }

    /// Copies one file (checked again: it is read again); returns false when the pack folder
    /// already holds the same bytes.
    func copy(_ entry: Manifest.Entry, from part: URL, into folder: URL) throws(DiagnosticError) -> Bool {
        let data = try Self.verified(entry, in: part)
        let target = folder.appendingPathComponent(entry.file)
        if let existing = FileManager.default.contents(atPath: target.path), existing == data { return false }
        try AtomicFile.write(data, to: target.path)
        return true
    }

    /// The combined PDF's documents in pack order, each article read again from its file
    /// (which must be the version the parts were made from).
    static func jobs(_ articles: [Manifest.Article], entries: [Manifest.Entry], clinic: ClinicFile?) throws(DiagnosticError) -> [Job] {
        let made = Set(entries.map(\.file))
        let hashes = Dictionary(entries.map { ($0.article, $0.articleHash) }, uniquingKeysWith: { first, _ in first })
        var jobs: [Job] = []
        for reference in articles {
            let article = try planned(reference.path)
            if let hash = hashes[article.slug], hash != article.hash {
                throw DiagnosticError(.error("\(reference.path) changed after the parts were made",
                                             hint: "make the parts again from the articles as they are now"))
            }
            jobs += Self.jobs(for: article, clinic: clinic) { _ in true }.filter { made.contains($0.file) }
        }
        return jobs
    }
}
