namespace IntakeMesh.Core.Incidents;

/// <summary>The time-driven and operator-driven side of an incident: quiet close, acknowledge, resolve, missed deadlines.</summary>
public sealed partial class Incident
{
    /// <summary>Closes the incident when it has been quiet for the quiet period by <paramref name="at"/> (a timer's call).</summary>
    public TierChange? Close(DateTimeOffset at)
    {
        if (State.IsNew || State.IsClosed || State.LastActive is not { } active || at - active <= _options.QuietPeriod)
        {
            return null;
        }
        return CloseAt(active + _options.QuietPeriod, ChangeKind.Closed, QuietReason());
    }

    /// <summary>An operator takes the incident on at its current tier; stops the deadline escalation for that tier.</summary>
    public TierChange? Acknowledge(DateTimeOffset at, string by, string? note = null)
    {
        var state = State;
        if (state.IsNew || state.IsClosed || state.Acknowledged is { } ack && ack.Tier >= state.Tier)
        {
            return null;
        }
        state.Acknowledged = new OperatorAction(at, by, note, state.Tier);
        return Record(at, state.Tier, state.Phase, ChangeKind.Acknowledged, [Operator($"acknowledged at {state.Tier}", by, note)], state.ResponseDue ?? at);
    }

    /// <summary>An operator resolves the incident: it closes, and a later complaint on the key opens a new wave.</summary>
    public TierChange? Resolve(DateTimeOffset at, string by, string? note = null)
    {
        var state = State;
        if (state.IsNew || state.IsClosed)
        {
            return null;
        }
        state.Resolved = new OperatorAction(at, by, note, state.Tier);
        return CloseAt(at, ChangeKind.Resolved, Operator("resolved", by, note));
    }

    /// <summary>
    /// Raises the tier by one, once per wave, when the current first-response deadline passed by
    /// <paramref name="now"/> without an acknowledgement at the current tier (a reminder's call).
    /// </summary>
    public TierChange? CheckDeadline(DateTimeOffset now)
    {
        var state = State;
        if (state.IsNew || state.IsClosed || state.DeadlineEscalated || state.ResponseDue is not { } due || now < due
            || state.Acknowledged is { } ack && ack.Tier >= state.Tier)
        {
            return null;
        }
        state.DeadlineEscalated = true;
        var from = state.Tier;
        var to = from < Tier.T4 ? from + 1 : Tier.T4;
        var reason = $"first-response deadline for {from} ({Duration(_options.DeadlineFor(from))}) passed at {due:yyyy-MM-dd HH:mm zzz} without acknowledgement"
            + (to > from ? $": raised one tier to {to}" : ": already at T4");
        return Record(now, to, state.Phase, ChangeKind.DeadlineMissed, [reason], now + _options.DeadlineFor(to));
    }

    private static string Operator(string what, string by, string? note) =>
        string.IsNullOrWhiteSpace(note) ? $"{what} by {by}" : $"{what} by {by}: {note}";
}
