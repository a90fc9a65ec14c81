using IntakeMesh.Core.Regulation;

namespace IntakeMesh.Core.Tests.Regulation;

/// <summary>Times and a simple rule for the clock tests: UTC, ten calendar days, no defaults.</summary>
internal static class RegulationFacts
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>Received at midnight UTC on 1 January; ten calendar days end at midnight on 12 January (an 11-day span).</summary>
    public static readonly DateTimeOffset Received = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Due = new(2026, 1, 12, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Options with one rule, "ten-days" (body "TESTREG", stops on resolve), on a UTC calendar.</summary>
    public static RegulationOptions TenDays(int maxClocks = 1024) => new()
    {
        UseDefaults = false,
        MaxClocks = maxClocks,
        Calendars = { ["utc"] = new BusinessCalendar() },
        Rules =
        {
            ["ten-days"] = new RegulatoryRule
            {
                Bodies = ["TESTREG"],
                Calendar = "utc",
                Stages = [new StageRule { Name = "final", Days = 10 }],
            },
        },
    };

    public static RegulatoryClock Start(this RegulatoryClocks clocks, string body, string caseRef, DateTimeOffset receivedAt, DateTimeOffset? dueAt = null) =>
        clocks.Start(body, null, null, caseRef, receivedAt, dueAt) ?? throw new InvalidOperationException($"no clock for '{body}'");

    public static RegulatoryClockSet SetOf(this RegulatoryClocks clocks, params RegulatoryClock[] items)
    {
        var set = new RegulatoryClockSet();
        foreach (var clock in items)
        {
            clocks.Add(set, clock);
        }
        return set;
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
