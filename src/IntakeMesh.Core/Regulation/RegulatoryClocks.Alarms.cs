namespace IntakeMesh.Core.Regulation;

/// <summary>Warnings before a deadline and the breach at it, each fired once.</summary>
public sealed partial class RegulatoryClocks
{
    /// <summary>
    /// The warnings and breaches due by <paramref name="now"/> that have not fired yet, marking them
    /// fired, so a second call returns nothing new. A warning is due at
    /// <c>StartsAt + fraction × (DueAt − StartsAt)</c>, a breach at <c>DueAt</c>.
    /// </summary>
    /// <remarks>
    /// When several alarms of one stage are due at once (a clock started on replayed history, or a
    /// silo that was down), only the most severe fires: the breach if it is due, else the highest
    /// warning crossed. The others are marked fired without an alarm, since they are stale.
    /// </remarks>
    public IReadOnlyList<RegulatoryAlarm> DueAlarms(RegulatoryClockSet set, DateTimeOffset now)
    {
        var alarms = new List<RegulatoryAlarm>();
        foreach (var clock in set.Clocks)
        {
            foreach (var stage in clock.Stages.Where(s => s.IsOpen && !s.Breached))
            {
                if (now >= stage.DueAt)
                {
                    stage.Breached = true;
                    alarms.Add(Alarm(clock, stage, AlarmKind.Breach, null, stage.DueAt));
                }
                else if (PassedFraction(stage, now) is var passed && passed > stage.Warned)
                {
                    stage.Warned = passed;
                    alarms.Add(Alarm(clock, stage, AlarmKind.Warning, passed, WarningAt(stage, passed)));
                }
            }
        }
        return alarms;
    }

    /// <summary>When the next alarm of the set comes due (possibly already past), or null when none is left.</summary>
    public DateTimeOffset? NextAlarmAt(RegulatoryClockSet set)
    {
        // Runs after every batch over up to a thousand clocks: plain loops, nothing allocated.
        DateTimeOffset? next = null;
        foreach (var clock in set.Clocks)
        {
            foreach (var stage in clock.Stages)
            {
                if (!stage.IsOpen || stage.Breached)
                {
                    continue;
                }
                var at = stage.DueAt;
                for (var i = 0; i < WarningFractions.Count; i++)
                {
                    if (WarningFractions[i] > stage.Warned && WarningAt(stage, WarningFractions[i]) is var warning && warning < at)
                    {
                        at = warning;
                    }
                }
                if (next is null || at < next)
                {
                    next = at;
                }
            }
        }
        return next;
    }

    /// <summary>
    /// The instant a warning fraction of the stage's time has passed, rounded up to the tick so a
    /// warning never comes before its fraction. A stage with no time at all warns at its deadline.
    /// </summary>
    public static DateTimeOffset WarningAt(StageDeadline stage, double fraction)
    {
        var span = stage.DueAt - stage.StartsAt;
        if (span <= TimeSpan.Zero)
        {
            return stage.DueAt;
        }
        // Decimal, so that 0.9 of a span is exact rather than a binary fraction off by a tick.
        var ticks = (long)Math.Ceiling((decimal)fraction * span.Ticks);
        return stage.StartsAt.AddTicks(ticks);
    }

    // The highest warning fraction whose moment is at or before the given instant; 0 when none is.
    private double PassedFraction(StageDeadline stage, DateTimeOffset at) =>
        WarningFractions.Where(f => WarningAt(stage, f) <= at).DefaultIfEmpty(0).Max();

    private static RegulatoryAlarm Alarm(RegulatoryClock clock, StageDeadline stage, AlarmKind kind, double? fraction, DateTimeOffset at) =>
        new(clock.CaseRef, clock.Rule, clock.Body, stage.Name, kind, fraction, stage.DueAt, at);
}
