/// A rectangle of cells.
struct Rect: Hashable, Sendable {
    var x = 0, y = 0, width = 0, height = 0

    func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < x + width && py >= y && py < y + height
    }

    /// The rectangle `by` cells smaller on every side (never negative).
    func inset(by n: Int) -> Rect {
        Rect(x: x + n, y: y + n, width: max(0, width - 2 * n), height: max(0, height - 2 * n))
    }
}

/// One place on screen that shows a list or a detail: its outer box and the content inside.
struct Area: Hashable, Sendable {
    var box: Rect
    var bordered: Bool
    var content: Rect { bordered ? box.inset(by: 1) : box }
}

/// Where everything goes at the current size. Both `update` (page sizes, mouse hits) and
/// `render` use it, so what a click hits is what was drawn.
///
/// - wide (100×30 and more): Sectors over Organizations on the left, News in the middle, a
///   preview of the selection on the right; an opened detail takes the middle and the right.
///   Search results take the place of the lists.
/// - narrow: one pane at a time under a tab row; a detail or the results replace it.
/// - too small (under 40×10): only a message.
struct Layout: Hashable, Sendable {
    enum Mode: Hashable, Sendable { case tooSmall, narrow, wide }

    static let minimumWidth = 40, minimumHeight = 10
    static let wideWidth = 100, wideHeight = 30

    var mode: Mode
    var topBar = Rect()
    var tabs: Rect?
    var status = Rect()
    var queryLine: Rect?
    var panes: [PaneKind: Area] = [:]
    var results: Area?
    /// The open detail, or in the wide layout the preview of the selection.
    var detail: Area?
    /// The rows lists and details get: used for paging panes that are not on screen.
    var bodyHeight = 1

    init(state: BrowserState) {
        self.init(width: state.width, height: state.height, sectorCount: state.catalog.sectors.count,
                  navigation: state.navigation, search: state.search)
    }

    init(width: Int, height: Int, sectorCount: Int, navigation: Navigation, search: SearchState?) {
        guard width >= Layout.minimumWidth, height >= Layout.minimumHeight else {
            mode = .tooSmall
            return
        }
        mode = width >= Layout.wideWidth && height >= Layout.wideHeight ? .wide : .narrow
        topBar = Rect(x: 0, y: 0, width: width, height: 1)
        status = Rect(x: 0, y: height - 1, width: width, height: 1)
        var bottom = height - 1
        if search?.isEditing == true {
            bottom -= 1
            queryLine = Rect(x: 0, y: bottom, width: width, height: 1)
        }
        if mode == .wide {
            let top = 1
            let bodyHeight = bottom - top
            let left = width / 3, middle = width / 3, right = width - left - middle
            let sectorsHeight = min(max(3, sectorCount + 2), bodyHeight / 3)
            if navigation.isDetailOpen {
                detail = Area(box: Rect(x: left, y: top, width: middle + right, height: bodyHeight), bordered: true)
            } else {
                if search == nil {
                    panes[.news] = Area(box: Rect(x: left, y: top, width: middle, height: bodyHeight), bordered: true)
                }
                detail = Area(box: Rect(x: left + middle, y: top, width: right, height: bodyHeight), bordered: true)
            }
            if search != nil {
                let resultsWidth = navigation.isDetailOpen ? left : left + middle
                results = Area(box: Rect(x: 0, y: top, width: resultsWidth, height: bodyHeight), bordered: true)
            } else {
                panes[.sectors] = Area(box: Rect(x: 0, y: top, width: left, height: sectorsHeight), bordered: true)
                panes[.organizations] = Area(box: Rect(x: 0, y: top + sectorsHeight, width: left, height: bodyHeight - sectorsHeight), bordered: true)
            }
            self.bodyHeight = max(1, bodyHeight - 2)
        } else {
            tabs = Rect(x: 0, y: 1, width: width, height: 1)
            let body = Area(box: Rect(x: 0, y: 2, width: width, height: bottom - 2), bordered: false)
            if navigation.isDetailOpen {
                detail = body
            } else if search != nil {
                results = body
            } else if case .pane(let pane) = navigation.listFocus {
                panes[pane] = body
            }
            bodyHeight = max(1, bottom - 2)
        }
    }

    /// The rows a pane's list shows (for paging, also when the pane is not on screen).
    func visibleRows(of pane: PaneKind) -> Int {
        panes[pane].map { max(1, $0.content.height) } ?? bodyHeight
    }

    /// Search results take two rows each: the title and a snippet.
    static let resultRowHeight = 2

    var visibleResults: Int {
        max(1, (results.map { $0.content.height } ?? bodyHeight) / Layout.resultRowHeight)
    }

    var detailRows: Int { detail.map { max(1, $0.content.height) } ?? bodyHeight }
    /// Blank columns either side of detail text.
    static let detailMargin = 1
    /// The columns detail text is laid out in.
    var detailWidth: Int? { detail.map { max(1, $0.content.width - 2 * Layout.detailMargin) } }
}
