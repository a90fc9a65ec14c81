namespace IntakeMesh.Contracts.Alerts;

/// <summary>A regulator case appeared on an incident for the first time.</summary>
public sealed record RegulatorCaseOpened : IIncidentAlert
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

    /// <summary>The regulator's own case reference.</summary>
    public required string CaseReference { get; init; }

    /// <summary>When the regulator expects the answer, when the case says so.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>What the practice prescribes at this tier.</summary>
    public string Playbook { get; init; } = "";

    /// <inheritdoc />
    public string? IncidentUrl { get; init; }
}
