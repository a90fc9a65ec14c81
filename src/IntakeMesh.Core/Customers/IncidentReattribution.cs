using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Customers;

/// <summary>
/// Complaints about one incident key that now belong to <see cref="To"/> instead of
/// <see cref="From"/>. <see cref="FromStays"/> says whether <see cref="From"/> still has complaints
/// there (then <see cref="To"/> is one more participant; otherwise <see cref="From"/> is renamed).
/// The first moved complaint's time, channel and event id describe <see cref="To"/>'s arrival.
/// </summary>
public sealed record IncidentReattribution(
    string IncidentKey,
    string From,
    string To,
    bool FromStays,
    DateTimeOffset FirstAt,
    Channel Channel,
    string EventId);
