using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Host.Apis;

/// <summary>
/// An incident's board line as a viewer sees it: no customer keys, no operator names or notes
/// in its reasons. Built field by field (an
/// allow-list, not a copy with some fields blanked), so a field added to <see cref="IncidentSummary"/>
/// later stays hidden from viewers until someone decides it is safe to show.
/// </summary>
public sealed record ViewerIncidentSummary(
    string Id,
    string Key,
    Tier Tier,
    Phase Phase,
    int Participants,
    long Complaints,
    ViewerStarter? Starter,
    IReadOnlyList<Channel> Channels,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    DateTimeOffset? ResponseDue,
    IReadOnlyList<string> Reasons,
    int Wave,
    IncidentStatus Status,
    long Contacts,
    long Templated,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<int> Hourly,
    DateTimeOffset? HourlyFrom)
{
    public static ViewerIncidentSummary From(IncidentSummary s) => new(
        s.Id, s.Key, s.Tier, s.Phase, s.Participants, s.Complaints,
        s.Starter is { } starter ? new ViewerStarter(starter.Channel, starter.At) : null,
        s.Channels, s.FirstSeen, s.LastSeen, s.ResponseDue, OperatorReasons.WithoutOperators(s.Reasons), s.Wave, s.Status, s.Contacts, s.Templated, s.ClosedAt, s.Hourly, s.HourlyFrom);
}

/// <summary>Where and when an incident started, without who started it.</summary>
public sealed record ViewerStarter(Channel Channel, DateTimeOffset At);
