import Foundation

/// A terminal's size in characters and (when the terminal reports it) pixels.
public struct TerminalSize: Equatable, Sendable {
    public var columns: Int
    public var rows: Int
    /// 0 when unknown.
    public var pixelWidth: Int
    /// 0 when unknown.
    public var pixelHeight: Int

    public init(columns: Int, rows: Int, pixelWidth: Int = 0, pixelHeight: Int = 0) {
        self.columns = columns
        self.rows = rows
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
    }

    /// The size of the terminal on `fileDescriptor` (ioctl TIOCGWINSZ), or nil when it is not a
    /// terminal or reports no size.
    public static func of(fileDescriptor: Int32) -> TerminalSize? {
        var size = winsize()
        guard ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return TerminalSize(columns: Int(size.ws_col), rows: Int(size.ws_row),
                            pixelWidth: Int(size.ws_xpixel), pixelHeight: Int(size.ws_ypixel))
    }
}

/// Where plots go when the caller did not name a file.
public enum PlotDisplay: Equatable, Sendable {
    /// Draw with the `dumb` terminal, `width` x `height` characters.
    case text(width: Int, height: Int, color: Bool)
    /// Draw with `sixelgd`, `width` x `height` pixels.
    case sixel(width: Int, height: Int)
    /// Not a terminal: save to a file (the caller picks the name).
    case file

    /// The render target for this display; nil for `.file`.
    public var target: RenderTarget? {
        switch self {
        case .text(let width, let height, let color): return .text(width: width, height: height, color: color)
        case .sixel(let width, let height): return .sixel(width: width, height: height)
        case .file: return nil
        }
    }
}

/// The rendering policy: on a terminal plots draw in it, elsewhere they go to files.
public enum TerminalPolicy {
    /// Chooses the display.
    ///
    /// - `R3_PLOT=text` (or `dumb`) draws text even when not on a terminal (logs, CI);
    ///   `R3_PLOT=file` always saves files; `R3_PLOT=sixel` draws sixel images on a terminal.
    /// - Otherwise on a terminal: sixel when `sixelAnnounced` (see `queryTerminalSixel`) or when
    ///   TERM / TERM_PROGRAM name a sixel terminal, else text; off a terminal: files.
    /// - Text is coloured only on a terminal without `NO_COLOR` (no-color.org) and TERM != dumb.
    /// - Parameters:
    ///   - isTTY: whether the output is a terminal (`isatty`).
    ///   - size: the terminal size (TIOCGWINSZ), nil when unknown (80 x 24 assumed).
    public static func display(isTTY: Bool, environment: [String: String], size: TerminalSize?,
                               sixelAnnounced: Bool = false) -> PlotDisplay {
        let request = environment["R3_PLOT"]?.lowercased() ?? ""
        let size = size ?? TerminalSize(columns: Int(environment["COLUMNS"] ?? "") ?? 80,
                                        rows: Int(environment["LINES"] ?? "") ?? 24)
        let text = textSize(for: size)
        let color = isTTY && usesColor(environment: environment)
        switch request {
        case "text", "dumb": return .text(width: text.width, height: text.height, color: color)
        case "file", "png", "svg", "none": return .file
        default: break
        }
        guard isTTY else { return .file }
        if request == "sixel" || sixelAnnounced || termAdvertisesSixel(environment) {
            let pixels = sixelSize(for: size)
            return .sixel(width: pixels.width, height: pixels.height)
        }
        return .text(width: text.width, height: text.height, color: color)
    }

    /// Whether colour escapes are welcome: NO_COLOR unset or empty, and TERM is not `dumb`.
    public static func usesColor(environment: [String: String]) -> Bool {
        (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// A text plot that fits the terminal with room for the prompt: the full width (less one
    /// column, so no terminal wraps) and at most 25 rows, about a third as tall as wide.
    public static func textSize(for size: TerminalSize) -> (width: Int, height: Int) {
        let width = max(20, min(size.columns - 1, 240))
        let height = max(8, min(size.rows - 4, 25, width / 3))
        return (width, height)
    }

    /// A sixel image two thirds the terminal's pixel width (when known), else 800 x 480.
    public static func sixelSize(for size: TerminalSize) -> (width: Int, height: Int) {
        guard size.pixelWidth >= 200 else { return (800, 480) }
        let width = min(1200, size.pixelWidth * 2 / 3)
        var height = width * 3 / 5
        if size.pixelHeight >= 160 { height = min(height, size.pixelHeight * 2 / 3) }
        return (width, max(80, height))
    }

    /// Terminals known to draw sixel, by TERM or TERM_PROGRAM.
    static func termAdvertisesSixel(_ environment: [String: String]) -> Bool {
        let term = environment["TERM"]?.lowercased() ?? ""
        let program = environment["TERM_PROGRAM"]?.lowercased() ?? ""
        return term.contains("sixel") || term.hasPrefix("mlterm") || term.hasPrefix("yaft") || term.hasPrefix("foot")
            || term.hasPrefix("contour") || ["wezterm", "mlterm", "contour"].contains(program)
    }

    /// Whether a primary device attributes reply (`ESC [ ? 62 ; 4 ; 22 c`) lists attribute 4,
    /// sixel graphics.
    public static func deviceAttributesAnnounceSixel(_ reply: String) -> Bool {
        guard let start = reply.range(of: "\u{1B}[?"), let end = reply[start.upperBound...].firstIndex(of: "c") else { return false }
        return reply[start.upperBound..<end].split(separator: ";").contains("4")
    }

    /// Asks the terminal for its primary device attributes (DA1, `ESC [ c`) and reports whether it
    /// announces sixel. `input` must be the terminal (it is put in raw mode briefly and restored);
    /// gives up after `timeout` seconds (terminals that do not answer yield false).
    public static func queryTerminalSixel(input: Int32, output: Int32, timeout: Double = 0.2) -> Bool {
        guard isatty(input) == 1 else { return false }
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else { return false }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        defer { tcsetattr(input, TCSANOW, &saved) }
        guard tcsetattr(input, TCSANOW, &raw) == 0 else { return false }
        let query = Array("\u{1B}[c".utf8)
        guard write(output, query, query.count) == query.count else { return false }
        var reply: [UInt8] = []
        let deadline = monotonicSeconds() + timeout
        while monotonicSeconds() < deadline {
            var poller = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let wait = Int32(max(1, (deadline - monotonicSeconds()) * 1000))
            guard poll(&poller, 1, wait) > 0 else { break }
            var byte: UInt8 = 0
            guard read(input, &byte, 1) == 1 else { break }
            reply.append(byte)
            if byte == UInt8(ascii: "c"), reply.contains(UInt8(ascii: "?")) { break }
        }
        return deviceAttributesAnnounceSixel(String(decoding: reply, as: UTF8.self))
    }
}

/// Seconds on a monotonic clock (for rates and throttling).
@Sendable public func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}
