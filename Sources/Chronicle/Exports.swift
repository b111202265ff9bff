@_exported import ChronicleCalendar
@_exported import ChronicleCore
@_exported import ChronicleEvaluation
@_exported import ChronicleFormats
@_exported import ChronicleLanguage
@_exported import ChronicleText
@_exported import ChronicleTime
