import SnapshotFormat

/// What a catalog snapshot was built from and by whom, stored in its header: the program's
/// build identity, the fixtures folder's real path, when the fixture files were stamped and
/// their stamps, and how many warnings loading them gave (so a command answering from the
/// snapshot says what a load would have said).
struct SnapshotIdentity: Equatable {
    static let layoutVersion: UInt32 = 1

    var build: [UInt8]
    var folder: String
    /// Wall-clock nanoseconds when the stamps were taken.
    var stampTime: Int64
    var warningCount: Int
    var stamps: [FixtureStamp]

    func encoded() -> [UInt8] {
        var writer = ByteWriter()
        writer.put(SnapshotIdentity.layoutVersion)
        writer.put(build)
        writer.put(folder.utf8)
        writer.put(stampTime)
        writer.put(UInt32(clamping: warningCount))
        writer.put(UInt32(stamps.count))
        for stamp in stamps { stamp.write(to: &writer) }
        return writer.bytes
    }

    init(build: [UInt8], folder: String, stampTime: Int64, warningCount: Int, stamps: [FixtureStamp]) {
        self.build = build
        self.folder = folder
        self.stampTime = stampTime
        self.warningCount = warningCount
        self.stamps = stamps
    }

    init(decoding bytes: [UInt8]) throws(SnapshotError) {
        var result: SnapshotIdentity?
        var failure: SnapshotError?
        bytes.withUnsafeBytes { raw in
            do throws(SnapshotError) {
                var reader = ByteReader(bytes: raw)
                guard try reader.read(UInt32.self) == SnapshotIdentity.layoutVersion else { throw SnapshotError("unknown identity layout") }
                let build = try reader.readBytes()
                let folder = try reader.readString()
                let stampTime = try reader.read(Int64.self)
                let warningCount = Int(try reader.read(UInt32.self))
                let count = Int(try reader.read(UInt32.self))
                guard count <= FixtureStamp.fileNames().count else { throw SnapshotError("too many fixture stamps") }
                var stamps: [FixtureStamp] = []
                for _ in 0..<count { stamps.append(try FixtureStamp(reading: &reader)) }
                guard reader.isAtEnd else { throw SnapshotError("identity has trailing bytes") }
                result = SnapshotIdentity(build: build, folder: folder, stampTime: stampTime, warningCount: warningCount, stamps: stamps)
            } catch {
                failure = error
            }
        }
        guard let result else { throw failure ?? SnapshotError("unreadable identity") }
        self = result
    }
}
