/// The state of one load: what the files decoded to so far, the ids met, and the problems.
struct FixtureLoadSession {
    var identifiers = FixtureIdentifiers()
    var sectors: [Sector] = []
    var organizations: [Organization] = []
    var news: [NewsItem] = []
    var problems: [FixtureProblem] = []
    /// Whether reading a `news.json` records where its items lie (`newsLayout`), for an edit.
    var recordsNewsLayout = false
    /// Where the items of the last `news.json` read lie in its bytes: set when
    /// `recordsNewsLayout` and every item of its list was decoded, nil otherwise.
    var newsLayout: NewsFileLayout?

    /// How far the reader moves between two calls of `release`, unless told otherwise.
    static let defaultReleaseInterval = 8 << 20
    /// How far the reader moves between two calls of `release` (tests make it small, to reach
    /// several intervals with a small file).
    var releaseInterval = FixtureLoadSession.defaultReleaseInterval

    /// The top-level keys of the three files.
    enum RootField: String, FixtureField {
        case schemaVersion, sectors, organizations, news
        static let tables: [FixtureFile.Kind: FieldTable<RootField>] = [
            .sectors: FieldTable([.schemaVersion, .sectors]),
            .organizations: FieldTable([.schemaVersion, .organizations]),
            .news: FieldTable([.schemaVersion, .news]),
        ]
    }

    /// Decodes files given in memory, in the loader's order; a kind with no file is reported as
    /// not found.
    mutating func read(_ files: [FixtureFile]) {
        read(files, kinds: FixtureFile.Kind.allCases)
    }

    /// Decodes the files of `kinds` (in the loader's order, a subset of it) given in memory.
    mutating func read(_ files: [FixtureFile], kinds: [FixtureFile.Kind]) {
        for kind in kinds {
            let ofKind = files.filter { $0.kind == kind }
            if ofKind.isEmpty { problems.append(FixtureProblem(file: kind.fileName, message: "file not found")) }
            for file in ofKind {
                file.bytes.withUnsafeBufferPointer { read(kind: kind, name: file.name, bytes: $0) }
            }
        }
    }

    /// Decodes one file held whole in memory into the session, recording its problems; their
    /// places are worked out at the end, in one pass over the bytes, and only when there are any.
    mutating func read(kind: FixtureFile.Kind, name: String, bytes: UnsafeBufferPointer<UInt8>) {
        read(kind: kind, name: name, bytes: bytes, releasing: false, release: { _ in })
    }

    /// Decodes one file into the session, recording its problems. `release(range)` is called
    /// as the reader moves on, to say the bytes in `range` will not be read again (the places of
    /// the problems in them are worked out first).
    mutating func read(kind: FixtureFile.Kind, name: String, bytes: UnsafeBufferPointer<UInt8>,
                       release: (Range<Int>) -> Void) {
        read(kind: kind, name: name, bytes: bytes, releasing: true, release: release)
    }

    private mutating func read(kind: FixtureFile.Kind, name: String, bytes: UnsafeBufferPointer<UInt8>,
                               releasing: Bool, release: (Range<Int>) -> Void) {
        guard !bytes.isEmpty else {
            problems.append(FixtureProblem(file: name, message: "the file is empty"))
            return
        }
        if kind == .news {
            newsLayout = nil
            // A typical news item takes a kilobyte or more: a guess that spares most rehashing.
            identifiers.reserveNews(min(bytes.count / 1024, 1 << 22))
        }
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        var decoder = FixtureDecoder(reader: JSONReader(bytes: bytes, offset: hasByteOrderMark ? 3 : 0))
        let complete: Bool
        do {
            complete = try decodeRoot(kind, &decoder, releasing: releasing, release: release)
            try decoder.reader.expectEnd()
        } catch {
            // Outside strings, a byte that is not UTF-8 stops the reader at the token it spoils.
            let nearby = error.offset..<min(bytes.count, error.offset + 64)
            if let bad = UTF8Validation.firstInvalidOffset(in: bytes, range: nearby) {
                decoder.report(UTF8Validation.message(for: bytes[bad]), at: bad)
            } else {
                decoder.report(error.message, at: error.offset)
            }
            problems += decoder.located(file: name)
            return
        }
        switch kind {
        case .sectors: identifiers.sectorsComplete = complete
        case .organizations:
            identifiers.organizationsComplete = complete
            if complete { decoder.checkPartnerReferences(&identifiers) }
        case .news: break
        }
        problems += decoder.located(file: name)
    }

    /// Decodes the top-level object; returns whether the file's records can be trusted for
    /// checking references (its version is supported).
    private mutating func decodeRoot(_ kind: FixtureFile.Kind, _ decoder: inout FixtureDecoder,
                                     releasing: Bool, release: (Range<Int>) -> Void) throws(JSONSyntaxError) -> Bool {
        let table = RootField.tables[kind] ?? FieldTable()
        let start = decoder.valueOffset()
        guard try decoder.reader.peekValue() == .object else {
            let found = try decoder.reader.peekValue()
            decoder.report("expected an object with \"schemaVersion\" and \"\(kind.rawValue)\" at the top level, found \(found.phrase)", at: start)
            try decoder.reader.skipValue()
            return false
        }
        guard var scope = try decoder.beginObject() else { return false }
        var version: (text: Substring, offset: Int)?
        var versionKeySeen = false
        var listSeen = false
        while let field = try decoder.nextField(&scope, table) {
            switch field {
            case .schemaVersion:
                versionKeySeen = true
                let offset = decoder.valueOffset()
                if try decoder.expect(.number) { version = (try decoder.reader.readNumber(), offset) }
            case .sectors, .organizations, .news:
                listSeen = true
                try decodeList(kind, &decoder, releasing: releasing, release: release)
            }
        }
        if !listSeen { decoder.report("missing required field \"\(kind.rawValue)\"", at: scope.start) }
        guard versionKeySeen else {
            decoder.report("missing \"schemaVersion\" (this version reads \(FixtureLoader.schemaVersion))", at: scope.start)
            return false
        }
        guard let version else { return false }
        guard version.text == "\(FixtureLoader.schemaVersion)" else {
            // Records of another version would only give misleading problems.
            decoder.keepProblems { $0.severity == .warning && $0.path.isEmpty }
            decoder.report("schemaVersion \(JSONReader.clipped(String(version.text))) is not supported (this version reads \(FixtureLoader.schemaVersion))",
                           at: version.offset, path: "")
            return false
        }
        return true
    }

    /// Decodes a list; when `releasing`, the places of the problems met so far are worked out
    /// every `releaseInterval` bytes, and the bytes read are given to `release`.
    private mutating func decodeList(_ kind: FixtureFile.Kind, _ decoder: inout FixtureDecoder,
                                     releasing: Bool, release: (Range<Int>) -> Void) throws(JSONSyntaxError) {
        let arrayOpen = decoder.valueOffset()
        guard var scope = try decoder.beginArray() else { return }
        var layout = kind == .news && recordsNewsLayout ? NewsFileLayout(arrayOpen: arrayOpen) : nil
        // What comes before the list stays: problems found later may point there.
        let listStart = decoder.reader.offset
        var released = listStart
        while try decoder.nextElement(&scope) {
            if releasing, decoder.reader.offset - released >= releaseInterval {
                released = decoder.reader.offset
                decoder.settleLocations(before: released, keepingBefore: listStart)
                release(listStart..<released)
            }
            switch kind {
            case .sectors:
                if let sector = try decoder.sector(index: scope.index, identifiers: &identifiers) { sectors.append(sector) }
            case .organizations:
                if let organization = try decoder.organization(index: scope.index, identifiers: &identifiers) {
                    organizations.append(organization)
                }
            case .news:
                let start = decoder.valueOffset()
                let item = try decoder.newsItem(index: scope.index, identifiers: &identifiers)
                if let item { news.append(item) }
                if layout != nil { record(item, at: start..<decoder.reader.offset, of: decoder.reader.bytes, in: &layout) }
            }
        }
        layout?.arrayClose = decoder.reader.offset - 1
        if kind == .news { newsLayout = layout }
    }

    /// Adds a decoded item to the layout being recorded; an item that did not decode ends it.
    private func record(_ item: NewsItem?, at range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>,
                        in layout: inout NewsFileLayout?) {
        guard let item else {
            layout = nil
            return
        }
        do {
            try layout?.append(range, id: item.id, date: item.date.description, in: bytes)
        } catch {
            layout = nil
        }
    }

    /// The catalog when no problem is an error, and all problems. Ends the session: the news
    /// move into the catalog rather than being copied.
    mutating func result() -> FixtureLoadResult {
        let hasErrors = problems.contains { $0.severity == .error }
        identifiers = FixtureIdentifiers()
        var news: [NewsItem] = []
        swap(&news, &self.news)
        let catalog = hasErrors ? nil : Catalog(sectors: sectors, organizations: organizations, news: consume news)
        return FixtureLoadResult(catalog: catalog, problems: problems)
    }
}
