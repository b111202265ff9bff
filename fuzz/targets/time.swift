// Fuzz target (b): the time-expression recogniser and normaliser (ChronicleTime), without a creation time
// and with one made from the first input bytes, in every genre.
import ChronicleCore
import ChronicleTime

let taggers = TemporalTagger.Genre.allCases.map { TemporalTagger(options: .init(genre: $0)) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTime(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzBytes(data, size)
    let genre = Int(input.byte()) % taggers.count
    let creationTime = input.creationTime()
    let text = String(decoding: input.rest(), as: UTF8.self)
    let tagger = taggers[genre]
    tagAndCheck(text, tagger: tagger, creationTime: creationTime)
    return 0
}

func warmUp() {
    for tagger in taggers { _ = tagger.tag("May said on Monday, Oct. 5, 2015 that she may fall in the fall.") }
}
