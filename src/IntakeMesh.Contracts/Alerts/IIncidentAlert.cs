namespace IntakeMesh.Contracts.Alerts;

/// <summary>
/// What every IntakeMesh alert carries, so a notifier can filter, deduplicate and link any of
/// them without knowing its type.
/// </summary>
public interface IIncidentAlert
{
    /// <summary>
    /// Idempotency key: the same alert re-published (after a crash, or redelivered by the
    /// broker) has the same id, and a receiver acts on it once.
    /// </summary>
    string AlertId { get; }

    /// <summary>The incident the alert is about.</summary>
    string IncidentId { get; }

    /// <summary>The incident key (product, brand, fingerprint): what the incident is about.</summary>
    string Key { get; }

    /// <summary>The incident's crisis tier when the alert was raised: "T0" to "T4".</summary>
    string Tier { get; }

    /// <summary>When the fact behind the alert happened (event time, not publish time).</summary>
    DateTimeOffset OccurredAt { get; }

    /// <summary>Where a person sees the incident, when a page address is configured.</summary>
    string? IncidentUrl { get; }
}
