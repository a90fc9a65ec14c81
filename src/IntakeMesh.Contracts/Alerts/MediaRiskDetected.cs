namespace IntakeMesh.Contracts.Alerts;

/// <summary>
/// An incident shows a risk of media exposure (media signals, a reporter, a high-reach social
/// starter): the alert PR teams act on.
/// </summary>
public sealed record MediaRiskDetected : IIncidentAlert
{
    /// <inheritdoc />
    public required string AlertId { get; init; }

    /// <inheritdoc />
    public required string IncidentId { get; init; }

    /// <inheritdoc />
    public required string Key { get; init; }

    /// <inheritdoc />
    public required string Tier { get; init; }

    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The group phase: Single, Following or Mass.</summary>
    public string Phase { get; init; } = "";

    /// <summary>The reasons that carry the media risk.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>Distinct customers in the incident.</summary>
    public int Participants { get; init; }

    /// <summary>Who started the incident, when known.</summary>
    public AlertStarter? Starter { get; init; }

    /// <summary>What the practice prescribes at this tier.</summary>
    public string Playbook { get; init; } = "";

    /// <summary>When the first response at this tier is due.</summary>
    public DateTimeOffset? ResponseDue { get; init; }

    /// <inheritdoc />
    public string? IncidentUrl { get; init; }
}
