/// Runs one search: parse, resolve words, evaluate the boolean plan, rank, highlight.
///
/// `SearchIndex.search` runs it with an empty `UnitCache`; `SearchSession` keeps the cache
/// between keystrokes. The cache only ever holds what a fresh resolution would compute, so
/// both give identical results.
struct Searcher {
    let index: SearchIndex

    func run(_ query: String, options: SearchOptions, cache: inout UnitCache) -> SearchResults {
        let data = index.data
        let schema = index.schema
        var parser = QueryParser(schema: schema)
        parser.lastWordIsPrefix = options.lastWordIsPrefix
        parser.flagNames = options.flags.map(\.name)
        let parsed = parser.parse(query)
        var planner = QueryPlanner(data: data, schema: schema)
        planner.flags = options.flags
        var plan = parsed.root.flatMap { planner.plan($0, cache: &cache) }
        if plan == nil && parsed.root == nil && parsed.sortByDate {
            // `sort:date` alone lists everything, newest first.
            plan = .documents(DocumentSet.all(capacity: data.documentCount))
        }
        var problems = parsed.problems

        var filter: DocumentSet? = nil
        for (name, values) in options.filters.sorted(by: { $0.key < $1.key }) {
            guard let facet = schema.facetIndex(named: name) else {
                problems.append(QueryProblem("unknown facet \"\(name)\" in filters — known: \(schema.facets.joined(separator: ", "))"))
                continue
            }
            let set = planner.facetDocuments(facet: facet, values: values, reportUnknown: false)
            if filter == nil { filter = set } else { filter?.formIntersection(set) }
        }
        problems += planner.problems
        var trace = SearchTrace()
        trace.units = planner.units.count
        trace.postingsRead = planner.postingsRead
        guard let plan else {
            var results = SearchResults(problems: problems)
            results.trace = trace
            return results
        }

        var candidates = evaluate(plan, units: planner.units, documentCount: data.documentCount)
        if let filter { candidates.formIntersection(filter) }
        var isPartial = false
        if candidates.isEmpty, let partial = partialMatches(plan, units: planner.units, filter: filter, documentCount: data.documentCount) {
            candidates = partial
            isPartial = true
        }

        let weights = schema.fields.map(\.effectiveWeight)
        let ranker = Ranker(data: data, weights: weights, units: planner.units, positiveUnits: planner.positiveUnits)
        let limit = max(0, min(options.limit, data.documentCount))
        let top = ranker.top(candidates, limit: limit, byDate: parsed.sortByDate, exhaustive: options.exhaustiveRanking,
                             trace: &trace)
        let hitDocuments = top.ranked.map(\.document)
        let hitEntries = HitFieldEntries.ofUnits(planner.units, positive: planner.positiveUnits, hits: hitDocuments,
                                                 termEntryStart: data.termEntryStart)
        let highlighter = Highlighter(data: data, schema: schema, units: planner.units, positiveUnits: planner.positiveUnits,
                                      hitEntries: hitEntries, readsWholeFields: options.highlightsReadWholeFields)
        let highlightedFields = options.highlightedFields.map { names in Set(names.compactMap(schema.fieldIndex(named:))) }
        HitPrefetch(data: data, units: planner.units, positiveUnits: planner.positiveUnits, hitEntries: hitEntries,
                    highlightedFields: highlightedFields, firstSnippetField: highlighter.firstSnippetField)
            .prefetch(hitDocuments, entries: hitEntries.flatMap { $0?.rows.map { Int($0.entry) } ?? [] })
        var scratch = highlighter.makeScratch()
        var hits: [SearchHit] = []
        hits.reserveCapacity(top.ranked.count)
        for (i, ranked) in top.ranked.enumerated() {
            let d = ranked.document
            var matchedTerms: [String] = []
            if let terms = top.onlyWordTerms {
                if terms[i] != Ranker.noTerm { matchedTerms = [data.dictionary.text(Int(terms[i]))] }
            } else {
                for u in planner.positiveUnits {
                    let terms = ranker.matchedTerms(u, document: d)
                    // A phrase's words: one allocation, not one a word.
                    if matchedTerms.isEmpty { matchedTerms.reserveCapacity(terms.count) }
                    for term in terms {
                        let text = data.dictionary.text(term)
                        if !matchedTerms.contains(text) { matchedTerms.append(text) }
                    }
                }
            }
            let shown = highlighter.highlightsAndSnippet(document: d, fields: highlightedFields, scratch: &scratch)
            hits.append(SearchHit(document: d, id: data.ids[d], score: ranked.score, matchedTerms: matchedTerms,
                                  matchedWords: ranked.matched, typos: ranked.typos, highlights: shown.highlights,
                                  snippet: shown.snippet))
        }
        var results = SearchResults(hits: hits, totalMatches: candidates.count, isPartial: isPartial, problems: problems)
        results.trace = trace
        return results
    }

    private func evaluate(_ plan: QueryPlanner.Plan, units: [QueryUnit], documentCount: Int) -> DocumentSet {
        switch plan {
        case .unit(let u):
            return units[u].documents
        case .documents(let set):
            return set
        case .and(let children):
            var result = DocumentSet.all(capacity: documentCount)
            for child in children {
                if case .not(let inner) = child {
                    result.subtract(evaluate(inner, units: units, documentCount: documentCount))
                } else {
                    result.formIntersection(evaluate(child, units: units, documentCount: documentCount))
                }
            }
            return result
        case .or(let children):
            var result = DocumentSet(capacity: documentCount)
            for child in children { result.formUnion(evaluate(child, units: units, documentCount: documentCount)) }
            return result
        case .not(let inner):
            var result = DocumentSet.all(capacity: documentCount)
            result.subtract(evaluate(inner, units: units, documentCount: documentCount))
            return result
        }
    }

    /// When no document holds every word of the top level: the documents holding the most of
    /// them (at least one), still meeting every other condition. Nil when that does not apply.
    private func partialMatches(_ plan: QueryPlanner.Plan, units: [QueryUnit], filter: DocumentSet?, documentCount: Int) -> DocumentSet? {
        guard case .and(let children) = plan else { return nil }
        var words: [DocumentSet] = []
        var required = filter ?? DocumentSet.all(capacity: documentCount)
        for child in children {
            switch child {
            case .unit(let u): words.append(units[u].documents)
            case .not(let inner): required.subtract(evaluate(inner, units: units, documentCount: documentCount))
            default: required.formIntersection(evaluate(child, units: units, documentCount: documentCount))
            }
        }
        guard words.count >= 2 else { return nil }
        // A byte per document: the parser keeps at most `QueryParser.maxWords` (< 256) words.
        assert(words.count <= QueryParser.maxWords)
        var counts = [UInt8](repeating: 0, count: documentCount)
        var most: UInt8 = 0
        for set in words {
            var held = set
            held.formIntersection(required)
            held.forEach { d in
                counts[d] += 1
                most = max(most, counts[d])
            }
        }
        guard most > 0 else { return nil }
        var result = DocumentSet(capacity: documentCount)
        for (d, count) in counts.enumerated() where count == most { result.insert(d) }
        return result
    }
}
