import SnapshotFormat

/// Turns a parsed query into units and a boolean plan over document sets.
struct QueryPlanner {
    /// The boolean structure with words and phrases replaced by unit numbers.
    indirect enum Plan {
        case unit(Int)
        case documents(DocumentSet)
        case and([Plan])
        case or([Plan])
        case not(Plan)
    }

    let data: IndexData
    let schema: IndexSchema
    /// The flags supplied with the search, which `.flag` nodes name by position.
    var flags: [QueryFlag] = []
    var units: [QueryUnit] = []
    /// Units outside any NOT: the ones that score and are highlighted.
    var positiveUnits: [Int] = []
    var problems: [QueryProblem] = []
    /// Posting entries read while resolving units (those taken from the cache read none).
    private(set) var postingsRead = 0

    init(data: IndexData, schema: IndexSchema) {
        self.data = data
        self.schema = schema
    }

    mutating func plan(_ node: QueryNode, negated: Bool = false, cache: inout UnitCache) -> Plan? {
        switch node {
        case let .word(text, field, isPrefix):
            return unitPlan(UnitKey(text: text, isPhrase: false, field: field, isPrefix: isPrefix), negated: negated, cache: &cache)
        case let .phrase(text, field):
            return unitPlan(UnitKey(text: text, isPhrase: true, field: field, isPrefix: false), negated: negated, cache: &cache)
        case let .facet(facet, value):
            return .documents(facetDocuments(facet: facet, values: [value], reportUnknown: true))
        case let .dates(bounds):
            var set = DocumentSet(capacity: data.documentCount)
            for (d, date) in data.dates.enumerated() where date != 0 && bounds.contains(Int(date)) { set.insert(d) }
            return .documents(set)
        case let .flag(index):
            guard index < flags.count else { return nil }
            return .documents(flagDocuments(flags[index]))
        case let .and(children):
            let plans = children.compactMap { plan($0, negated: negated, cache: &cache) }
            return plans.isEmpty ? nil : (plans.count == 1 ? plans[0] : .and(plans))
        case let .or(children):
            let plans = children.compactMap { plan($0, negated: negated, cache: &cache) }
            return plans.isEmpty ? nil : (plans.count == 1 ? plans[0] : .or(plans))
        case let .not(child):
            return plan(child, negated: !negated, cache: &cache).map { .not($0) }
        }
    }

    /// The documents with any of `values` for the facet.
    mutating func facetDocuments(facet: Int, values: [String], reportUnknown: Bool) -> DocumentSet {
        var set = DocumentSet(capacity: data.documentCount)
        guard facet < data.facets.count else { return set }
        let table = data.facets[facet]
        for value in values {
            let key = TextAnalyzer.foldValue(value)
            if let dense = table.documentSet(for: key) {
                if values.count == 1 { return dense }
                set.formUnion(dense)
                continue
            }
            guard let documents = table.documents(for: key) else {
                if reportUnknown { problems.append(unknownValueProblem(facet: facet, value: value)) }
                continue
            }
            for d in documents { set.insert(Int(d)) }
        }
        return set
    }

    /// The documents a flag holds now; numbers outside the index are ignored.
    mutating func flagDocuments(_ flag: QueryFlag) -> DocumentSet {
        var listed = DocumentSet(capacity: data.documentCount)
        for d in flag.documents where d >= 0 && d < data.documentCount { listed.insert(d) }
        guard let scope = flag.complementWithin else { return listed }
        var result = DocumentSet.all(capacity: data.documentCount)
        for (name, values) in scope.sorted(by: { $0.key < $1.key }) {
            guard let facet = schema.facetIndex(named: name) else {
                problems.append(QueryProblem("unknown facet \"\(name)\" in flag \(flag.name) — known: \(schema.facets.joined(separator: ", "))"))
                continue
            }
            result.formIntersection(facetDocuments(facet: facet, values: values, reportUnknown: false))
        }
        result.subtract(listed)
        return result
    }

    private func unknownValueProblem(facet: Int, value: String) -> QueryProblem {
        let name = schema.facets[facet]
        let known = data.facets[facet].spellings.sorted { $0.lowercased() < $1.lowercased() }
        guard !known.isEmpty else { return QueryProblem("no \(name) \"\(value)\" in the index (it has none)") }
        let listed = known.count <= 12 ? known.joined(separator: ", ")
            : known.prefix(12).joined(separator: ", ") + ", … (\(known.count) in all)"
        return QueryProblem("no \(name) \"\(value)\" — known: \(listed)")
    }

    private mutating func unitPlan(_ key: UnitKey, negated: Bool, cache: inout UnitCache) -> Plan? {
        let isCached = cache.units[key] != nil
        guard let unit = resolve(key, cache: &cache) else { return nil }
        if !isCached { postingsRead += postingCount(of: unit.kind) }
        units.append(unit)
        if !negated { positiveUnits.append(units.count - 1) }
        return .unit(units.count - 1)
    }

    /// The posting entries of a unit's terms: what resolving it reads at most.
    private func postingCount(of kind: QueryUnit.Kind) -> Int {
        switch kind {
        case .terms(let matcher):
            return matcher.ranges.reduce(0) { $0 + Int(data.termEntryStart[$1.upperBound] - data.termEntryStart[$1.lowerBound]) }
        case .phrase(let terms):
            return terms.reduce(0) { $0 + Int(data.termEntryStart[$1.term + 1] - data.termEntryStart[$1.term]) }
        }
    }

    // MARK: Resolving words and phrases

    func resolve(_ key: UnitKey, cache: inout UnitCache) -> QueryUnit? {
        if let cached = cache.units[key] { return cached }
        var analyzer = TextAnalyzer()
        let tokens = analyzer.tokens(key.text)
        let primary = QueryPlanner.primaryTokens(tokens)
        let kind: QueryUnit.Kind
        if !key.isPhrase, let whole = tokens.first(where: { $0.kind == .compoundWhole }),
           tokens.allSatisfy({ $0.kind == .compoundWhole || $0.kind == .compoundPart }),
           tokens.filter({ $0.kind == .compoundWhole }).count == 1 {
            kind = .terms(exactOrPrefix(whole.term, isPrefix: key.isPrefix))
        } else if primary.count == 1, let token = primary.first {
            if key.isPhrase || token.kind != .word {
                kind = .terms(exactOrPrefix(token.term, isPrefix: key.isPrefix && !key.isPhrase))
            } else {
                kind = .terms(wordMatcher(token.term, isPrefix: key.isPrefix))
            }
        } else if primary.count > 1, let first = primary.first {
            var terms: [QueryUnit.PhraseTerm] = []
            for token in primary {
                guard let id = data.dictionary.lookup(token.term.unicodeScalars.map(\.value)) else {
                    terms = []
                    break
                }
                terms.append(QueryUnit.PhraseTerm(term: id, offset: token.position - first.position))
            }
            kind = .phrase(terms)
        } else {
            return nil
        }
        let found = documents(of: kind, field: key.field, key: key, cache: cache)
        let unit = QueryUnit(kind: kind, field: key.field, documents: found.documents, phraseEntries: found.phraseEntries,
                             fieldEntries: found.fieldEntries)
        cache.store(unit, for: key)
        return unit
    }

    /// The tokens a phrase is made of: words and compound parts, CJK bigrams, and CJK single
    /// characters that no bigram covers.
    static func primaryTokens(_ tokens: [AnalyzedToken]) -> [AnalyzedToken] {
        let bigramStarts = Set(tokens.filter { $0.kind == .cjkBigram }.map(\.position))
        return tokens.filter { token in
            switch token.kind {
            case .word, .compoundPart, .cjkBigram: return true
            case .compoundWhole: return false
            case .cjkUnigram: return !bigramStarts.contains(token.position) && !bigramStarts.contains(token.position - 1)
            }
        }.sorted { $0.position < $1.position }
    }

    private func exactOrPrefix(_ term: String, isPrefix: Bool) -> TermMatcher {
        let scalars = term.unicodeScalars.map(\.value)
        if isPrefix { return TermMatcher(candidates: [(data.dictionary.prefixRange(scalars), 0)]) }
        guard let id = data.dictionary.lookup(scalars) else { return TermMatcher(candidates: []) }
        return TermMatcher(candidates: [(id..<id + 1, 0)])
    }

    /// A plain word: the word (or prefix), its stem variants, and typo corrections for words of letters.
    private func wordMatcher(_ term: String, isPrefix: Bool) -> TermMatcher {
        let scalars = term.unicodeScalars.map(\.value)
        var candidates: [(Range<Int>, Int)] = []
        if isPrefix {
            candidates.append((data.dictionary.prefixRange(scalars), 0))
        } else if let id = data.dictionary.lookup(scalars) {
            candidates.append((id..<id + 1, 0))
        }
        for id in data.dictionary.stemVariants(of: term) { candidates.append((id..<id + 1, 0)) }
        let maxTypos = TypoSearch.maxTypos(forLength: scalars.count)
        if maxTypos > 0, scalars.allSatisfy(QueryPlanner.isLetter) {
            candidates += TypoSearch.search(scalars, maxTypos: maxTypos, prefix: isPrefix, in: data.dictionary)
        }
        return TermMatcher(candidates: candidates)
    }

    /// True for a letter of any script; ASCII is answered without Unicode's property tables.
    private static func isLetter(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return (scalar | 0x20) >= 0x61 && (scalar | 0x20) <= 0x7A }
        return Unicode.Scalar(scalar)?.properties.isAlphabetic ?? false
    }

    // MARK: Documents of a unit

    /// A unit's documents and, for a phrase, its words' first entries in each of them; for a
    /// word in one field, its entries in that field (see `FieldEntries`).
    private func documents(of kind: QueryUnit.Kind, field: Int?, key: UnitKey, cache: UnitCache)
        -> (documents: DocumentSet, phraseEntries: PhraseEntries?, fieldEntries: FieldEntries?) {
        switch kind {
        case .terms(let matcher):
            if let narrowed = narrowedFromCache(matcher, key: key, cache: cache) { return (narrowed, nil, nil) }
            let walked = documents(matching: matcher, field: field)
            return (walked.documents, nil, walked.fieldEntries)
        case .phrase(let terms):
            guard !terms.isEmpty else { return (DocumentSet(capacity: data.documentCount), nil, nil) }
            let walked = phraseDocuments(terms, field: field)
            return (walked.documents, walked.entries, nil)
        }
    }

    /// Walks the postings of all the phrase's words together (each sorted by document, then
    /// field) and keeps the documents where the positions line up, with the words' first
    /// entries in each of them.
    private func phraseDocuments(_ terms: [QueryUnit.PhraseTerm], field: Int?) -> (documents: DocumentSet, entries: PhraseEntries) {
        // Plain columns (an index built here) are read through their buffers, without the
        // bounds checks and storage dispatch of each read.
        if let documents = data.entryDocument.plain, let fields = data.entryField.plain, let positions = data.positions.plain {
            return documents.withUnsafeBufferPointer { documents in
                fields.withUnsafeBufferPointer { fields in
                    positions.withUnsafeBufferPointer { phraseDocuments(terms, field: field, documents, fields, $0) }
                }
            }
        }
        return phraseDocuments(terms, field: field, data.entryDocument, data.entryField, data.positions)
    }

    private func phraseDocuments<
        Documents: RandomAccessCollection<UInt32>, Fields: RandomAccessCollection<UInt8>, Positions: RandomAccessCollection<UInt16>
    >(
        _ terms: [QueryUnit.PhraseTerm], field: Int?, _ entryDocument: Documents, _ entryField: Fields, _ allPositions: Positions
    ) -> (documents: DocumentSet, entries: PhraseEntries) where Documents.Index == Int, Fields.Index == Int, Positions.Index == Int {
        if terms.count == 2 {
            let phrase = TwoWordPhrase(entryDocument: entryDocument, entryField: entryField, allPositions: allPositions,
                                       positionStarts: data.entryPositionStart, documentCount: data.documentCount,
                                       fieldCount: data.fieldCount)
            func entries(_ term: Int) -> Range<Int> { Int(data.termEntryStart[term])..<Int(data.termEntryStart[term + 1]) }
            return phrase.documents(terms[0], terms[1], field: field, firstEntries: entries(terms[0].term),
                                    secondEntries: entries(terms[1].term))
        }
        var result = DocumentSet(capacity: data.documentCount)
        var found = PhraseEntries(wordCount: terms.count)
        guard let first = terms.first else { return (result, found) }
        let starts = terms.map { Int(data.termEntryStart[$0.term]) }
        var cursors = starts
        let ends = terms.map { Int(data.termEntryStart[$0.term + 1]) }
        let positionStarts = data.entryPositionStart
        let positionCount = allPositions.count
        func key(_ e: Int) -> Int { Int(entryDocument[e]) << 8 | Int(entryField[e]) }
        func positions(_ e: Int) -> Positions.SubSequence { allPositions[positionStarts.range(ofEntry: e, within: positionCount)] }
        entries: for e in cursors[0]..<ends[0] {
            let d = Int(entryDocument[e])
            let f = Int(entryField[e])
            if let field, field != f { continue }
            if result.contains(d) { continue }
            let target = d << 8 | f
            for k in 1..<terms.count {
                while cursors[k] < ends[k] && key(cursors[k]) < target { cursors[k] += 1 }
                guard cursors[k] < ends[k], key(cursors[k]) == target else { continue entries }
            }
            for p in positions(e) where PhraseMatcher.holds(terms, at: Int(p) - first.offset, { positions(cursors[$0]) }) {
                result.insert(d)
                found.append(document: d, firstEntries: terms.indices.lazy.map { k in
                    PhraseEntries.firstOfDocument(k == 0 ? e : cursors[k], from: starts[k], entryDocument)
                })
                continue entries
            }
        }
        return (result, found)
    }

    /// The documents holding a term of `matcher` (in `field` when given) and, in a field, the
    /// terms' entries there (nil past `FieldEntries.capacity`).
    func documents(matching matcher: TermMatcher, field: Int?) -> (documents: DocumentSet, fieldEntries: FieldEntries?) {
        // Plain columns (an index built here) are read through their buffers, without the
        // bounds checks of each read; a field's entries are found eight at a time.
        if let documents = data.entryDocument.plain, let fields = data.entryField.plain {
            return documents.withUnsafeBufferPointer { entryDocument in
                guard let field else { return (self.documents(matching: matcher, entryDocument), nil) }
                return fields.withUnsafeBufferPointer { fields in
                    self.documents(matching: matcher, field: field, entryDocument,
                                   hint: { CacheHint.load(entryDocument, $0) }) { range, body in
                        FieldEntries.forEach(in: fields, range: range, field: UInt8(field), body)
                    }
                }
            }
        }
        guard let field else { return (documents(matching: matcher, data.entryDocument), nil) }
        let entryField = data.entryField
        return documents(matching: matcher, field: field, data.entryDocument, hint: { _ in }) { range, body in
            for e in range where entryField[e] == UInt8(field) { body(e) }
        }
    }

    /// The documents of every entry of `matcher`'s terms.
    private func documents<Documents: RandomAccessCollection<UInt32>>(
        matching matcher: TermMatcher, _ entryDocument: Documents
    ) -> DocumentSet where Documents.Index == Int {
        var set = DocumentSet(capacity: data.documentCount)
        let termEntryStart = data.termEntryStart
        set.insertAll { insert in
            for range in matcher.ranges {
                for e in Int(termEntryStart[range.lowerBound])..<Int(termEntryStart[range.upperBound]) {
                    insert(Int(entryDocument[e]))
                }
            }
        }
        return set
    }

    /// The documents of the entries of `matcher`'s terms in `field`, which `forEachInField`
    /// finds among a range of entries, and those entries with their documents (see
    /// `FieldEntries`). `hint` asks for the cache line of an entry's document (see `CacheHint`).
    private func documents<Documents: RandomAccessCollection<UInt32>>(
        matching matcher: TermMatcher, field: Int, _ entryDocument: Documents, hint: (Int) -> Void,
        forEachInField: (Range<Int>, (Int) -> Void) -> Void
    ) -> (documents: DocumentSet, fieldEntries: FieldEntries?) where Documents.Index == Int {
        let termEntryStart = data.termEntryStart
        // First the entries in the field, from the field column alone, in one pass: into an
        // array a sixteenth of the entries long to start with (a word is in a field in few of
        // the entries that hold it), grown as needed.
        let ranges = matcher.ranges.map { Int(termEntryStart[$0.lowerBound])..<Int(termEntryStart[$0.upperBound]) }
        var entries: [UInt32] = []
        entries.reserveCapacity(max(64, ranges.reduce(0) { $0 + $1.count } / 16))
        for range in ranges { forEachInField(range) { entries.append(UInt32(truncatingIfNeeded: $0)) } }
        // Then their documents. The entries lie apart in the document column, so each read may
        // be a trip to memory: the reads of a few entries on are asked for first.
        var set = DocumentSet(capacity: data.documentCount)
        func readDocuments(into kept: UnsafeMutableBufferPointer<UInt32>?) {
            entries.withUnsafeBufferPointer { entries in
                set.insertAll { insert in
                    for i in entries.indices {
                        if i + CacheHint.distance < entries.count { hint(Int(entries[i + CacheHint.distance])) }
                        let d = entryDocument[Int(entries[i])]
                        kept?[i] = d
                        insert(Int(d))
                    }
                }
            }
        }
        guard entries.count <= FieldEntries.capacity else {
            readDocuments(into: nil)
            return (set, nil)
        }
        let documents = [UInt32](unsafeUninitializedCapacity: max(1, entries.count)) { buffer, initialized in
            readDocuments(into: buffer)
            initialized = entries.count
        }
        return (set, FieldEntries.keeping(field: field, entries: entries, documents: documents))
    }

    /// While a word is typed, its matcher only shrinks: when a cached unit for an earlier
    /// prefix of the same word matches a superset of the terms and holds fewer documents than
    /// the new terms have postings, filter those documents instead of reading the postings.
    private func narrowedFromCache(_ matcher: TermMatcher, key: UnitKey, cache: UnitCache) -> DocumentSet? {
        guard key.field == nil, !key.isPhrase else { return nil }
        var best: QueryUnit? = nil
        var bestLength = 0
        for (cachedKey, unit) in cache.units where cachedKey.isPrefix && !cachedKey.isPhrase && cachedKey.field == nil
            && cachedKey.text.count > bestLength && key.text.hasPrefix(cachedKey.text) {
            guard case .terms(let old) = unit.kind, matcher.isSubset(of: old) else { continue }
            best = unit
            bestLength = cachedKey.text.count
        }
        guard let best else { return nil }
        let postings = matcher.ranges.reduce(0) {
            $0 + Int(data.termEntryStart[$1.upperBound] - data.termEntryStart[$1.lowerBound])
        }
        let candidates = best.documents
        guard candidates.count * cache.narrowingRatio < postings else { return nil }
        var set = DocumentSet(capacity: data.documentCount)
        data.forwardTerm.withUnsafeBufferPointer { forwardTerm in
            candidates.forEach { d in
                let held = SortedTerms(forwardTerm, slots: Int(data.forwardStart[d])..<Int(data.forwardStart[d + 1]))
                if matcher.matchesAny(of: held) { set.insert(d) }
            }
        }
        return set
    }
}

/// Checks where a phrase's words follow each other, from the stored positions.
struct PhraseMatcher {
    let data: IndexData

    /// The first posting entry of (term, document), found in the document's forward list.
    func firstEntry(term: Int, document d: Int) -> Int? {
        var low = Int(data.forwardStart[d]), high = Int(data.forwardStart[d + 1])
        while low < high {
            let mid = (low + high) / 2
            if Int(data.forwardTerm[mid]) < term { low = mid + 1 } else { high = mid }
        }
        guard low < Int(data.forwardStart[d + 1]), Int(data.forwardTerm[low]) == term else { return nil }
        return data.firstEntry(term: term, document: d, forwardSlot: low)
    }

    /// The field and start position of each occurrence of the phrase in document `d`; the
    /// words' first entries there are taken from `known` when it holds them.
    func occurrences(_ terms: [QueryUnit.PhraseTerm], in d: Int, field: Int?, known: PhraseEntries? = nil) -> [(field: Int, start: Int)] {
        // The positions of an index built here are read through their buffer, without taking
        // a copy of the column (and a reference count) for every list of positions.
        if let positions = data.positions.plain {
            return positions.withUnsafeBufferPointer { occurrences(terms, in: d, field: field, known: known, allPositions: $0) }
        }
        return occurrences(terms, in: d, field: field, known: known, allPositions: data.positions)
    }

    private func occurrences<Positions: RandomAccessCollection<UInt16>>(
        _ terms: [QueryUnit.PhraseTerm], in d: Int, field: Int?, known: PhraseEntries?, allPositions: Positions
    ) -> [(field: Int, start: Int)] where Positions.Index == Int {
        guard !terms.isEmpty else { return [] }
        // Each word's first entry in `d`, and the range of `allPositions` holding its positions
        // in the field being read: a few words, so on the stack, not from the allocator.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: terms.count) { firstEntries in
            withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: terms.count) { lists in
                for (k, term) in terms.enumerated() {
                    guard let entry = known?.firstEntry(word: k, document: d) ?? firstEntry(term: term.term, document: d) else {
                        return []
                    }
                    firstEntries.initializeElement(at: k, to: entry)
                }
                lists.initialize(repeating: 0..<0)
                return occurrences(terms, in: d, field: field, firstEntries: UnsafeBufferPointer(firstEntries), lists: lists,
                                   allPositions: allPositions)
            }
        }
    }

    /// `occurrences` with each word's first entry in `d` found (`firstEntries`), and `lists`
    /// (as many as the words) to work in.
    private func occurrences<Positions: RandomAccessCollection<UInt16>>(
        _ terms: [QueryUnit.PhraseTerm], in d: Int, field: Int?, firstEntries: UnsafeBufferPointer<Int>,
        lists: UnsafeMutableBufferPointer<Range<Int>>, allPositions: Positions
    ) -> [(field: Int, start: Int)] where Positions.Index == Int {
        guard let first = terms.first else { return [] }
        let positionStarts = data.entryPositionStart
        let positionCount = allPositions.count
        var found: [(field: Int, start: Int)] = []
        var e = firstEntries[0]
        let end = Int(data.termEntryStart[first.term + 1])
        entries: while e < end && Int(data.entryDocument[e]) == d {
            let f = Int(data.entryField[e])
            lists[0] = positionStarts.range(ofEntry: e, within: positionCount)
            e += 1
            if let field, field != f { continue }
            // The positions of every other phrase word in the same field.
            for (k, term) in terms.enumerated().dropFirst() {
                var other = firstEntries[k]
                let otherEnd = Int(data.termEntryStart[term.term + 1])
                while other < otherEnd && Int(data.entryDocument[other]) == d && Int(data.entryField[other]) != f { other += 1 }
                guard other < otherEnd && Int(data.entryDocument[other]) == d else { continue entries }
                lists[k] = positionStarts.range(ofEntry: other, within: positionCount)
            }
            for p in allPositions[lists[0]] where PhraseMatcher.holds(terms, at: Int(p) - first.offset, { allPositions[lists[$0]] }) {
                found.append((f, Int(p) - first.offset))
            }
        }
        return found
    }

    /// Stored positions saturate here (see `IndexData.positions`): past it, the words of a long
    /// field all share this one position and would seem adjacent.
    static let saturatedPosition = Int(UInt16.max)

    /// True when the phrase starting at `start` holds: word `k` (from 1) at `start + offset`
    /// in `positions(k)` (offsets ascend, so the last word is the furthest). Never true when a
    /// word would lie at or past the saturated position, so a long field gives no false phrase
    /// match there.
    static func holds<List: RandomAccessCollection<UInt16>>(
        _ terms: [QueryUnit.PhraseTerm], at start: Int, _ positions: (Int) -> List
    ) -> Bool where List.Index == Int {
        guard start >= 0, start + (terms.last?.offset ?? 0) < saturatedPosition else { return false }
        for k in 1..<terms.count where !contains(positions(k), UInt16(start + terms[k].offset)) { return false }
        return true
    }

    /// Whether the sorted `list` holds `value`.
    static func contains<List: RandomAccessCollection<UInt16>>(_ list: List, _ value: UInt16) -> Bool where List.Index == Int {
        let low = lowerBound(of: value, in: list)
        return low < list.endIndex && list[low] == value
    }

    /// The index of the first element of the sorted `list` not below `value` (its end if none).
    static func lowerBound<List: RandomAccessCollection<UInt16>>(of value: UInt16, in list: List) -> Int where List.Index == Int {
        var low = list.startIndex, high = list.endIndex
        while low < high {
            let mid = (low + high) / 2
            if list[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The fields of document `d` (only `field`, when given) that hold every word of the
    /// phrase, whether or not in order.
    func fieldsHoldingEveryWord(of terms: [QueryUnit.PhraseTerm], in d: Int, field: Int?) -> [Int] {
        var common: Set<Int>? = nil
        for term in terms {
            var fields = Set<Int>()
            if let entry = firstEntry(term: term.term, document: d) {
                var e = entry
                let end = Int(data.termEntryStart[term.term + 1])
                while e < end && Int(data.entryDocument[e]) == d {
                    fields.insert(Int(data.entryField[e]))
                    e += 1
                }
            }
            common = common.map { $0.intersection(fields) } ?? fields
        }
        return (common ?? []).filter { field == nil || $0 == field }.sorted()
    }
}
