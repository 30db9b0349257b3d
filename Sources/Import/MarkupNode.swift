import CLibXML2

/// An element of a `MarkupDocument`, read without ever changing the document.
struct MarkupNode {
    let pointer: xmlNodePtr
    let document: MarkupDocument

    /// The element's local name, lower-cased (`title`, `rdf`, `encoded`).
    var name: String {
        guard let name = pointer.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    /// The element's namespace address, when it has one.
    var namespace: String? {
        pointer.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    /// The value of an attribute without a namespace prefix (`href`, `datetime`), or of a
    /// prefixed one by its local name (`rdf:about` → `about`).
    func attribute(_ name: String) -> String? {
        var property = pointer.pointee.properties
        while let current = property {
            if let propertyName = current.pointee.name, String(cString: propertyName).lowercased() == name {
                guard let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) else {
                    return ""
                }
                defer { itu_xml_free(value) }
                return String(cString: value)
            }
            property = current.pointee.next
        }
        return nil
    }

    /// The child elements, in order.
    var children: [MarkupNode] {
        var result: [MarkupNode] = []
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(MarkupNode(pointer: current, document: document)) }
            child = current.pointee.next
        }
        return result
    }

    /// The first child element with the given local name.
    func child(_ name: String) -> MarkupNode? { children.first { $0.name == name } }

    /// The child elements with the given local name.
    func children(_ name: String) -> [MarkupNode] { children.filter { $0.name == name } }

    /// Every element below this one (depth first, document order) for which `visit` is called;
    /// `visit` returns false to skip an element's descendants. Nesting below
    /// `MarkupDocument.depthLimit` levels is an error.
    func walk(_ visit: (MarkupNode) throws(ImportFailure) -> Bool) throws(ImportFailure) {
        try walk(depth: 0, visit)
    }

    private func walk(depth: Int, _ visit: (MarkupNode) throws(ImportFailure) -> Bool) throws(ImportFailure) {
        guard depth < MarkupDocument.depthLimit else { throw document.tooDeep(at: self) }
        for child in children where try visit(child) {
            try child.walk(depth: depth + 1, visit)
        }
    }

    /// The line of the element in the source.
    var line: Int { Int(xmlGetLineNo(pointer)) }

    /// The text inside the element, entities expanded within the document's limit, with the
    /// elements named in `skipping` left out and a line break at each element named in `breaks`.
    func text(skipping: Set<String> = [], breaks: Set<String> = []) throws(ImportFailure) -> String {
        var out = ""
        try appendText(of: pointer.pointee.children, to: &out, skipping: skipping, breaks: breaks, depth: 0)
        return out
    }

    private func appendText(of first: xmlNodePtr?, to out: inout String, skipping: Set<String>, breaks: Set<String>,
                            depth: Int) throws(ImportFailure) {
        guard depth < MarkupDocument.depthLimit else { throw document.tooDeep(at: self) }
        var node = first
        while let current = node {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { out += String(cString: content) }
            case XML_ELEMENT_NODE:
                let element = MarkupNode(pointer: current, document: document)
                let name = element.name
                if !skipping.contains(name) {
                    let isBreak = breaks.contains(name)
                    if isBreak { out += "\n" }
                    try appendText(of: current.pointee.children, to: &out, skipping: skipping, breaks: breaks, depth: depth + 1)
                    if isBreak { out += "\n" }
                }
            case XML_ENTITY_REF_NODE:
                try appendEntity(current, to: &out, skipping: skipping, breaks: breaks, depth: depth)
            default:
                break
            }
            node = current.pointee.next
        }
    }

    /// Expands an internal entity's text, counting it against the document's limit; external
    /// entities are never read.
    private func appendEntity(_ reference: xmlNodePtr, to out: inout String, skipping: Set<String>, breaks: Set<String>,
                              depth: Int) throws(ImportFailure) {
        guard let raw = reference.pointee.children else { return }
        let entity = UnsafeMutableRawPointer(raw).assumingMemoryBound(to: xmlEntity.self)
        guard entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY else { return }
        let before = out.utf8.count
        if entity.pointee.children != nil {
            try appendText(of: entity.pointee.children, to: &out, skipping: skipping, breaks: breaks, depth: depth + 1)
        } else if let content = entity.pointee.content {
            try appendReplacementText(String(cString: content), to: &out, line: Int(xmlGetLineNo(reference)), depth: depth + 1)
        }
        try document.countExpansion(out.utf8.count - before, line: Int(xmlGetLineNo(reference)))
    }

    /// Expands an entity's replacement text as libxml2 stored it, where references to other
    /// internal entities are still written `&name;`; markup in it is kept as text.
    private func appendReplacementText(_ text: String, to out: inout String, line: Int, depth: Int) throws(ImportFailure) {
        guard depth < MarkupDocument.depthLimit else { throw document.tooDeep(at: self) }
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            out += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            guard let semicolon = rest[afterAmpersand...].firstIndex(of: ";") else {
                rest = rest[ampersand...]
                break
            }
            let name = String(rest[afterAmpersand..<semicolon])
            rest = rest[rest.index(after: semicolon)...]
            guard let entity = xmlGetDocEntity(document.pointer, name),
                  entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY, let content = entity.pointee.content else { continue }
            let before = out.utf8.count
            try appendReplacementText(String(cString: content), to: &out, line: line, depth: depth + 1)
            try document.countExpansion(out.utf8.count - before, line: line)
        }
        out += rest
    }
}

extension MarkupDocument {
    /// Counts characters added by entity expansion; past the limit, an error.
    func countExpansion(_ characters: Int, line: Int) throws(ImportFailure) {
        expandedCharacters += characters
        if expandedCharacters > MarkupDocument.entityExpansionLimit {
            throw ImportFailure(source: source, line: line,
                                message: "entity expansion exceeds \(MarkupDocument.entityExpansionLimit) characters "
                                    + "(a \"billion laughs\" document?)")
        }
    }

    func tooDeep(at node: MarkupNode) -> ImportFailure {
        ImportFailure(source: source, line: node.line, message: "elements nested deeper than \(MarkupDocument.depthLimit) levels")
    }
}
