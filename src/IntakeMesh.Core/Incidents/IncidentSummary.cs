using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Incidents;

/// <summary>The board's line for one incident: enough to sort, filter and decide to look closer.</summary>
public sealed record IncidentSummary(
    string Id,
    string Key,
    Tier Tier,
    Phase Phase,
    int Participants,
    long Complaints,
    StarterView? Starter,
    IReadOnlyList<Channel> Channels,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    DateTimeOffset? ResponseDue,
    IReadOnlyList<string> Reasons)
{
    /// <summary>Which wave of its key this incident is (1 for the first).</summary>
    public int Wave { get; init; }

    /// <summary>The incident's <see cref="IncidentState.Revision"/> this summary was made at: of two, the higher is newer.</summary>
    public long Revision { get; init; }

    public IncidentStatus Status { get; init; }

    /// <summary>Every contact, repeat contacts included.</summary>
    public long Contacts { get; init; }

    /// <summary>Complaints whose text nearly matches another customer's.</summary>
    public long Templated { get; init; }

    /// <summary>The incident on the same key before this one (closed when quiet, resolved, or past its maximum age).</summary>
    public string? PreviousId { get; init; }

    /// <summary>When it closed (resolved or quiet), if it did.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>New complaints per hour for the 48 hours up to the newest one, oldest first (the board's sparkline).</summary>
    public IReadOnlyList<int> Hourly { get; init; } = [];

    /// <summary>The start of the first hour of <see cref="Hourly"/>.</summary>
    public DateTimeOffset? HourlyFrom { get; init; }

    public static IncidentSummary From(IncidentState state) => new(
        state.Id,
        state.Key,
        state.Tier,
        state.Phase,
        // Max with the sample: state stored before the count existed still shows its participants.
        (int)Math.Min(Math.Max(state.ParticipantCount, state.Participants.Count), int.MaxValue),
        state.Complaints,
        state.Starter is { } starter ? new StarterView(starter.CustomerKey, starter.Channel, starter.FirstAt) : null,
        [.. state.ContactsByChannel.Keys.Order()],
        state.FirstSeen ?? default,
        state.LastSeen ?? default,
        state.ResponseDue,
        state.Reasons)
    {
        Wave = state.Wave,
        Revision = state.Revision,
        Status = state.Status,
        Contacts = state.Contacts,
        Templated = state.Templated,
        ClosedAt = state.ClosedAt,
        PreviousId = state.PreviousId,
        Hourly = state.Hourly.NewestHour == 0 ? [] : state.Hourly.Total(),
        HourlyFrom = state.Hourly.From,
    };
}

/// <summary>Who started an incident, by pseudonymous key, and where.</summary>
public sealed record StarterView(string CustomerKey, Channel Channel, DateTimeOffset At);
