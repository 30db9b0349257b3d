extension Array {
    /// Reorders the elements in place so that position `i` holds what was at `order[i]`;
    /// `order` must be a permutation of the indices. Elements are swapped, never copied.
    mutating func arrange(in order: [Int]) {
        guard order.count == count else { return }
        var placed = [Bool](repeating: false, count: count)
        // The buffer's swap moves the two elements; the array's copies them (retaining what
        // they hold) when it does not see that no copy is needed.
        withUnsafeMutableBufferPointer { elements in
            for start in elements.indices where !placed[start] {
                var position = start
                while true {
                    placed[position] = true
                    let source = order[position]
                    guard source != start, elements.indices.contains(source), !placed[source] else { break }
                    elements.swapAt(position, source)
                    position = source
                }
            }
        }
    }
}
