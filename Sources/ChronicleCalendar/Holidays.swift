/// Movable and fixed feasts that news text names by name.
public enum Holidays {
    /// Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    public static func easter(year: Int) -> CalendarDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)!
    }

    /// The `n`th given weekday of a month (n = 1...5), or the last one when `n` is -1; `nil` if there is no such day.
    public static func nthWeekday(_ n: Int, _ weekday: Weekday, month: Int, year: Int) -> CalendarDate? {
        guard let first = CalendarDate(year: year, month: month, day: 1) else { return nil }
        if n == -1 {
            let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!
            return last.previous(weekday, includingSelf: true)
        }
        let date = first.next(weekday, includingSelf: true).adding(days: 7 * (n - 1))
        return date.month == month ? date : nil
    }
}
