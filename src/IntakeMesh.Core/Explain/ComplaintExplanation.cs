using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Explain;

/// <summary>
/// Why one complaint went where it went: its customer link, its incident key and incident, and
/// its dedup verdict. Built by <see cref="ExplanationBuilder"/> from the decisions actually
/// taken, the same way live and in replay. Identifiers appear masked only.
/// </summary>
public sealed record ComplaintExplanation(
    string ComplaintId,
    string EventId,
    Channel Channel,
    DateTimeOffset OccurredAt,
    CustomerLink Customer,
    IncidentKeyExplanation Incident,
    DedupVerdict Verdict);
