namespace IntakeMesh.Core.Regulation;

/// <summary>What changes clocks besides time: adding, operator actions, exceptional cases and merges.</summary>
public sealed partial class RegulatoryClocks
{
    /// <summary>
    /// Adds a clock to an incident's set. A case already in the set is combined with it (the earliest
    /// deadline per stage wins). When the set is over <see cref="RegulationOptions.MaxClocks"/>, the
    /// clocks with the latest or no open deadline are dropped and counted in
    /// <see cref="RegulatoryClockSet.Dropped"/>, because the nearest deadlines are the ones at risk.
    /// Returns false when the new clock itself was dropped.
    /// </summary>
    public bool Add(RegulatoryClockSet set, RegulatoryClock clock)
    {
        AddOrCombine(set, clock);
        Trim(set);
        return set.Find(clock.CaseRef) is not null;
    }

    /// <summary>
    /// Moves the clocks of a merged-away incident into the surviving one's set (as copies). A case in
    /// both keeps the earliest deadline per stage and every fired mark, so nothing fires twice.
    /// </summary>
    public void Merge(RegulatoryClockSet target, RegulatoryClockSet source)
    {
        foreach (var clock in source.Clocks)
        {
            AddOrCombine(target, clock.Copy());
        }
        target.Dropped += source.Dropped;
        Trim(target);
    }

    /// <summary>
    /// An operator action at <paramref name="at"/> stops the open stages it meets on clocks received by
    /// then: acknowledging stops the acknowledged-stages, resolving stops every stage. A stage counted
    /// from a stage just stopped is counted again from that moment. Returns the number of stages stopped.
    /// Call <see cref="DueAlarms"/> first to fire what came due before the action.
    /// </summary>
    public int Stop(RegulatoryClockSet set, StopCondition condition, DateTimeOffset at)
    {
        var stopped = 0;
        foreach (var clock in set.Clocks.Where(c => c.ReceivedAt <= at))
        {
            var stopping = clock.Stages.Where(s => s.IsOpen && (s.StopsOn == condition || condition == StopCondition.Resolved)).ToList();
            foreach (var stage in stopping)
            {
                stage.StoppedAt = at;
            }
            stopped += stopping.Count;
            // Only stages counted from one stopped just now: a merge's earliest deadline stays as it is.
            foreach (var stage in clock.Stages.Where(s => s.IsOpen && !s.FromRecord && stopping.Exists(n => Same(n.Name, s.After))))
            {
                Recount(clock, stage, at);
            }
        }
        return stopped;
    }

    /// <summary>
    /// Marks a case exceptional at <paramref name="at"/>: the stage's longer length applies (the FCA's
    /// 35 business days for payment services). False when the stage has no exceptional length, is
    /// stopped, already exceptional, due by then, or has the record's own due date.
    /// </summary>
    public bool MarkExceptional(RegulatoryClock clock, string stageName, DateTimeOffset at)
    {
        var stage = clock.Stage(stageName);
        if (stage is null || !stage.IsOpen || stage.Exceptional || stage.FromRecord || stage.Breached || at >= stage.DueAt
            || Origin(clock, stage) is not { Rule.ExceptionalDays: { } days } origin)
        {
            return false;
        }
        stage.Exceptional = true;
        Rearm(stage, origin.Calendar.Add(stage.StartsAt, days, origin.Rule.Unit), at);
        return true;
    }

    // Counts a stage again from the moment the stage it counts from stopped.
    private void Recount(RegulatoryClock clock, StageDeadline stage, DateTimeOffset from)
    {
        if (Origin(clock, stage) is not { } origin)
        {
            return;
        }
        var days = stage.Exceptional && origin.Rule.ExceptionalDays is { } exceptional ? exceptional : origin.Rule.Days;
        stage.StartsAt = from;
        Rearm(stage, origin.Calendar.Add(from, days, origin.Rule.Unit), from);
    }

    // A deadline that moves later re-arms the warnings still ahead on the new timeline; a breach stays.
    private void Rearm(StageDeadline stage, DateTimeOffset due, DateTimeOffset at)
    {
        stage.DueAt = due;
        stage.Warned = Math.Min(stage.Warned, PassedFraction(stage, at));
    }

    private static void AddOrCombine(RegulatoryClockSet set, RegulatoryClock clock)
    {
        if (set.Find(clock.CaseRef) is not { } existing)
        {
            set.Clocks.Add(clock);
            return;
        }
        if (existing.Rule == RegulationOptions.RecordRule && clock.Rule != RegulationOptions.RecordRule)
        {
            existing.Rule = clock.Rule;
        }
        existing.Body ??= clock.Body;
        if (clock.ReceivedAt < existing.ReceivedAt)
        {
            existing.ReceivedAt = clock.ReceivedAt;
        }
        foreach (var stage in clock.Stages)
        {
            if (existing.Stage(stage.Name) is not { } kept)
            {
                existing.Stages.Add(stage.Copy());
                continue;
            }
            if (stage.DueAt < kept.DueAt)
            {
                kept.StartsAt = stage.StartsAt;
                kept.DueAt = stage.DueAt;
                kept.FromRecord = stage.FromRecord;
                kept.Exceptional = stage.Exceptional;
            }
            kept.Warned = Math.Max(kept.Warned, stage.Warned);
            kept.Breached |= stage.Breached;
            kept.StoppedAt = Earliest(kept.StoppedAt, stage.StoppedAt);
        }
    }

    private void Trim(RegulatoryClockSet set)
    {
        var over = set.Clocks.Count - _maxClocks;
        if (over <= 0)
        {
            return;
        }
        // Keep the nearest open deadlines (among equals, the earlier cases), in the set's own order.
        var dropped = set.Clocks
            .OrderBy(c => c.EarliestOpenDue ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.ReceivedAt)
            .ThenBy(c => c.CaseRef, StringComparer.Ordinal)
            .Skip(_maxClocks)
            .ToHashSet();
        set.Clocks.RemoveAll(dropped.Contains);
        set.Dropped += over;
    }

    private static bool Same(string name, string? other) => string.Equals(name, other, StringComparison.OrdinalIgnoreCase);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
