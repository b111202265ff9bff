// Fuzz target (c): the TimeML reader (ChronicleFormats), from bytes and from a string.
import ChronicleCore
import ChronicleFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTimeML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzBytes(data, size)
    let bytes = input.rest()
    let reader = TimeMLReader()
    guard let document = try? reader.read(bytes, fallbackID: "fuzz") else { return 0 }
    let scalars = scalarCount(document.text)
    for timex in document.timeExpressions {
        require(timex.span.start >= 0 && timex.span.start <= timex.span.end && timex.span.end <= scalars,
                "timex span \(timex.span) in \(scalars) scalars")
    }
    for event in document.events {
        require(event.span.start >= 0 && event.span.start <= event.span.end && event.span.end <= scalars,
                "event span \(event.span) in \(scalars) scalars")
    }
    // Valid UTF-8 read as a string gives the same document.
    if let text = String(validating: bytes, as: UTF8.self) {
        require((try? reader.read(text, fallbackID: "fuzz")) == document, "read(String) differs from read(bytes)")
    }
    return 0
}

func warmUp() {}
