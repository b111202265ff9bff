import ChronicleCore

/// One sentence of a Universal Dependencies treebank in CoNLL-U format: its words with their gold
/// tags and lemmas, and the surface tokens they are written as.
public struct TreebankSentence: Hashable, Sendable {
    /// A syntactic word: a CoNLL-U line whose ID is an integer.
    public struct Entry: Hashable, Sendable {
        public var form: String
        public var lemma: String
        public var universalTag: UniversalTag
        /// The XPOS column (for English treebanks, the Penn Treebank tag).
        public var pennTag: String

        public init(form: String, lemma: String, universalTag: UniversalTag, pennTag: String) {
            self.form = form
            self.lemma = lemma
            self.universalTag = universalTag
            self.pennTag = pennTag
        }
    }

    /// A surface token: one word, or a multiword token ("don't" written for "do" + "n't").
    public struct SurfaceToken: Hashable, Sendable {
        public var form: String
        /// The indices of the words it stands for.
        public var words: Range<Int>
        /// Whether no space follows it in the text (`SpaceAfter=No`).
        public var noSpaceAfter: Bool

        public init(form: String, words: Range<Int>, noSpaceAfter: Bool) {
            self.form = form
            self.words = words
            self.noSpaceAfter = noSpaceAfter
        }
    }

    /// The `# text =` comment: the sentence as written.
    public var text: String?
    /// Whether a `# newdoc` comment opens the sentence.
    public var startsDocument = false
    /// Whether a `# newpar` comment opens the sentence.
    public var startsParagraph = false
    public var words: [Entry] = []
    public var tokens: [SurfaceToken] = []

    public init() {}
}

/// A line of a CoNLL-U file that cannot be read.
public struct CoNLLUError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

/// Reading and writing CoNLL-U, the format of Universal Dependencies treebanks.
public enum CoNLLU {
    /// The sentences of a CoNLL-U text. Empty nodes (IDs like `8.1`) are skipped; any other malformed
    /// line is an error.
    public static func read(_ text: String) throws(CoNLLUError) -> [TreebankSentence] {
        var sentences: [TreebankSentence] = []
        var sentence = TreebankSentence()
        var isOpen = false
        var pendingToken: (form: String, first: Int, last: Int, noSpaceAfter: Bool)?
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            if line.isEmpty {
                if isOpen {
                    guard !sentence.words.isEmpty else { throw CoNLLUError(line: lineNumber, message: "a sentence without words") }
                    sentences.append(sentence)
                }
                sentence = TreebankSentence()
                isOpen = false
                continue
            }
            isOpen = true
            if line.first == "#" {
                let comment = line.dropFirst().drop(while: { $0 == " " })
                if comment.hasPrefix("text = ") {
                    sentence.text = String(comment.dropFirst(7))
                } else if comment.hasPrefix("newdoc") {
                    sentence.startsDocument = true
                } else if comment.hasPrefix("newpar") {
                    sentence.startsParagraph = true
                }
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 10 else {
                throw CoNLLUError(line: lineNumber, message: "expected 10 tab-separated fields, found \(fields.count)")
            }
            let id = fields[0]
            let noSpaceAfter = fields[9].split(separator: "|").contains("SpaceAfter=No")
            if id.contains(".") { continue }
            if let dash = id.firstIndex(of: "-") {
                guard let first = Int(id[..<dash]), let last = Int(id[id.index(after: dash)...]), first <= last,
                      first == sentence.words.count + 1 else {
                    throw CoNLLUError(line: lineNumber, message: "bad multiword token ID '\(id)'")
                }
                pendingToken = (String(fields[1]), first, last, noSpaceAfter)
                continue
            }
            guard let number = Int(id), number == sentence.words.count + 1 else {
                throw CoNLLUError(line: lineNumber, message: "expected word ID \(sentence.words.count + 1), found '\(id)'")
            }
            guard let tag = UniversalTag(rawValue: String(fields[3])) else {
                throw CoNLLUError(line: lineNumber, message: "unknown universal tag '\(fields[3])'")
            }
            let index = sentence.words.count
            sentence.words.append(TreebankSentence.Entry(
                form: String(fields[1]), lemma: String(fields[2]), universalTag: tag, pennTag: String(fields[4])))
            if let token = pendingToken {
                if number == token.last {
                    sentence.tokens.append(TreebankSentence.SurfaceToken(
                        form: token.form, words: (token.first - 1)..<token.last, noSpaceAfter: token.noSpaceAfter))
                    pendingToken = nil
                }
            } else {
                sentence.tokens.append(TreebankSentence.SurfaceToken(
                    form: String(fields[1]), words: index..<(index + 1), noSpaceAfter: noSpaceAfter))
            }
        }
        if isOpen, !sentence.words.isEmpty { sentences.append(sentence) }
        return sentences
    }

    /// The document's words as CoNLL-U, one block per sentence: `# text` and, per word, ID, FORM, LEMMA,
    /// UPOS and XPOS (head and relations are `_`), multiword tokens on range lines, `SpaceAfter=No` in MISC.
    public static func write(_ document: Document) -> String {
        var out = ""
        let text = ScalarIndexedText(document.text)
        for (number, sentence) in document.sentences.enumerated() {
            let range = document.wordRange(of: sentence)
            guard !range.isEmpty else { continue }
            if !document.id.isEmpty { out += "# sent_id = \(document.id)-\(number + 1)\n" }
            var line = text[sentence.span]
            line.unicodeScalars = .init(line.unicodeScalars.map { $0.properties.isWhitespace ? " " : $0 })
            out += "# text = \(line)\n"
            var index = range.lowerBound
            while index < range.upperBound {
                var last = index
                while last + 1 < range.upperBound, document.words[last + 1].continuesToken { last += 1 }
                let noSpaceAfter = last + 1 < range.upperBound && !document.words[last + 1].spaceBefore
                let misc = noSpaceAfter ? "SpaceAfter=No" : "_"
                let id = index - range.lowerBound + 1
                if last > index {
                    let span = TextSpan(start: document.words[index].span.start, end: document.words[last].span.end)
                    out += "\(id)-\(last - range.lowerBound + 1)\t\(text[span])\t_\t_\t_\t_\t_\t_\t_\t\(misc)\n"
                }
                for k in index...last {
                    let word = document.words[k]
                    let wordMisc = last > index ? "_" : misc
                    out += "\(k - range.lowerBound + 1)\t\(text[word.span])\t\(word.lemma ?? "_")\t"
                    out += "\(word.universalTag?.rawValue ?? "_")\t\(word.pennTag ?? "_")\t_\t_\t_\t_\t\(wordMisc)\n"
                }
                index = last + 1
            }
            out += "\n"
        }
        return out
    }
}

/// A text sliced by Unicode scalar offsets many times over (the words of a document), each slice in
/// constant time.
public struct ScalarIndexedText: Sendable {
    private let scalars: [Unicode.Scalar]

    public init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// The text a span covers.
    public subscript(span: TextSpan) -> String {
        var string = ""
        string.unicodeScalars.append(contentsOf: scalars[span.start..<span.end])
        return string
    }
}
