using IntakeMesh.Core.Regulation;
using static IntakeMesh.Core.Tests.Regulation.RegulationFacts;

namespace IntakeMesh.Core.Tests.Regulation;

/// <summary>Deadline arithmetic: the receipt day does not count, a deadline ends at local midnight.</summary>
public class BusinessCalendarTests
{
    // A made-up week in Shanghai time: Friday 5 March 2027 off, Sunday 7 March worked in exchange.
    private static readonly BusinessCalendar Shanghai = new()
    {
        TimeZone = "Asia/Shanghai",
        Holidays = [new(2027, 3, 5)],
        WorkingDays = [new(2027, 3, 7)],
    };

    private static readonly DateTimeOffset Wednesday = new(2027, 3, 3, 10, 0, 0, China);

    [Fact]
    public void IsWorkingDay_HolidayWeekendAndMakeUpDay_FollowTheCalendar()
    {
        Assert.True(Shanghai.IsWorkingDay(new(2027, 3, 4)));
        Assert.False(Shanghai.IsWorkingDay(new(2027, 3, 5)));
        Assert.False(Shanghai.IsWorkingDay(new(2027, 3, 6)));
        Assert.True(Shanghai.IsWorkingDay(new(2027, 3, 7)));
    }

    [Fact]
    public void AddWorkingDays_OneDay_EndsAtLocalMidnightAfterTheNextDay()
    {
        var due = Shanghai.AddWorkingDays(Wednesday, 1);

        Assert.Equal(new DateTimeOffset(2027, 3, 5, 0, 0, 0, China), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void AddWorkingDays_AcrossHolidayAndMakeUpDay_SkipsFridayAndCountsSunday()
    {
        Assert.Equal(new DateTimeOffset(2027, 3, 8, 0, 0, 0, China), Shanghai.AddWorkingDays(Wednesday, 2));
        Assert.Equal(new DateTimeOffset(2027, 3, 9, 0, 0, 0, China), Shanghai.AddWorkingDays(Wednesday, 3));
    }

    [Fact]
    public void AddWorkingDays_WithoutHolidayOrMakeUpDay_EndsOnFriday()
    {
        var plain = new BusinessCalendar { TimeZone = "Asia/Shanghai" };

        Assert.Equal(new DateTimeOffset(2027, 3, 6, 0, 0, 0, China), plain.AddWorkingDays(Wednesday, 2));
    }

    [Fact]
    public void AddWorkingDays_ReceiptAfterLocalMidnight_CountsFromTheLocalDayNotTheUtcDay()
    {
        // 17:30 UTC on Wednesday is 01:30 on Thursday in Shanghai: the first working day after is Sunday (make-up).
        var lateEvening = new DateTimeOffset(2027, 3, 3, 17, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2027, 3, 8, 0, 0, 0, China), Shanghai.AddWorkingDays(lateEvening, 1));
        Assert.Equal(new DateOnly(2027, 3, 4), Shanghai.LocalDay(lateEvening));
    }

    [Fact]
    public void AddWorkingDays_ReceiptOnSaturday_FirstDayIsMonday()
    {
        var saturday = new DateTimeOffset(2027, 3, 13, 10, 0, 0, China);

        Assert.Equal(new DateTimeOffset(2027, 3, 16, 0, 0, 0, China), Shanghai.AddWorkingDays(saturday, 1));
    }

    [Fact]
    public void AddWorkingDays_ConfiguredWeekend_FridayAndSaturdayAreOff()
    {
        var gulf = new BusinessCalendar { WeekendDays = [DayOfWeek.Friday, DayOfWeek.Saturday] };

        // Thursday 4 March 2027: Friday and Saturday are off, Sunday is the first working day.
        Assert.Equal(Utc(2027, 3, 8), gulf.AddWorkingDays(Utc(2027, 3, 4, 9), 1));
    }

    [Fact]
    public void AddCalendarDays_AcrossTheClockChange_EndsAtLocalMidnightInSummerTime()
    {
        var london = new BusinessCalendar { TimeZone = "Europe/London" };

        // Received Friday 20 March 2026 (GMT); 15 days later is 4 April, in BST (UTC+1).
        Assert.Equal(Utc(2026, 4, 4, 23), london.AddCalendarDays(Utc(2026, 3, 20, 12), 15));
    }

    [Fact]
    public void AddCalendarDays_Zero_EndsTheDayOfReceipt()
    {
        Assert.Equal(Utc(2026, 1, 2), new BusinessCalendar().AddCalendarDays(Utc(2026, 1, 1, 13), 0));
    }

    [Fact]
    public void Zone_UnknownId_ThrowsNamingTheId()
    {
        var calendar = new BusinessCalendar { TimeZone = "Mars/Olympus_Mons" };

        var error = Assert.Throws<InvalidOperationException>(() => calendar.AddWorkingDays(Received, 1));
        Assert.Contains("Mars/Olympus_Mons", error.Message);
    }
}
