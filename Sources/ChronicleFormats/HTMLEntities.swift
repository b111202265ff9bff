/// HTML character references: the named entities of HTML 4 (with `&apos;`), decimal and hexadecimal numeric
/// references, and the Windows-1252 characters that HTML maps the C1 code points 128–159 to.
///
/// The table is defined once here; ``HTMLArticleText`` decodes text and attribute values through it.
enum HTMLEntities {
    /// The named entities: the HTML 4 set (markup, Latin-1, symbols and Greek, special characters) and `apos`.
    static let named: [[UInt8]: UInt32] = {
        var table: [[UInt8]: UInt32] = [:]
        func add(_ name: String, _ value: UInt32) { table[Array(name.utf8)] = value }
        for (name, value) in [("quot", 34), ("amp", 38), ("apos", 39), ("lt", 60), ("gt", 62)] as [(String, UInt32)] { add(name, value) }
        // Latin-1: U+00A0 to U+00FF in order.
        let latin1 = """
            nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute \
            micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig \
            Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash \
            Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc \
            euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml \
            yacute thorn yuml
            """
        for (offset, name) in latin1.split(separator: " ").enumerated() { add(String(name), 0xA0 + UInt32(offset)) }
        // Greek: capitals from U+0391 (U+03A2 is unassigned), small letters from U+03B1 (final sigma at U+03C2).
        let greek = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf sigma tau upsilon phi chi psi omega"
        for (offset, name) in greek.split(separator: " ").enumerated() {
            add(String(name), 0x3B1 + UInt32(offset))
            guard name != "sigmaf" else { continue }
            add(name.prefix(1).uppercased() + name.dropFirst(), 0x391 + UInt32(offset))
        }
        let others: [(String, UInt32)] = [
            ("OElig", 338), ("oelig", 339), ("Scaron", 352), ("scaron", 353), ("Yuml", 376), ("fnof", 402), ("circ", 710), ("tilde", 732),
            ("thetasym", 977), ("upsih", 978), ("piv", 982), ("ensp", 8194), ("emsp", 8195), ("thinsp", 8201), ("zwnj", 8204),
            ("zwj", 8205), ("lrm", 8206), ("rlm", 8207), ("ndash", 8211), ("mdash", 8212), ("lsquo", 8216), ("rsquo", 8217),
            ("sbquo", 8218), ("ldquo", 8220), ("rdquo", 8221), ("bdquo", 8222), ("dagger", 8224), ("Dagger", 8225), ("bull", 8226),
            ("hellip", 8230), ("permil", 8240), ("prime", 8242), ("Prime", 8243), ("lsaquo", 8249), ("rsaquo", 8250), ("oline", 8254),
            ("frasl", 8260), ("euro", 8364), ("image", 8465), ("weierp", 8472), ("real", 8476), ("trade", 8482), ("alefsym", 8501),
            ("larr", 8592), ("uarr", 8593), ("rarr", 8594), ("darr", 8595), ("harr", 8596), ("crarr", 8629), ("lArr", 8656),
            ("uArr", 8657), ("rArr", 8658), ("dArr", 8659), ("hArr", 8660), ("forall", 8704), ("part", 8706), ("exist", 8707),
            ("empty", 8709), ("nabla", 8711), ("isin", 8712), ("notin", 8713), ("ni", 8715), ("prod", 8719), ("sum", 8721),
            ("minus", 8722), ("lowast", 8727), ("radic", 8730), ("prop", 8733), ("infin", 8734), ("ang", 8736), ("and", 8743),
            ("or", 8744), ("cap", 8745), ("cup", 8746), ("int", 8747), ("there4", 8756), ("sim", 8764), ("cong", 8773),
            ("asymp", 8776), ("ne", 8800), ("equiv", 8801), ("le", 8804), ("ge", 8805), ("sub", 8834), ("sup", 8835),
            ("nsub", 8836), ("sube", 8838), ("supe", 8839), ("oplus", 8853), ("otimes", 8855), ("perp", 8869), ("sdot", 8901),
            ("lceil", 8968), ("rceil", 8969), ("lfloor", 8970), ("rfloor", 8971), ("lang", 9001), ("rang", 9002), ("loz", 9674),
            ("spades", 9824), ("clubs", 9827), ("hearts", 9829), ("diams", 9830),
        ]
        for (name, value) in others { add(name, value) }
        return table
    }()

    /// The entities often written without their semicolon ("AT&amp T", "&nbsp"): decoded without one when the next
    /// byte is not a letter, digit or `=`.
    private static let withoutSemicolon: Set<[UInt8]> = Set(["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"].map { Array($0.utf8) })

    /// The characters of bytes 0x80–0x9F in Windows-1252 (what HTML maps numeric references 128–159 to, and what
    /// a page declared as ISO-8859-1 means by those bytes); the five bytes Windows-1252 leaves undefined map to
    /// themselves.
    static let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The character a Windows-1252 byte stands for.
    static func windows1252Scalar(_ byte: UInt8) -> UInt32 {
        (0x80...0x9F).contains(byte) ? windows1252[Int(byte) - 0x80] : UInt32(byte)
    }

    /// Decodes the character reference starting at `start` (where `bytes[start]` is `&`), reading no further than
    /// `end`: the character and the number of bytes the reference takes, or `nil` when there is no valid reference
    /// there (the `&` is then text, kept as written).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> (scalar: UInt32, length: Int)? {
        var i = start + 1
        guard i < end else { return nil }
        if bytes[i] == UInt8(ascii: "#") {
            i += 1
            let hex = i < end && (bytes[i] | 0x20) == UInt8(ascii: "x")
            if hex { i += 1 }
            let digitsStart = i
            var value: UInt32 = 0
            while i < end, i - digitsStart < 8, let digit = digitValue(bytes[i], hex: hex) {
                value = value * (hex ? 16 : 10) + digit
                i += 1
            }
            guard i > digitsStart, i == end || digitValue(bytes[i], hex: hex) == nil else { return nil }
            if i < end, bytes[i] == UInt8(ascii: ";") { i += 1 }
            if (0x80...0x9F).contains(value) { value = windows1252[Int(value) - 0x80] }
            guard value != 0, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
            return (value, i - start)
        }
        let nameStart = i
        while i < end, i - nameStart <= 8, isAlphanumeric(bytes[i]) { i += 1 }
        guard i > nameStart else { return nil }
        let name = Array(bytes[nameStart..<i])
        guard let value = named[name] else { return nil }
        if i < end, bytes[i] == UInt8(ascii: ";") { return (value, i + 1 - start) }
        let next = i < end ? bytes[i] : 0x20
        guard withoutSemicolon.contains(name), !isAlphanumeric(next), next != UInt8(ascii: "=") else { return nil }
        return (value, i - start)
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x61...0x66 where hex: return UInt32(byte - 0x61 + 10)
        case 0x41...0x46 where hex: return UInt32(byte - 0x41 + 10)
        default: return nil
        }
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
