// Writes a file so that readers see the old content or the new, never half of it:
// the bytes go to a temporary file beside the target, which is then renamed over it.
// A device (/dev/stdout, /dev/full) cannot be replaced that way: it is written in place.
import Diagnostics
import Foundation
import Rendering

public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(DiagnosticError) {
        try write(to: path) { descriptor in data.withUnsafeBytes { FileOutput.writeAll(descriptor, $0) } }
    }

    /// The same for bytes made as they are written: `produce` writes them to the open
    /// file and says whether all went well (`errno` saying why not).
    public static func write(to path: String, _ produce: (Int32) -> Bool) throws(DiagnosticError) {
        let target = try destination(of: URL(fileURLWithPath: path), shownAs: path)
        var status = stat()
        if stat(target.path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR:
                throw DiagnosticError(.error("'\(path)' is a folder", hint: "give a file name, such as '\(path)/handout.pdf'"))
            default:
                return try writeInPlace(produce, to: target.path, shownAs: path)
            }
        }
        try replace(target, with: produce, shownAs: path)
    }

    /// Renaming over a symbolic link would replace the link: follow it (even to a file
    /// not made yet) and replace what it points to.
    private static func destination(of url: URL, shownAs path: String) throws(DiagnosticError) -> URL {
        var current = url.standardizedFileURL
        for _ in 0..<40 {   // the kernel's own limit on links in a row (ELOOP)
            guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: current.path) else { return current }
            current = URL(fileURLWithPath: link, relativeTo: current.deletingLastPathComponent()).standardizedFileURL
        }
        throw DiagnosticError(.error("'\(path)' is a symbolic link that leads round in a loop",
                                     hint: "remove the link or point it at a file"))
    }

    private static func replace(_ target: URL, with produce: (Int32) -> Bool, shownAs path: String) throws(DiagnosticError) {
        let folder = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(.error("cannot create the folder '\(folder.path)'",
                                         hint: "check that the path is right and writable"))
        }
        var template = Array(folder.appendingPathComponent(".\(target.lastPathComponent).XXXXXX").path.utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else {
            throw DiagnosticError(.error("cannot write to the folder '\(folder.path)': \(String(cString: strerror(errno)))",
                                         hint: "choose a folder you can write to with -o"))
        }
        let temporary = String(cString: template)
        fchmod(descriptor, 0o644)  // mkstemp makes it private; a PDF is for sharing
        let written = produce(descriptor)
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written, synced, rename(temporary, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw writeFailed(path, reason)
        }
    }

    /// Removes the temporary files that writes to `paths` left when their process was
    /// killed before the rename (`.NAME.XXXXXX` beside each NAME): nothing else ever
    /// would. A write to the same path still in progress elsewhere would lose its file.
    public static func removeLeftovers(of paths: [String]) {
        let targets = Dictionary(grouping: paths.map { URL(fileURLWithPath: $0).standardizedFileURL },
                                 by: { $0.deletingLastPathComponent().path })
        for (folder, files) in targets {
            let names = Set(files.map(\.lastPathComponent))
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            where entry.hasPrefix(".") && entry.dropLast(6).hasSuffix(".") && names.contains(String(entry.dropFirst().dropLast(7))) {
                unlink("\(folder)/\(entry)")
            }
        }
    }

    private static func writeInPlace(_ produce: (Int32) -> Bool, to device: String, shownAs path: String) throws(DiagnosticError) {
        let descriptor = open(device, O_WRONLY)
        guard descriptor >= 0 else { throw writeFailed(path, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard produce(descriptor) else {
            throw writeFailed(path, String(cString: strerror(errno)))
        }
    }

    private static func writeFailed(_ path: String, _ reason: String) -> DiagnosticError {
        DiagnosticError(.error("cannot write '\(path)': \(reason)",
                               hint: "check the free disk space and that the file is not read-only"))
    }
}
