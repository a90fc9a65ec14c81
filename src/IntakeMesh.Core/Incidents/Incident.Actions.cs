namespace IntakeMesh.Core.Incidents;

/// <summary>The time-driven and operator-driven side of an incident: quiet close, acknowledge, resolve, missed deadlines.</summary>
public sealed partial class Incident
{
    /// <summary>
    /// Closes the incident when by <paramref name="at"/> it has been quiet for the quiet period or
    /// reached its maximum age, at whichever came first.
    /// </summary>
    public TierChange? Close(DateTimeOffset at)
    {
        if (State.IsNew || State.IsClosed || State.LastActive is not { } active)
        {
            return null;
        }
        var quietAt = active + _options.QuietPeriod;
        var agedAt = AgedAt;
        var quiet = at > quietAt;
        if (agedAt is { } aged && at >= aged && (!quiet || aged < quietAt))
        {
            return CloseAt(aged, ChangeKind.Closed, AgeReason());
        }
        return quiet ? CloseAt(quietAt, ChangeKind.Closed, QuietReason()) : null;
    }

    /// <summary>When the open incident closes unless another complaint keeps it going: quiet or aged, whichever is first; null when closed.</summary>
    public DateTimeOffset? ClosesAt =>
        State.IsNew || State.IsClosed || State.LastActive is not { } active ? null
        : AgedAt is { } aged && aged <= active + _options.QuietPeriod ? aged
        : active + _options.QuietPeriod;

    private DateTimeOffset? AgedAt => State.FirstSeen is { } first ? first + _options.MaxIncidentAge : null;

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
