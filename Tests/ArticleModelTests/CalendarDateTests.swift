// Calendar days as articles state review dates: parsing, validity, month arithmetic, order.
import Testing
@testable import ArticleModel

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test func parsesISODates() throws {
        let date = try #require(CalendarDate(iso: "2025-04-14"))
        #expect(date.year == 2025 && date.month == 4 && date.day == 14)
        #expect(date.description == "2025-04-14")
        #expect(CalendarDate(iso: "2026-01-05")?.description == "2026-01-05")
        #expect(CalendarDate(iso: "1999-12-31") == CalendarDate(year: 1999, month: 12, day: 31))
    }

    @Test(arguments: ["2025-13-01", "2025-00-10", "2025-04-00", "2025-04-31", "2025-02-30", "2023-02-29",
                      "1900-02-29", "2025-4-14", "25-04-14", "2025/04/14", "2025-04-14T00:00", "20250414",
                      "", "yesterday", "2025--4-14", "2025-04-1a"])
    func rejectsInvalidDates(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func rejectsSignedParts() {
        #expect(CalendarDate(iso: "2025-+4-14") == nil)
        #expect(CalendarDate(iso: "2025-04-+1") == nil)
    }

    @Test func leapDays() {
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2000-02-29") != nil)
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "2100-02-29") == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 30) == nil)
    }

    @Test func invalidComponents() {
        #expect(CalendarDate(year: 2025, month: 0, day: 1) == nil)
        #expect(CalendarDate(year: 2025, month: 13, day: 1) == nil)
        #expect(CalendarDate(year: 2025, month: 6, day: 31) == nil)
        #expect(CalendarDate(year: 2025, month: 6, day: 0) == nil)
    }

    @Test(arguments: [
        ("2025-01-31", 1, "2025-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
        ("2025-03-31", 1, "2025-04-30"),
        ("2025-11-15", 3, "2026-02-15"),
        ("2025-12-31", 1, "2026-01-31"),
        ("2025-04-14", 12, "2026-04-14"),
        ("2025-04-14", 0, "2025-04-14"),
        ("2025-03-31", -1, "2025-02-28"),
        ("2025-01-15", -1, "2024-12-15"),
        ("2025-01-15", -13, "2023-12-15"),
    ])
    func addingMonthsClampsToTheMonthEnd(start: String, months: Int, expected: String) throws {
        let date = try #require(CalendarDate(iso: start))
        #expect(date.adding(months: months).description == expected)
    }

    @Test func ordering() throws {
        let dates = try ["2025-04-14", "2024-12-31", "2025-04-01", "2025-01-20", "2025-04-15"]
            .map { try #require(CalendarDate(iso: $0)) }
        #expect(dates.sorted().map(\.description) ==
                ["2024-12-31", "2025-01-20", "2025-04-01", "2025-04-14", "2025-04-15"])
        let a = try #require(CalendarDate(iso: "2025-04-14"))
        let b = try #require(CalendarDate(iso: "2025-05-01"))
        #expect(a < b && !(b < a) && a <= a && !(a < a))
        #expect(CalendarDate(iso: "2026-01-01")! > CalendarDate(iso: "2025-12-31")!)
    }
}
