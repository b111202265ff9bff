import ChronicleCalendar
import ChronicleCore

/// Renders a ``Timeline`` as one self-contained HTML page: inline CSS and an inline SVG drawing, no
/// scripts, fonts, images or any other request; the only links are fragment links within the page.
///
/// The page shows the warnings, the timeline as a drawing (one row per entry on a calendar axis: a dot for
/// a day, a bar for a longer interval, a fading bar with an arrow for an open one, a grey mark for an
/// unplaced one), the entries as a list (when, what, who said it, participants, links to their sources),
/// and every document with its time expressions and events highlighted (hover for the TIMEX3 value or
/// the event class; each event links back to its entry). All text is HTML-escaped.
///
/// By default the drawing and the list show the key entries (``Timeline/Entry/isKey``); the documents still
/// mark every event, linked to its entry when the entry is shown. Dates inferred from the narrative or from
/// the document's date are drawn hollow and listed with `~`.
public struct TimelineHTMLRenderer: Sendable {
    public var selection: TimelineTextRenderer.Selection

    public init(selection: TimelineTextRenderer.Selection = .key) {
        self.selection = selection
    }

    public func render(_ full: Timeline) -> String {
        // The views draw and list the selected entries; the documents and warnings come from the whole timeline.
        var timeline = full
        timeline.entries = selection.entries(of: full)
        var html = ""
        let title = timeline.documents.count == 1 ? (timeline.documents[0].title ?? timeline.documents[0].id) : "Story timeline"
        html += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta name=\"generator\" content=\"chronicle (\(Timeline.schema))\">\n"
        html += "<title>Timeline: \(Self.escape(TimelineTextRenderer.oneLine(title)))</title>\n<style>\n\(Self.css)</style>\n</head>\n<body>\n"
        html += "<header>\n<h1>\(Self.escape(TimelineTextRenderer.oneLine(title)))</h1>\n"
        let entryCount = full.entries.count, documentCount = timeline.documents.count
        let shown = timeline.entries.count < entryCount ? "\(timeline.entries.count) key entries of " : ""
        html += "<p class=\"meta\">\(shown)\(entryCount) \(entryCount == 1 ? "entry" : "entries") from \(documentCount) "
            + "\(documentCount == 1 ? "document" : "documents")</p>\n</header>\n"
        if !timeline.warnings.isEmpty {
            html += "<section class=\"warnings\">\n<h2>Warnings</h2>\n<ul>\n"
            for warning in timeline.warnings {
                html += "<li class=\"\(Self.escape(warning.severity.rawValue))\"><span class=\"code\">\(Self.escape(warning.code.rawValue))</span> "
                if let document = warning.document { html += "<span class=\"doc\">\(Self.escape(document))</span> " }
                html += Self.escape(warning.message)
                for id in warning.entries { html += " <a href=\"#\(Self.escape(id))\">\(Self.escape(id))</a>" }
                html += "</li>\n"
            }
            html += "</ul>\n</section>\n"
        }
        html += "<section class=\"drawing\">\n<h2>Timeline</h2>\n\(drawing(timeline))</section>\n"
        html += entriesList(timeline)
        html += documentsSection(timeline)
        html += "</body>\n</html>\n"
        return html
    }

    // MARK: Drawing

    private func drawing(_ timeline: Timeline) -> String {
        let entries = timeline.entries
        let width = 960.0, left = 16.0, right = 330.0, rowHeight = 20.0, top = 34.0
        // An inferred day is drawn where it is inferred (hollow); other entries by their bounds.
        func drawnDays(_ entry: Timeline.Entry) -> (Int?, Int?) {
            if entry.time.basis.isInferred, let value = entry.time.value, value.utf8.count == 10, let day = CalendarDate(iso: value) {
                return (day.dayNumber, day.dayNumber)
            }
            return (entry.time.start?.dayNumber, entry.time.end?.dayNumber)
        }
        let entryDays = entries.flatMap { entry in [drawnDays(entry).0, drawnDays(entry).1].compactMap { $0 } }
        let creationDays = timeline.documents.compactMap { document in document.creationTime.map { (document.id, $0.date.dayNumber) } }
        let days = entryDays.isEmpty ? [] : entryDays + creationDays.map(\.1)
        let height = top + rowHeight * Double(max(entries.count, 1)) + 12
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" "
            + "aria-label=\"Timeline of \(entries.count) entries\">\n"
        svg += "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"5\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\">"
            + "<path d=\"M 0 0 L 10 5 L 0 10 z\" class=\"arrowhead\"/></marker></defs>\n"
        let plotWidth = width - left - right
        guard let minimum = days.min(), let maximum = days.max() else {
            svg += "<text x=\"\(left)\" y=\"20\" class=\"axis\">No entry has a calendar date; entries are listed in order.</text>\n"
            for (row, entry) in entries.enumerated() {
                let y = top + rowHeight * Double(row)
                svg += "<a href=\"#\(Self.escape(entry.id))\"><circle cx=\"\(left + 6)\" cy=\"\(Self.format(y))\" r=\"4\" class=\"mark unknown\"/>"
                svg += "<text x=\"\(left + 16)\" y=\"\(Self.format(y + 4))\" class=\"label\">\(Self.escape(label(entry)))</text></a>\n"
            }
            return svg + "</svg>\n"
        }
        let first = minimum - 1, last = maximum + 2
        let span = Double(last - first)
        func x(_ day: Int) -> Double { left + plotWidth * Double(day - first) / span }
        // Axis and ticks.
        svg += "<line x1=\"\(left)\" y1=\"24\" x2=\"\(Self.format(left + plotWidth))\" y2=\"24\" class=\"axis\"/>\n"
        for tick in ticks(from: first, to: last) {
            let tx = Self.format(x(tick.day))
            svg += "<line x1=\"\(tx)\" y1=\"20\" x2=\"\(tx)\" y2=\"\(Self.format(height - 8))\" class=\"grid\"/>"
            svg += "<text x=\"\(tx)\" y=\"14\" class=\"tick\">\(Self.escape(tick.label))</text>\n"
        }
        // The documents' creation times.
        for (index, creation) in creationDays.enumerated() where creationDays.firstIndex(where: { $0.1 == creation.1 }) == index {
            let day = creation.1
            let cx = Self.format(x(day) + (x(day + 1) - x(day)) / 2)
            let names = creationDays.filter { $0.1 == day }.map(\.0).joined(separator: ", ")
            svg += "<line x1=\"\(cx)\" y1=\"26\" x2=\"\(cx)\" y2=\"\(Self.format(height - 8))\" class=\"dct\"><title>\(Self.escape("written: " + names))</title></line>\n"
        }
        for (row, entry) in entries.enumerated() {
            let y = top + rowHeight * Double(row)
            let cls = "mark " + Self.cssClass(entry)
            svg += "<a href=\"#\(Self.escape(entry.id))\"><title>\(Self.escape(entry.id + " " + TimelineTextRenderer.when(entry) + " " + entry.event.text))</title>"
            switch drawnDays(entry) {
            case let (s?, e?) where s == e:
                svg += "<circle cx=\"\(Self.format(x(s) + (x(s + 1) - x(s)) / 2))\" cy=\"\(Self.format(y))\" r=\"5\" class=\"\(cls)\"/>"
            case let (s?, e?):
                svg += "<rect x=\"\(Self.format(x(s)))\" y=\"\(Self.format(y - 5))\" width=\"\(Self.format(max(x(e + 1) - x(s), 3)))\" height=\"10\" rx=\"3\" class=\"\(cls)\"/>"
            case let (nil, e?):
                svg += "<line x1=\"\(Self.format(x(e + 1)))\" y1=\"\(Self.format(y))\" x2=\"\(Self.format(left + 2))\" y2=\"\(Self.format(y))\" class=\"open \(cls)\" marker-end=\"url(#arrow)\"/>"
            case let (s?, nil):
                svg += "<line x1=\"\(Self.format(x(s)))\" y1=\"\(Self.format(y))\" x2=\"\(Self.format(left + plotWidth - 2))\" y2=\"\(Self.format(y))\" class=\"open \(cls)\" marker-end=\"url(#arrow)\"/>"
            case (nil, nil):
                svg += "<circle cx=\"\(Self.format(left + plotWidth + 8))\" cy=\"\(Self.format(y))\" r=\"4\" class=\"mark unknown\"/>"
            }
            svg += "<text x=\"\(Self.format(left + plotWidth + 18))\" y=\"\(Self.format(y + 4))\" class=\"label\">\(Self.escape(label(entry)))</text></a>\n"
        }
        return svg + "</svg>\n"
    }

    private func label(_ entry: Timeline.Entry) -> String {
        var text = "\(entry.id) "
        if let statement = entry.statement {
            text += (statement.speaker ?? statement.speakerMention).map { "\($0) \(statement.verb)" } ?? entry.event.text
            if let channel = statement.channel { text += " (\(channel))" }
        } else {
            text += entry.event.text
        }
        return TimelineTextRenderer.shorten(TimelineTextRenderer.oneLine(text), to: 48)
    }

    /// Tick marks: days, Mondays, first days of months or of years, whichever gives at most about 14.
    private func ticks(from first: Int, to last: Int) -> [(day: Int, label: String)] {
        let span = last - first
        var ticks: [(Int, String)] = []
        if span <= 16 {
            for day in first...last { ticks.append((day, Self.shortDate(CalendarDate(dayNumber: day)))) }
        } else if span <= 120 {
            var day = CalendarDate(dayNumber: first).next(.monday, includingSelf: true).dayNumber
            let step = span <= 60 ? 7 : 14
            while day <= last { ticks.append((day, Self.shortDate(CalendarDate(dayNumber: day)))); day += step }
        } else if span <= 3 * 366 {
            var date = CalendarDate(dayNumber: first)
            date = CalendarDate(year: date.year, month: date.month, day: 1)!.adding(months: 1)
            let step = span <= 500 ? 1 : 3
            while date.dayNumber <= last {
                ticks.append((date.dayNumber, String(date.description.prefix(7))))
                date = date.adding(months: step)
            }
        } else {
            let firstYear = CalendarDate(dayNumber: first).year + 1, lastYear = CalendarDate(dayNumber: last).year
            let step = max(1, (lastYear - firstYear + 1) / 12)
            for year in stride(from: firstYear, through: lastYear, by: step) {
                if let date = CalendarDate(year: year, month: 1, day: 1) { ticks.append((date.dayNumber, String(year))) }
            }
        }
        return ticks
    }

    private static func shortDate(_ date: CalendarDate) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(months[date.month - 1]) \(date.day)"
    }

    // MARK: Entries

    private func entriesList(_ timeline: Timeline) -> String {
        var html = "<section class=\"entries\">\n<h2>Entries</h2>\n<ol>\n"
        let texts = Dictionary(timeline.entries.map { ($0.id, $0.event.text) }, uniquingKeysWith: { a, _ in a })
        for entry in timeline.entries {
            html += "<li id=\"\(Self.escape(entry.id))\" class=\"\(Self.cssClass(entry))\">"
            html += "<span class=\"when\">\(Self.escape(TimelineTextRenderer.when(entry)))</span> "
            html += "<span class=\"id\">\(Self.escape(entry.id))</span> "
            if let statement = entry.statement {
                if let speaker = statement.speaker ?? statement.speakerMention {
                    html += "<span class=\"speaker\">\(Self.escape(speaker))</span> <span class=\"verb\">\(Self.escape(statement.verb))</span>"
                } else {
                    html += "<span class=\"verb\">\(Self.escape(entry.event.text))</span>"
                }
                if let channel = statement.channel { html += " <span class=\"channel\">on \(Self.escape(channel))</span>" }
                if statement.stance != .asserted { html += " <span class=\"stance\">\(Self.escape(statement.stance.rawValue))</span>" }
                if let content = statement.contentText {
                    html += ": <q>\(Self.escape(TimelineTextRenderer.oneLine(content)))</q>"
                }
            } else {
                html += "<span class=\"event\">\(Self.escape(entry.event.text))</span>"
                html += " <span class=\"class\">\(Self.escape(entry.event.eventClass.rawValue))</span>"
                if entry.attribution != .narrated { html += " <span class=\"stance\">\(Self.escape(entry.attribution.rawValue))</span>" }
                if entry.isDenied { html += " <span class=\"stance\">denied</span>" }
            }
            switch (entry.time.relation, entry.time.anchor) {
            case (.unknown, _), (_, nil): break
            case (let relation, .entry(let id)?):
                html += " <span class=\"relation\">\(Self.escape(relation.rawValue.lowercased())) <a href=\"#\(Self.escape(id))\">\(Self.escape(id))</a> "
                    + "\(Self.escape(texts[id] ?? ""))</span>"
            case (let relation, .time(_, _, let text, let value)?):
                html += " <span class=\"relation\">\(Self.escape(relation.rawValue.lowercased())) “\(Self.escape(text))” (\(Self.escape(value)))</span>"
            case (let relation, .creationTime(_, let value)?):
                html += " <span class=\"relation\">\(Self.escape(relation.rawValue.lowercased())) the article’s date (\(Self.escape(value)))</span>"
            }
            if !entry.participants.isEmpty {
                html += " <span class=\"participants\">\(Self.escape(entry.participants.joined(separator: ", ")))</span>"
            }
            html += " <span class=\"sources\">"
            html += entry.sources.map { source in
                "<a href=\"#\(Self.escape(Self.anchor(source)))\">\(Self.escape(source.document))\(source.sentence.map { ":\($0 + 1)" } ?? "")</a>"
            }.joined(separator: " ")
            html += "</span></li>\n"
        }
        return html + "</ol>\n</section>\n"
    }

    // MARK: Documents

    private func documentsSection(_ timeline: Timeline) -> String {
        // Which entry each event mention belongs to, per document.
        var entryOfSpan: [String: [TextSpan: String]] = [:]
        for entry in timeline.entries {
            for source in entry.sources { entryOfSpan[source.document, default: [:]][source.span] = entry.id }
        }
        var html = "<section class=\"documents\">\n<h2>Documents</h2>\n"
        html += "<p class=\"legend\"><mark class=\"timex\">time expression</mark> <mark class=\"event\">event</mark></p>\n"
        for document in timeline.documents {
            html += "<article id=\"doc-\(Self.escape(Self.fragment(document.id)))\">\n"
            html += "<h3>\(Self.escape(document.title.map(TimelineTextRenderer.oneLine) ?? document.id))</h3>\n"
            let dct = document.creationTime.map { "\($0) (\($0.source.rawValue))" } ?? "none"
            html += "<p class=\"meta\">\(Self.escape(document.id)) · creation time: \(Self.escape(dct))</p>\n"
            html += "<div class=\"text\">\(highlighted(document, entries: entryOfSpan[document.id] ?? [:]))</div>\n</article>\n"
        }
        return html + "</section>\n"
    }

    /// The document's text with its time expressions and events marked. Overlapping marks are nested when one
    /// contains the other; a mark that would cross another is left out.
    private func highlighted(_ document: Timeline.DocumentInfo, entries: [TextSpan: String]) -> String {
        struct Mark { var span: TextSpan; var open: String; var close: String }
        var marks: [Mark] = []
        for timex in document.timeExpressions where !timex.span.isEmpty {
            marks.append(Mark(span: timex.span, open: "<mark class=\"timex\" title=\"\(Self.escape(timex.kind.rawValue + " " + timex.value))\">", close: "</mark>"))
        }
        var seen: Set<TextSpan> = []
        var eventSpans: [(TextSpan, String)] = document.events.map { ($0.span, $0.eventClass.rawValue) }
        for (span, id) in entries where !document.events.contains(where: { $0.span == span }) { eventSpans.append((span, "REPORTING " + id)) }
        for (span, title) in eventSpans.sorted(by: { $0.0 < $1.0 }) where !span.isEmpty && seen.insert(span).inserted {
            let id = entries[span]
            var open = "<mark class=\"event\" title=\"\(Self.escape(title))\""
            open += " id=\"\(Self.escape(Self.anchor(Timeline.SourceSpan(document: document.id, span: span))))\">"
            if let id { open += "<a href=\"#\(Self.escape(id))\">" }
            marks.append(Mark(span: span, open: open, close: (id != nil ? "</a>" : "") + "</mark>"))
        }
        // Sort outer marks first; drop marks that cross an earlier one.
        marks.sort { $0.span.start != $1.span.start ? $0.span.start < $1.span.start : $0.span.end > $1.span.end }
        var kept: [Mark] = []
        var stack: [TextSpan] = []
        for mark in marks {
            while let top = stack.last, top.end <= mark.span.start { stack.removeLast() }
            if let top = stack.last, !top.contains(mark.span) { continue }
            kept.append(mark)
            stack.append(mark.span)
        }
        var opens: [Int: [String]] = [:], closes: [Int: [String]] = [:]
        for mark in kept {
            opens[mark.span.start, default: []].append(mark.open)
            closes[mark.span.end, default: []].insert(mark.close, at: 0)
        }
        var out = ""
        let scalars = Array(document.text.unicodeScalars)
        var buffer = String.UnicodeScalarView()
        func flush() { out += Self.escape(String(buffer)); buffer = String.UnicodeScalarView() }
        for (index, scalar) in scalars.enumerated() {
            if closes[index] != nil || opens[index] != nil { flush() }
            if let list = closes[index] { out += list.joined() }
            if let list = opens[index] { out += list.joined() }
            buffer.append(scalar)
        }
        flush()
        if let list = closes[scalars.count] { out += list.joined() }
        return out
    }

    // MARK: Helpers

    private static func cssClass(_ entry: Timeline.Entry) -> String {
        let inferred = entry.time.basis.isInferred ? " inferred" : ""
        if entry.statement != nil { return "statement" + inferred }
        if entry.isDenied { return "denied" + inferred }
        switch entry.attribution {
        case .reported: return "reported" + inferred
        case .denied: return "denied" + inferred
        default: return "event" + inferred
        }
    }

    /// The element id of a source span: `src-DOCUMENT-START-END`.
    private static func anchor(_ source: Timeline.SourceSpan) -> String {
        "src-\(fragment(source.document))-\(source.span.start)-\(source.span.end)"
    }

    /// A document id made safe for an element id (letters, digits, `-`, `_`, `.`; anything else as `_`).
    private static func fragment(_ id: String) -> String {
        String(String.UnicodeScalarView(id.unicodeScalars.map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar)) ? scalar : "_"
        }))
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Escapes text for HTML element content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and line ends cannot appear in HTML.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" || scalar.value == 0x7F {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    private static let css = """
        :root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fff; --muted: #6e6e73; --line: #d2d2d7;
                --event: #2f6fdb; --statement: #b35c00; --reported: #8e44ad; --denied: #c0392b; --timex: #fff3b0; --eventbg: #dbe8ff; }
        @media (prefers-color-scheme: dark) { :root { --fg: #f5f5f7; --bg: #1d1d1f; --muted: #a1a1a6; --line: #424245;
                --timex: #5c4e00; --eventbg: #1f3a66; } }
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg);
               max-width: 1000px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 1.5rem; margin-bottom: 0; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
        .meta { color: var(--muted); margin-top: .2rem; }
        .warnings li { color: var(--denied); } .warnings .code { font-family: ui-monospace, monospace; font-size: .85em; }
        svg { display: block; font: 11px system-ui, sans-serif; }
        svg .axis { stroke: var(--muted); fill: var(--muted); } svg .grid { stroke: var(--line); stroke-dasharray: 2 3; }
        svg .tick { fill: var(--muted); text-anchor: middle; } svg .label { fill: var(--fg); }
        svg .mark { fill: var(--event); stroke: var(--event); } svg .mark.statement { fill: var(--statement); stroke: var(--statement); }
        svg .mark.reported { fill: var(--reported); stroke: var(--reported); } svg .mark.denied { fill: var(--denied); stroke: var(--denied); }
        svg .mark.unknown { fill: var(--line); stroke: var(--muted); } svg .mark.inferred { fill-opacity: .25; stroke-dasharray: 2 2; } svg .open { stroke-width: 4; stroke-opacity: .45; fill: none; }
        svg .arrowhead { fill: var(--muted); } svg .dct { stroke: var(--statement); stroke-dasharray: 4 3; } svg a:hover .label { text-decoration: underline; }
        .entries ol { list-style: none; padding: 0; } .entries li { padding: .25rem 0; border-bottom: 1px solid var(--line); }
        .entries li:target { background: var(--eventbg); }
        .when { font-family: ui-monospace, monospace; display: inline-block; min-width: 14ch; color: var(--muted); }
        .id { font-family: ui-monospace, monospace; color: var(--muted); font-size: .85em; }
        .event { color: var(--event); font-weight: 600; } .speaker { font-weight: 600; } .verb { color: var(--statement); font-weight: 600; }
        .channel, .relation, .participants, .class { color: var(--muted); font-size: .9em; }
        .stance { color: #fff; background: var(--reported); border-radius: 3px; padding: 0 .3em; font-size: .8em; }
        li.denied .stance, li.statement .stance { background: var(--denied); }
        .sources a { font-size: .8em; color: var(--muted); }
        .text { white-space: pre-wrap; border-left: 3px solid var(--line); padding-left: 1rem; }
        mark.timex { background: var(--timex); color: inherit; border-radius: 2px; }
        mark.event { background: var(--eventbg); color: inherit; border-radius: 2px; } mark.event a { color: inherit; text-decoration: none; }
        mark:target { outline: 2px solid var(--event); }

        """
}
