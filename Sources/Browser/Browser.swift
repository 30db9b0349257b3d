import Screen

/// The Browser's two pure functions: `update` applies one event to the state and returns the
/// effects the run loop is to perform, and `render` draws the state into a `Frame` of the
/// state's size.
public enum Browser {
    /// Applies terminal input; see `update(_:_:)` with a `BrowserEvent`.
    @discardableResult
    public static func update(_ state: inout BrowserState, _ event: InputEvent) -> [BrowserEffect] {
        update(&state, .input(event))
    }

    /// Applies one event and returns what the run loop is to do about it (write a mark, open an
    /// address, reload...), in order.
    @discardableResult
    public static func update(_ state: inout BrowserState, _ event: BrowserEvent) -> [BrowserEffect] {
        let openBefore = state.navigation.currentDetail?.target
        switch event {
        case .input(.resize(let width, let height)):
            state.width = max(0, width)
            state.height = max(0, height)
        case .input(.key(let key)):
            state.message = nil
            handle(key, on: &state)
        case .input(.mouse(let mouse)):
            state.message = nil
            handle(mouse, on: &state)
        case .marksChanged(let marks):
            replaceMarks(marks, on: &state)
        case .marksReadOnly(let reason):
            state.marksReadOnlyReason = reason
            state.message = readOnlyMessage(reason)
        case .openItem(let id):
            openItem(id, on: &state)
        case .message(let text):
            state.message = text
        case .searchIndexReady(let index):
            state.attachSearch(index)
        case .catalogReloaded(let reload):
            replaceCatalog(with: reload, on: &state)
        case .reloadFailed(let problem):
            state.message = problem
        }
        markOpenedNewsRead(openBefore: openBefore, on: &state)
        normalize(&state)
        defer { state.pendingEffects = [] }
        return state.pendingEffects
    }

    public static func render(_ state: BrowserState) -> Frame {
        Renderer(state: state).rendered()
    }
}
