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
    public static IncidentSummary From(IncidentState state) => new(
        state.Id,
        state.Key,
        state.Tier,
        state.Phase,
        state.Participants.Count,
        state.Complaints,
        state.Starter is { } starter ? new StarterView(starter.CustomerKey, starter.Channel, starter.FirstAt) : null,
        [.. state.ComplaintsByChannel.Keys.Order()],
        state.FirstSeen ?? default,
        state.LastSeen ?? default,
        state.ResponseDue,
        state.Reasons);
}

/// <summary>Who started an incident, by pseudonymous key, and where.</summary>
public sealed record StarterView(string CustomerKey, Channel Channel, DateTimeOffset At);
