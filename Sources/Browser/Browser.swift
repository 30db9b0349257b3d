import Screen

/// The Browser's two pure functions: `update` applies one input event to the state, and
/// `render` draws the state into a `Frame` of the state's size.
public enum Browser {
    public static func update(_ state: inout BrowserState, _ event: InputEvent) {
        switch event {
        case .resize(let width, let height):
            state.width = max(0, width)
            state.height = max(0, height)
        case .key(let key):
            state.message = nil
            handle(key, on: &state)
        case .mouse(let mouse):
            state.message = nil
            handle(mouse, on: &state)
        }
        normalize(&state)
    }

    public static func render(_ state: BrowserState) -> Frame {
        Renderer(state: state).rendered()
    }
}
