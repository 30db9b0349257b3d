/// The kinds of catalog items search returns.
public enum SearchItemType: String, CaseIterable, Sendable, Hashable {
    case news, organization, sector
}
