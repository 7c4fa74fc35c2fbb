// Writes a file so that readers see the old content or the new, never half of it:
// the bytes go to a temporary file beside the target, which is then renamed over it.
import Diagnostics
import Foundation

public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(DiagnosticError) {
        let target = URL(fileURLWithPath: path)
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
        let written = data.withUnsafeBytes { buffer in writeAll(descriptor, buffer) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written, synced, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw DiagnosticError(.error("cannot write '\(path)': \(reason)",
                                         hint: "check the free disk space and that the file is not read-only"))
        }
    }

    private static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count <= 0 { return false }
            offset += count
        }
        return true
    }
}
