import CNcurses
import Screen
@testable import Terminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fuzzes the decoding of what a terminal sends: the input's first 4096 bytes are typed into a
/// headless terminal (keys, escape sequences, mouse reports, broken UTF-8) and every event is
/// read back through ncurses, `KeyDecoder` and `MouseReport`; each 4 bytes are also given to the pure decoder
/// as a character code and as a function-key code. Nothing may trap, and every event must
/// be one the Browser can take (a mouse event on the screen).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: min(size, 4096)))
    var offset = 0
    while offset + 4 <= bytes.count {
        let code = bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        _ = KeyDecoder.key(forCharacter: code)
        _ = KeyDecoder.key(forFunctionKey: Int32(bitPattern: code))
        _ = KeyDecoder.altCharacter(after: .character(code))
        offset += 4
    }
    terminal.feedInput(bytes)
    // Each call decodes at least one read; a few more than the bytes typed drain them all.
    for _ in 0..<(bytes.count + 4) {
        guard let event = terminal.nextEvent(timeoutMilliseconds: 0) else { continue }
        if case .mouse(let mouse) = event, !(0..<width).contains(mouse.x) || !(0..<height).contains(mouse.y) {
            fatalError("mouse event outside the \(width)x\(height) screen: \(mouse)")
        }
    }
    return 0
}

private let width = 80
private let height = 24

/// One headless terminal for every input: ncurses drives one screen at a time.
///
/// Its input pipe does not block: once the input is used up, reads find nothing, as they would
/// on a terminal that sends nothing more. The escape delay is 1 ms, since all the input is
/// there at once.
nonisolated(unsafe) private let terminal: Terminal = {
    let terminal: Terminal
    do {
        terminal = try Terminal.openHeadless(width: width, height: height)
    } catch {
        fatalError("cannot open a headless terminal: \(error)")
    }
    guard case .headless(let input, _, _) = terminal.streams else { fatalError("not a headless terminal") }
    let descriptor = fileno(input)
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    _ = set_escdelay(1)
    return terminal
}()
