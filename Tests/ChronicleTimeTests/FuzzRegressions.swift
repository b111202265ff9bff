import ChronicleCore
import ChronicleTime
import Foundation
import Testing

/// Replays the inputs of `Tests/Fixtures/fuzz-regressions/time/` (fuzz/README.md) through the tagger as the
/// `time` fuzz target does: in every genre, without a creation time and with one. Each is a text of at most
/// 4 KB, one sentence of hundreds of time-expression candidates, that ran over libFuzzer's 1 s limit in the
/// instrumented fuzz build on this machine (0.01–0.6 s in a release build: not a hang of the tagger).
/// Tagging must finish, keep every expression within the text and covering its own text, and give the same
/// result twice.
@Suite("Fuzz regressions (time)")
struct TimeFuzzRegressions {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-regressions/time")

    static func inputs() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil).filter { !$0.hasDirectoryPath }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test("The corpus is there")
    func corpusExists() throws {
        #expect(try !Self.inputs().isEmpty, "no inputs in \(Self.directory.path)")
    }

    @Test("Each input is tagged within its text, the same way twice", arguments: TemporalTagger.Genre.allCases)
    func replay(_ genre: TemporalTagger.Genre) throws {
        let tagger = TemporalTagger(options: .init(genre: genre))
        let creationTime = try #require(CreationTime(parsing: "2015-09-28T14:30"))
        for url in try Self.inputs() {
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            #expect(text.utf8.count <= 4_096, "\(url.lastPathComponent) is over 4 KB")
            let scalars = Array(text.unicodeScalars)
            for dct in [nil, creationTime] {
                let document = tagger.tag(text, creationTime: dct)
                #expect(!document.timeExpressions.isEmpty, "\(url.lastPathComponent): no time expression")
                for timex in document.timeExpressions {
                    #expect(timex.span.start >= 0 && timex.span.start < timex.span.end && timex.span.end <= scalars.count)
                    guard timex.span.end <= scalars.count, timex.span.start < timex.span.end else { continue }
                    var covered = String.UnicodeScalarView()
                    covered.append(contentsOf: scalars[timex.span.start..<timex.span.end])
                    #expect(String(covered) == timex.text, "\(url.lastPathComponent): \(timex.id) at \(timex.span)")
                }
                #expect(tagger.tag(text, creationTime: dct).timeExpressions == document.timeExpressions,
                        "\(url.lastPathComponent): not deterministic")
            }
        }
    }
}
