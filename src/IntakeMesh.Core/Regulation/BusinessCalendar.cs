using System.Text.Json.Serialization;

namespace IntakeMesh.Core.Regulation;

/// <summary>
/// Which days are working days, and in which time zone, for counting regulatory deadlines.
/// Bound from <c>Regulation:Calendars:{name}</c>; a configured calendar of a shipped name extends it
/// (<see cref="ExtendedBy"/>).
/// </summary>
/// <remarks>
/// Deadline convention, as the regulations count periods: the day of receipt is not counted, and
/// the deadline is the end of the Nth (working) day after it, in the calendar's time zone. The
/// instant returned is the local midnight that starts the following day, in UTC.
/// </remarks>
public sealed class BusinessCalendar
{
    private static readonly DayOfWeek[] SaturdayAndSunday = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>IANA time zone id, e.g. "Asia/Shanghai" or "Europe/London". Null means UTC (or, over a shipped calendar, its zone).</summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// Days of the week that are not working days. Null means Saturday and Sunday. (Null rather than
    /// a pre-filled list, because configuration binding appends to a list that already has items.)
    /// </summary>
    public List<DayOfWeek>? WeekendDays { get; set; }

    /// <summary>Days off that would otherwise be working days (public holidays and their bridging days).</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Weekend days that are working days, as in China's holiday arrangements (调休上班).</summary>
    public List<DateOnly> WorkingDays { get; set; } = [];

    [JsonIgnore]
    public string EffectiveTimeZone => string.IsNullOrWhiteSpace(TimeZone) ? "UTC" : TimeZone.Trim();

    [JsonIgnore]
    public IReadOnlyList<DayOfWeek> EffectiveWeekendDays => (IReadOnlyList<DayOfWeek>?)WeekendDays ?? SaturdayAndSunday;

    /// <summary>True on a make-up working day, false on a holiday, else true unless it is a weekend day.</summary>
    public bool IsWorkingDay(DateOnly day) =>
        WorkingDays.Contains(day) || (!Holidays.Contains(day) && !EffectiveWeekendDays.Contains(day.DayOfWeek));

    /// <summary>The end of the <paramref name="days"/>th working day after the local day of <paramref name="receivedAt"/>.</summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset receivedAt, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = LocalDay(receivedAt);
        for (int counted = 0, idle = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
                idle = 0;
            }
            else if (++idle > 366)
            {
                // Only an unvalidated calendar gets here (every weekday a weekend day).
                throw new InvalidOperationException("The calendar has no working day in a whole year");
            }
        }
        return EndOf(day);
    }

    /// <summary>The end of the <paramref name="days"/>th calendar day after the local day of <paramref name="receivedAt"/>.</summary>
    public DateTimeOffset AddCalendarDays(DateTimeOffset receivedAt, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return EndOf(LocalDay(receivedAt).AddDays(days));
    }

    /// <summary>Adds <paramref name="days"/> in the given unit.</summary>
    public DateTimeOffset Add(DateTimeOffset receivedAt, int days, DayUnit unit) =>
        unit == DayUnit.WorkingDays ? AddWorkingDays(receivedAt, days) : AddCalendarDays(receivedAt, days);

    /// <summary>The day <paramref name="at"/> falls on in the calendar's time zone.</summary>
    public DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone()).DateTime);

    /// <summary>The instant a local day ends: the first instant of the next local day, in UTC.</summary>
    public DateTimeOffset EndOf(DateOnly day)
    {
        var zone = Zone();
        var local = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A few zones move their clocks at midnight: the day then starts when the gap ends.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        // When midnight happens twice, the day starts at the first of them (the larger offset).
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>
    /// This calendar with a configured one over it: the configured holidays and make-up days are
    /// added, and its time zone and weekend replace these when it sets them.
    /// </summary>
    public BusinessCalendar ExtendedBy(BusinessCalendar configured) => new()
    {
        TimeZone = string.IsNullOrWhiteSpace(configured.TimeZone) ? TimeZone : configured.TimeZone,
        WeekendDays = configured.WeekendDays ?? WeekendDays,
        Holidays = [.. Holidays.Union(configured.Holidays)],
        WorkingDays = [.. WorkingDays.Union(configured.WorkingDays)],
    };

    /// <summary>The calendar's time zone; a clear error when the id is unknown on this machine.</summary>
    public TimeZoneInfo Zone() =>
        TryFindZone(EffectiveTimeZone, out var zone) ? zone
        : throw new InvalidOperationException($"Time zone '{EffectiveTimeZone}' was not found on this machine; use an IANA id such as Asia/Shanghai (is tzdata installed?)");

    internal static bool TryFindZone(string id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return false;
        }
    }
}
