/// Text collected from HTML: runs of white space become one space, paragraph breaks a blank line, and nothing
/// is written before the first character or after the last.
struct HTMLTextSink {
    var bytes: [UInt8] = []
    private var pendingSpace = false
    private var pendingBreak = false

    /// White space: one space before the next character, unless a paragraph break is pending.
    mutating func space() { pendingSpace = true }

    /// A paragraph break (a blank line) before the next character.
    mutating func paragraphBreak() { pendingBreak = true }

    /// Drops the text from byte `offset` on (what a piece of page furniture had written); a paragraph break follows.
    mutating func truncate(to offset: Int) {
        bytes.removeSubrange(offset...)
        pendingBreak = true
    }

    @inline(__always)
    private mutating func separate() {
        guard pendingSpace || pendingBreak else { return }
        if !bytes.isEmpty {
            if pendingBreak {
                bytes.append(0x0A)
                bytes.append(0x0A)
            } else {
                bytes.append(0x20)
            }
        }
        pendingSpace = false
        pendingBreak = false
    }

    /// Appends one byte of UTF-8 text (not white space).
    @inline(__always)
    mutating func append(byte: UInt8) {
        separate()
        bytes.append(byte)
    }

    /// Appends a character from a reference: spaces of every width become white space; soft hyphens, zero-width
    /// spaces and byte-order marks are left out; other control characters become white space.
    mutating func append(scalar value: UInt32) {
        switch value {
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            space()
        case 0xAD, 0x200B, 0xFEFF:
            return
        case 0..<0x20, 0x7F:
            space()
        default:
            guard let scalar = Unicode.Scalar(value) else { return }
            separate()
            ByteSupport.appendUTF8(scalar, to: &bytes)
        }
    }

    /// Appends HTML text from `input[start..<end]`, decoding character references, stopping at the first `<` when
    /// `stoppingAtTag`; returns where it stopped.
    @inline(__always)
    mutating func appendText(_ input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, stoppingAtTag: Bool) -> Int {
        var i = start
        while i < end {
            let byte = input[i]
            switch byte {
            case UInt8(ascii: "<") where stoppingAtTag:
                return i
            case UInt8(ascii: "&"):
                if let reference = HTMLEntities.decode(input, at: i, end: end) {
                    append(scalar: reference.scalar)
                    i += reference.length
                } else {
                    append(byte: byte)
                    i += 1
                }
            case 0x20, 0x09, 0x0A, 0x0C, 0x0D:
                space()
                i += 1
            case 0xC2 where i + 1 < end && input[i + 1] == 0xA0:  // a no-break space written as such
                space()
                i += 2
            case 0..<0x20, 0x7F:
                space()
                i += 1
            default:
                // A run of bytes that need nothing done, copied at once.
                var j = i + 1
                while j < end {
                    let next = input[j]
                    if next <= 0x20 || next == UInt8(ascii: "<") || next == UInt8(ascii: "&") || next == 0x7F || next == 0xC2 { break }
                    j += 1
                }
                separate()
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<j]))
                i = j
            }
        }
        return end
    }

    /// `bytes[range]` on one line: paragraph breaks become spaces, white space at both ends is left out.
    func oneLine(_ range: Range<Int>) -> String {
        var line: [UInt8] = []
        line.reserveCapacity(range.count)
        for byte in bytes[range] {
            let space = byte == 0x0A || byte == 0x20
            if space {
                if let last = line.last, last != 0x20 { line.append(0x20) }
            } else {
                line.append(byte)
            }
        }
        if line.last == 0x20 { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }

    /// `bytes[range]` without the white space at both ends.
    func trimmed(_ range: Range<Int>) -> String {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, bytes[lower] == 0x0A || bytes[lower] == 0x20 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x0A || bytes[upper - 1] == 0x20 { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}
