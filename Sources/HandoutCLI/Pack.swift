// `handout pack`: print-ready packs of many articles at once, whole or in parts made on
// several machines (`--shard K/N`) and joined with `handout pack merge`.
import ArgumentParser
import Diagnostics
import Foundation
import HandoutKit

struct Pack: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render every document of many articles, in parallel, with a combined print-ready PDF.",
        subcommands: [Make.self, Merge.self],
        defaultSubcommand: Make.self
    )
}

extension Pack {
    struct Make: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "make",
            abstract: "Render every document of many articles, in parallel, with a combined print-ready PDF (the default).",
            discussion: """
            Writes DIR/SLUG/DOC-LANG-PAPER.pdf for each combination, DIR/pack-PAPER.pdf (cover,
            contents, bookmarks, each document on a right-hand page for double-sided printing)
            and DIR/manifest.json (sha256, pages, language, paper, article and layout hashes).
            Running it again skips files whose article and layout have not changed. A bad
            article is reported and the rest are still made; the exit code is 1 if anything failed.
            With --shard K/N only part K of N is made (split by article, the same split on every
            machine) and no combined PDF; `handout pack merge` joins the N parts.
            """
        )

        @Argument(help: "Article files (YAML), or folders: a folder stands for the .yaml files directly in it.")
        var articles: [String]

        @Option(name: [.customShort("o"), .customLong("output")], help: "The pack folder.")
        var folder: String

        @Option(help: "Documents, comma-separated (default: all: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ","))).")
        var docs: String = DocumentKind.allCases.map(\.rawValue).joined(separator: ",")

        @Option(name: .customLong("lang"), help: "Languages, comma-separated.")
        var languages: String = "en,bn,en+bn"

        @Option(name: .customLong("paper"), help: "Papers, comma-separated (a4, letter).")
        var papers: String = "a4"

        @Option(help: "Renders at once (default: the number of cores).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: "Make only part K of N (K from 1 to N), for N machines; join the parts with `handout pack merge`.")
        var shard: String?

        @Option(help: "The clinic printing the pack (clinic.yaml): its name, phone and emergency number on every page.")
        var clinic: String?

        @Flag(inversion: .prefixedNo, help: "Also one print-ready pack-PAPER.pdf with every file (default); --no-combined makes only the files.")
        var combined = true

        func validate() throws {
            if let shard, PackShard(shard) == nil {
                throw ValidationError("--shard: '\(shard)' is not K/N with K from 1 to N, such as 2/4")
            }
            _ = try choices(docs, DocumentKind.self, flag: "--docs")
            _ = try choices(languages, LanguageMode.self, flag: "--lang")
            _ = try choices(papers, Paper.self, flag: "--paper")
            guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        }

        func run() throws {
            let files = ArticleFolder.expand(articles)
            guard !files.isEmpty else {
                throw ValidationError("no article files in \(articles.joined(separator: ", ")): a folder is searched for .yaml files directly inside it")
            }
            let documents = try choices(docs, DocumentKind.self, flag: "--docs")
            let modes = try choices(languages, LanguageMode.self, flag: "--lang")
            let papers = try choices(papers, Paper.self, flag: "--paper")
            let report = try Progress.running { progress in
                // A bad clinic file is reported like any other, with its line and column.
                let request = PackRequest(articles: files, documents: documents, modes: modes, papers: papers,
                                          folder: URL(fileURLWithPath: folder), workers: jobs, shard: shard.flatMap(PackShard.init),
                                          clinic: try clinic.map(ClinicFile.load(path:)), combined: combined)
                return try Packer().run(request, progress: progress)
            }
            for failure in report.failures {
                FileHandle.standardError.write(Data("failed: \(failure.subject)\n".utf8))
                for diagnostic in failure.diagnostics { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
            }
            print("\(report.written) written, \(report.skipped) skipped (unchanged), \(report.failures.count) failed; manifest: \(folder)/manifest.json")
            if !report.failures.isEmpty { throw ExitCode.failure }
        }

    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join the parts of a pack made with --shard K/N into one pack folder.",
            discussion: """
            Copies every part's files (each checked against its part's manifest), writes one
            manifest.json and the combined pack-PAPER.pdf: the same files, byte for byte, as one
            `handout pack` run. The articles are read again from the paths the parts recorded, and
            must not have changed since.
            """
        )

        @Argument(help: "The part folders, all N of them, in any order.")
        var parts: [String]

        @Option(name: [.customShort("o"), .customLong("output")], help: "The pack folder.")
        var folder: String

        @Option(help: "Layouts at once for the combined PDF (default: the number of cores).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        func validate() throws {
            guard !parts.isEmpty else { throw ValidationError("give the part folders made by `handout pack --shard K/N`") }
            guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        }

        func run() throws {
            let report = try Progress.running { progress in
                try Packer().merge(parts.map { URL(fileURLWithPath: $0) }, into: URL(fileURLWithPath: folder), workers: jobs,
                                   progress: progress)
            }
            print("\(report.written) written, \(report.skipped) skipped (unchanged); manifest: \(folder)/manifest.json")
        }
    }
}

/// A progress bar on a terminal; plain lines when the output goes to a file or a pipe.
final class Progress: @unchecked Sendable {
    let terminal: Bool
    private let lock = NSLock()

    init(terminal: Bool) {
        self.terminal = terminal
    }

    func show(_ event: PackEvent, done: Int, total: Int) {
        let what: String
        switch event {
        case let .written(file, pages): what = "wrote \(file) (\(pages) page\(pages == 1 ? "" : "s"))"
        case let .skipped(file): what = "unchanged \(file)"
        case let .failed(file, _): what = "FAILED \(file)"
        }
        lock.withLock {
            if terminal {
                let width = 30, filled = total == 0 ? width : width * done / total
                let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
                FileHandle.standardOutput.write(Data("\r\u{1B}[2K[\(bar)] \(done)/\(total) \(what)".utf8))
            } else {
                print("[\(done)/\(total)] \(what)")
            }
        }
    }

    func finish() {
        if terminal { print("") }
    }

    /// Runs `work` with progress shown on standard output; its error goes to standard error
    /// and the command fails.
    static func running(_ work: (@escaping @Sendable (PackEvent, Int, Int) -> Void) throws -> PackReport)
        throws -> PackReport {
        let progress = Progress(terminal: isatty(STDOUT_FILENO) == 1)
        do {
            let report = try work { event, done, total in progress.show(event, done: done, total: total) }
            progress.finish()
            return report
        } catch {
            progress.finish()
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
