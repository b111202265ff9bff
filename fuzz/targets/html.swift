// Fuzz target (e): the HTML-to-text reducer (ChronicleFormats HTMLArticleText), and the story reader's HTML page.
import ChronicleCore
import ChronicleFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzBytes(data, size)
    let bytes = input.rest()
    let page = HTMLArticleText.reduce(bytes)
    require(HTMLArticleText.reduce(bytes) == page, "reduce is not deterministic")
    _ = HTMLArticleText.looksLikeHTML(bytes)
    if let item = try? StoryFileReader().htmlPage(bytes, name: "fuzz", baseName: "fuzz") {
        require(item.document.text == page.text, "htmlPage's text is not the reduced text")
    }
    return 0
}

func warmUp() {}
