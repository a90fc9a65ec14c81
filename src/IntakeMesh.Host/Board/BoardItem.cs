using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Host.Apis;

namespace IntakeMesh.Host.Board;

/// <summary>
/// One line of the board as the page draws it. Built field by field from <see cref="IncidentSummary"/>;
/// the starter's customer key only for operators and admins, and operator names and notes taken
/// out of the reasons for viewers.
/// </summary>
public sealed record BoardItem(
    string Id,
    string Key,
    Tier Tier,
    Phase Phase,
    IncidentStatus Status,
    int Participants,
    long Complaints,
    long Contacts,
    long Templated,
    IReadOnlyList<Channel> Channels,
    BoardStarter? Starter,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    DateTimeOffset? ResponseDue,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<string> Reasons,
    int Wave,
    IReadOnlyList<int> Hourly,
    DateTimeOffset? HourlyFrom)
{
    public static BoardItem From(IncidentSummary s, bool showCustomers) => new(
        s.Id, s.Key, s.Tier, s.Phase, s.Status, s.Participants, s.Complaints, s.Contacts, s.Templated, s.Channels,
        s.Starter is { } starter ? new BoardStarter(starter.Channel, starter.At, showCustomers ? starter.CustomerKey : null) : null,
        s.FirstSeen, s.LastSeen, s.ResponseDue, s.ClosedAt,
        showCustomers ? s.Reasons : OperatorReasons.WithoutOperators(s.Reasons),
        s.Wave, s.Hourly, s.HourlyFrom);
}

/// <summary>Where and when an incident started, and (for operators) the starter's pseudonymous key.</summary>
public sealed record BoardStarter(Channel Channel, DateTimeOffset At, string? CustomerKey);
