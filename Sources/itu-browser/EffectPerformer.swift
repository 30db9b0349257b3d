import Browser
import Terminal

/// Performs the Browser's effects on the outside world — the state store, the editor, the web
/// browser, the clipboard — and answers each with the events that tell the Browser how it went.
/// (Reloading is the run loop's own business: it owns the background work.)
struct EffectPerformer {
    let terminal: Terminal
    let storage: MarksStorage?
    let environment: [String: String]
    /// The config's `[browser] open-command`, when it has one.
    let openCommand: String?

    func perform(_ effect: BrowserEffect) -> [BrowserEvent] {
        switch effect {
        case .setRead(let item, let read):
            return write { try $0.setRead(item, read) }
        case .setStarred(let item, let starred):
            return write { try $0.setStarred(item, starred) }
        case .editNote(let item, let current):
            return editNote(item, current: current)
        case .openURL(let address):
            return open(address)
        case .copyURL(let address):
            terminal.copyToClipboard(address)
            return []
        case .reload:
            return []
        }
    }

    /// The marks as the store has them now (after a failed write, so the screen shows the truth).
    func currentMarks() -> [BrowserEvent] {
        guard let storage else { return [] }
        do {
            return [.marksChanged(try storage.allMarks())]
        } catch {
            return [.message("cannot read the state: \(SafeLine.text("\(error)"))")]
        }
    }

    private func write(_ change: (MarksStorage) throws -> Void) -> [BrowserEvent] {
        guard let storage else { return [.message("no state store is open; the change is not saved")] }
        do {
            try change(storage)
            return []
        } catch {
            return currentMarks() + [.message(SafeLine.text("\(error)"))]
        }
    }

    private func editNote(_ item: ItemReference, current: String?) -> [BrowserEvent] {
        switch NoteEditor(environment: environment).edit(current, on: terminal) {
        case .failure(let failure):
            return [.input(.resize(width: terminal.size.width, height: terminal.size.height)), .message(failure.message)]
        case .success(let note):
            let redraw = BrowserEvent.input(.resize(width: terminal.size.width, height: terminal.size.height))
            guard note != current else { return [redraw, .message("note unchanged")] }
            let written = write { try $0.setNote(item, note) }
            guard written.isEmpty else { return [redraw] + written }
            return [redraw] + currentMarks() + [.message(note == nil ? "note removed" : "note saved")]
        }
    }

    private func open(_ address: String) -> [BrowserEvent] {
        let command = WebBrowserCommand.resolve(openCommand: openCommand, environment: environment)
        let program = ExternalProgram(commandLine: command.commandLine)
        guard command.runsInTerminal else {
            if case .failure(let failure) = program.startDetached([address]) { return [.message(failure.message)] }
            return []
        }
        terminal.suspend()
        let outcome = program.runAttached([address])
        terminal.resume()
        let redraw = BrowserEvent.input(.resize(width: terminal.size.width, height: terminal.size.height))
        switch outcome {
        case .failure(let failure): return [redraw, .message(failure.message)]
        case .success(let status) where status != 0:
            return [redraw, .message("\"\(SafeLine.text(command.commandLine))\" exited with status \(status)")]
        case .success: return [redraw]
        }
    }
}
