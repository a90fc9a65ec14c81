namespace IntakeMesh.Contracts.Alerts;

/// <summary>
/// An incident climbed to a higher crisis tier, or (with <see cref="Reminder"/> above zero) is
/// still open at a high tier and nobody has acknowledged it.
/// </summary>
public sealed record IncidentEscalated : IIncidentAlert
{
    /// <inheritdoc />
    public required string AlertId { get; init; }

    /// <inheritdoc />
    public required string IncidentId { get; init; }

    /// <inheritdoc />
    public required string Key { get; init; }

    /// <summary>The tier reached: "T0" to "T4".</summary>
    public required string Tier { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The tier before this change; equal to <see cref="Tier"/> on a reminder.</summary>
    public required string PreviousTier { get; init; }

    /// <summary>The group phase: Single, Following or Mass.</summary>
    public string Phase { get; init; } = "";

    /// <summary>Why the incident is at this tier, each reason with its figure and threshold.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>Distinct customers in the incident.</summary>
    public int Participants { get; init; }

    /// <summary>Complaints per channel (phone, email, social, regulator).</summary>
    public IReadOnlyDictionary<string, long> ComplaintsByChannel { get; init; } = new Dictionary<string, long>();

    /// <summary>Who started the incident, when known.</summary>
    public AlertStarter? Starter { get; init; }

    /// <summary>A few complaints as evidence, without personal data.</summary>
    public IReadOnlyList<AlertSample> Samples { get; init; } = [];

    /// <summary>What the practice prescribes at this tier.</summary>
    public string Playbook { get; init; } = "";

    /// <summary>When the first response at this tier is due.</summary>
    public DateTimeOffset? ResponseDue { get; init; }

    /// <inheritdoc />
    public string? IncidentUrl { get; init; }

    /// <summary>0 for the escalation itself; n for the n-th re-notification of it.</summary>
    public int Reminder { get; init; }
}
