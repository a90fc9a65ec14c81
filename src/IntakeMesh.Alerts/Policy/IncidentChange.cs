using IntakeMesh.Contracts.Alerts;

namespace IntakeMesh.Alerts.Policy;

/// <summary>
/// What <see cref="AlertFactory"/> needs to know of one change of an incident. Plain values, so
/// the alerting side depends on no Core or Orleans type: the incident grain maps its own change
/// into this. Tiers are "T0" to "T4"; phase is Single, Following or Mass.
/// </summary>
/// <param name="IncidentId">The incident's id.</param>
/// <param name="Key">The incident key.</param>
/// <param name="Sequence">
/// The change's position in the incident's history (1 for the first). It makes alert ids
/// deterministic: building the alerts of the same change again gives the same ids.
/// </param>
/// <param name="At">When the change happened (event time).</param>
/// <param name="FromTier">The tier before the change.</param>
/// <param name="ToTier">The tier after it.</param>
/// <param name="Phase">The phase after it.</param>
/// <param name="Reasons">Why the incident is at <paramref name="ToTier"/>.</param>
public sealed record IncidentChange(
    string IncidentId,
    string Key,
    int Sequence,
    DateTimeOffset At,
    string FromTier,
    string ToTier,
    string Phase,
    IReadOnlyList<string> Reasons)
{
    /// <summary>Distinct customers in the incident.</summary>
    public int Participants { get; init; }

    /// <summary>Complaints per channel.</summary>
    public IReadOnlyDictionary<string, long> ComplaintsByChannel { get; init; } = new Dictionary<string, long>();

    /// <summary>Who started the incident (pseudonymous key and channel), when known.</summary>
    public AlertStarter? Starter { get; init; }

    /// <summary>The playbook for <see cref="ToTier"/>.</summary>
    public string Playbook { get; init; } = "";

    /// <summary>When the first response at the new tier is due.</summary>
    public DateTimeOffset? ResponseDue { get; init; }

    /// <summary>A few complaints as evidence, without personal data; the factory keeps the first few.</summary>
    public IReadOnlyList<AlertSample> Samples { get; init; } = [];

    /// <summary>Regulator cases that appeared on the incident for the first time with this change.</summary>
    public IReadOnlyList<RegulatorCaseFact> NewRegulatorCases { get; init; } = [];

    /// <summary>
    /// Whether the change carries a media risk. Null lets the factory judge by the reasons
    /// (a reason that names media or a high-reach starter).
    /// </summary>
    public bool? MediaRisk { get; init; }
}
