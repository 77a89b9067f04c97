import Foundation
import R3Plot

/// Draws figures on the terminal (gnuplot's `dumb` text or a sixel image) and tables as aligned
/// text; both are returned for the session to write to its output.
final class TerminalDisplay: DisplaySink {
    let display: PlotDisplay

    init(_ display: PlotDisplay) { self.display = display }

    func show(_ plotter: Plotter) throws -> String? {
        guard let rendering = try plotter.show(on: display) else { return nil }
        var text = rendering.text ?? rendering.data.map { String(decoding: $0, as: UTF8.self) + "\n" } ?? ""
        text += warningLines(rendering.warnings)
        return text
    }

    func show(_ table: Table) -> String? { table.text }
}

/// Saves each figure shown to the next numbered file, `plot-1.png`, `plot-2.png`, ... in
/// `directory`, and answers with a line naming it: `plot saved to plot-1.png (800x500)`.
/// Tables are shown as aligned text.
final class FileDisplay: DisplaySink {
    let directory: String
    let format: ImageFormat
    private var count = 0

    init(directory: String, format: ImageFormat) {
        self.directory = directory
        self.format = format
    }

    /// The path the next figure is saved to.
    var nextPath: String {
        let name = "plot-\(count + 1).\(format.rawValue)"
        return directory == "." ? name : (directory as NSString).appendingPathComponent(name)
    }

    func show(_ plotter: Plotter) throws -> String? {
        let path = nextPath
        let rendering = try plotter.savefig(path)
        count += 1
        let size = ImageFileInfo.size(ofFile: rendering.path ?? path, format: format).map { " (\($0.width)x\($0.height))" } ?? ""
        return "plot saved to \(path)\(size)\n" + warningLines(rendering.warnings)
    }

    func show(_ table: Table) -> String? { table.text }
}

/// The pixel size recorded in an image file: a PNG's IHDR chunk, an SVG's width and height
/// attributes. Nil for other formats or when the file does not say.
enum ImageFileInfo {
    static func size(ofFile path: String, format: ImageFormat) -> (width: Int, height: Int)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        switch format {
        case .png: return pngSize(head)
        case .svg: return svgSize(String(decoding: head, as: UTF8.self))
        case .pdf: return nil
        }
    }

    /// Width and height from the IHDR chunk that follows the 8-byte signature.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count == 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        func word(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }

    private static func svgSize(_ text: String) -> (width: Int, height: Int)? {
        guard let tag = text.range(of: "<svg") else { return nil }
        let rest = text[tag.upperBound...]
        func attribute(_ name: String) -> Int? {
            guard let r = rest.range(of: " \(name)=\"") else { return nil }
            let digits = rest[r.upperBound...].prefix { $0.isNumber }
            return Int(digits)
        }
        guard let w = attribute("width"), let h = attribute("height") else { return nil }
        return (w, h)
    }
}
