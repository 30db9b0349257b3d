import Catalog

/// The tables `list` prints, one per kind of item.
enum ListTables {
    static func organizations(_ organizations: [Organization], catalog: Catalog) -> Table {
        var table = Table([.init(header: "ID", protected: true), .init(header: "NAME", flexible: true), .init(header: "KIND"), .init(header: "SECTORS", protected: true)])
        for organization in organizations {
            let sectors = catalog.sectors(of: organization).map(\.id).joined(separator: ", ")
            table.append([organization.id, organization.name, organization.kind, sectors])
        }
        return table
    }

    static func sectors(_ sectors: [Sector], catalog: Catalog) -> Table {
        var table = Table([
            .init(header: "ID", protected: true), .init(header: "NAME", flexible: true), .init(header: "BUREAU"),
            .init(header: "MEMBERS", alignRight: true), .init(header: "NEWS", alignRight: true),
        ])
        for sector in sectors {
            table.append([
                sector.id, sector.name, sector.bureau.abbreviation,
                String(catalog.members(of: sector.id).count), String(catalog.news(inSector: sector.id).count),
            ])
        }
        return table
    }

    static func news(_ news: [NewsItem]) -> Table {
        var table = Table([.init(header: "DATE", protected: true), .init(header: "ID", protected: true), .init(header: "CATEGORY"), .init(header: "TITLE", flexible: true)])
        for item in news {
            table.append([item.date.description, item.id, item.category, item.title])
        }
        return table
    }
}
