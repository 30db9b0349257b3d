extension Array {
    /// Reorders the elements in place so that position `i` holds what was at `order[i]`;
    /// `order` must be a permutation of the indices. Elements are swapped, never copied.
    mutating func arrange(in order: [Int]) {
        guard order.count == count else { return }
        var placed = [Bool](repeating: false, count: count)
        for start in indices where !placed[start] {
            var position = start
            while true {
                placed[position] = true
                let source = order[position]
                guard source != start, indices.contains(source), !placed[source] else { break }
                swapAt(position, source)
                position = source
            }
        }
    }
}
