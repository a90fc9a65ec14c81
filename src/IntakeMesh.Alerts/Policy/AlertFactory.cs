using IntakeMesh.Contracts.Alerts;

namespace IntakeMesh.Alerts.Policy;

/// <summary>
/// Builds the alert messages of one incident change, and the reminder, deadline and resolution
/// alerts. Pure: the same input gives equal messages with the same ids, so the incident grain can
/// store them in its outbox, crash, and publish them again without a receiver acting twice.
/// </summary>
public sealed class AlertFactory
{
    /// <summary>Samples an alert carries at most: enough evidence, a bounded message.</summary>
    public const int MaxSamples = 5;

    private readonly string? _incidentPageBase;

    /// <param name="incidentPageBase">
    /// The address incident ids are appended to for <see cref="IIncidentAlert.IncidentUrl"/>,
    /// for example <c>https://intakemesh.example.com/incidents/</c>; null for no link.
    /// </param>
    public AlertFactory(string? incidentPageBase = null)
    {
        _incidentPageBase = string.IsNullOrWhiteSpace(incidentPageBase) ? null
            : incidentPageBase.EndsWith('/') ? incidentPageBase : incidentPageBase + "/";
    }

    /// <summary>
    /// The alerts one change calls for: <see cref="IncidentEscalated"/> when the tier rose,
    /// with <see cref="MediaRiskDetected"/> when that rise carries a media risk, and one
    /// <see cref="RegulatorCaseOpened"/> per regulator case new with the change. A change of
    /// phase alone raises nothing: one alert per tier change, not per complaint.
    /// </summary>
    public IReadOnlyList<IIncidentAlert> ForChange(IncidentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var from = AlertTiers.Rank(change.FromTier);
        var to = AlertTiers.Rank(change.ToTier);
        var alerts = new List<IIncidentAlert>();
        var sequence = Sequence(change.Sequence);
        if (to > from)
        {
            alerts.Add(Escalated(change, AlertKinds.AlertId(change.IncidentId, AlertKinds.Escalated, sequence), reminder: 0, change.At));
            var mediaReasons = MediaReasons(change);
            if (mediaReasons.Count > 0)
            {
                alerts.Add(new MediaRiskDetected
                {
                    AlertId = AlertKinds.AlertId(change.IncidentId, AlertKinds.MediaRisk, sequence),
                    IncidentId = change.IncidentId,
                    Key = change.Key,
                    Tier = AlertTiers.Normalize(change.ToTier),
                    OccurredAt = change.At,
                    Phase = change.Phase,
                    Reasons = mediaReasons,
                    Participants = change.Participants,
                    Starter = change.Starter,
                    Playbook = change.Playbook,
                    ResponseDue = change.ResponseDue,
                    IncidentUrl = IncidentUrl(change.IncidentId),
                });
            }
        }
        foreach (var regulatorCase in change.NewRegulatorCases)
        {
            // The case reference, not the change number, names the alert: a case opens once
            // per incident, whichever change first carried it.
            alerts.Add(new RegulatorCaseOpened
            {
                AlertId = AlertKinds.AlertId(change.IncidentId, AlertKinds.RegulatorCase, regulatorCase.CaseReference),
                IncidentId = change.IncidentId,
                Key = change.Key,
                Tier = AlertTiers.Normalize(change.ToTier),
                OccurredAt = change.At,
                CaseReference = regulatorCase.CaseReference,
                DueAt = regulatorCase.DueAt,
                Playbook = change.Playbook,
                IncidentUrl = IncidentUrl(change.IncidentId),
            });
        }
        return alerts;
    }

    /// <summary>
    /// The <paramref name="reminder"/>-th re-notification (1, 2, …) of the incident's latest
    /// change, for an open incident nobody acknowledged (see <see cref="RenotifyPolicy"/>).
    /// </summary>
    public IncidentEscalated Reminder(IncidentChange latest, int reminder, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentOutOfRangeException.ThrowIfLessThan(reminder, 1);
        var id = AlertKinds.AlertId(latest.IncidentId, AlertKinds.Reminder, $"{Sequence(latest.Sequence)}.{reminder}");
        return Escalated(latest with { FromTier = latest.ToTier }, id, reminder, at);
    }

    /// <summary>The first-response deadline of change <paramref name="sequence"/> passed unacknowledged.</summary>
    public SlaBreached SlaBreached(string incidentId, string key, string tier, int sequence, DateTimeOffset responseDue, DateTimeOffset noticedAt) => new()
    {
        AlertId = AlertKinds.AlertId(incidentId, AlertKinds.SlaBreached, Sequence(sequence)),
        IncidentId = incidentId,
        Key = key,
        Tier = AlertTiers.Normalize(tier),
        OccurredAt = noticedAt,
        ResponseDue = responseDue,
        IncidentUrl = IncidentUrl(incidentId),
    };

    /// <summary>
    /// Regulatory deadlines have used up <paramref name="elapsed"/> of their time. Named by the
    /// deadlines and the share, so a warning stored twice is still one warning.
    /// </summary>
    public SlaBreachApproaching RegulatoryWarning(string incidentId, string key, string tier, double elapsed, IReadOnlyList<RegulatoryDeadline> deadlines, DateTimeOffset at) => new()
    {
        AlertId = AlertKinds.AlertId(incidentId, AlertKinds.SlaWarning, $"{Percent(elapsed)}.{DeadlinesName(deadlines)}"),
        IncidentId = incidentId,
        Key = key,
        Tier = AlertTiers.Normalize(tier),
        OccurredAt = at,
        Elapsed = elapsed,
        Deadlines = [.. deadlines.OrderBy(d => d.DueAt)],
        IncidentUrl = IncidentUrl(incidentId),
    };

    /// <summary>Regulatory deadlines passed without the stage they wait for (acknowledgement or resolution).</summary>
    public SlaBreached RegulatoryBreach(string incidentId, string key, string tier, IReadOnlyList<RegulatoryDeadline> deadlines, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfZero(deadlines.Count);
        var ordered = deadlines.OrderBy(d => d.DueAt).ToList();
        return new()
        {
            AlertId = AlertKinds.AlertId(incidentId, AlertKinds.SlaBreached, $"regulatory.{DeadlinesName(ordered)}"),
            IncidentId = incidentId,
            Key = key,
            Tier = AlertTiers.Normalize(tier),
            OccurredAt = at,
            ResponseDue = ordered[0].DueAt,
            Deadlines = ordered,
            IncidentUrl = IncidentUrl(incidentId),
        };
    }

    /// <summary>An operator merged <paramref name="otherIncidentId"/> into the incident, or split it out as a new one; named by both, so it is one alert.</summary>
    public IncidentRegrouped Regrouped(string incidentId, string key, string tier, string kind, string otherIncidentId,
        long complaints, long participants, IReadOnlyList<string> reasons, DateTimeOffset at) => new()
    {
        AlertId = AlertKinds.AlertId(incidentId, AlertKinds.Regrouped, $"{kind}.{otherIncidentId}"),
        IncidentId = incidentId,
        Key = key,
        Tier = AlertTiers.Normalize(tier),
        OccurredAt = at,
        Kind = kind,
        OtherIncidentId = otherIncidentId,
        Complaints = complaints,
        Participants = participants,
        Reasons = reasons,
        IncidentUrl = IncidentUrl(incidentId),
    };

    /// <summary>The incident was resolved. An incident id resolves once (a new wave is a new incident).</summary>
    public IncidentResolved Resolved(string incidentId, string key, string tier, DateTimeOffset at, string? resolvedBy = null, string? resolution = null) => new()
    {
        AlertId = AlertKinds.AlertId(incidentId, AlertKinds.Resolved, "1"),
        IncidentId = incidentId,
        Key = key,
        Tier = AlertTiers.Normalize(tier),
        OccurredAt = at,
        ResolvedBy = resolvedBy,
        Resolution = resolution,
        IncidentUrl = IncidentUrl(incidentId),
    };

    /// <summary>The incident page address, or null when no page base is configured.</summary>
    public string? IncidentUrl(string incidentId) =>
        _incidentPageBase is null ? null : _incidentPageBase + Uri.EscapeDataString(incidentId);

    private IncidentEscalated Escalated(IncidentChange change, string alertId, int reminder, DateTimeOffset at) => new()
    {
        AlertId = alertId,
        IncidentId = change.IncidentId,
        Key = change.Key,
        Tier = AlertTiers.Normalize(change.ToTier),
        PreviousTier = AlertTiers.Normalize(change.FromTier),
        OccurredAt = at,
        Phase = change.Phase,
        Reasons = change.Reasons,
        Participants = change.Participants,
        ComplaintsByChannel = change.ComplaintsByChannel,
        Starter = change.Starter,
        Samples = [.. change.Samples.Take(MaxSamples)],
        Playbook = change.Playbook,
        ResponseDue = change.ResponseDue,
        IncidentUrl = IncidentUrl(change.IncidentId),
        Reminder = reminder,
    };

    private static IReadOnlyList<string> MediaReasons(IncidentChange change)
    {
        var named = change.Reasons.Where(NamesMediaRisk).ToList();
        return change.MediaRisk switch
        {
            false => [],
            // Told there is a risk but no reason names it: the whole list is the evidence.
            true when named.Count == 0 => change.Reasons,
            _ => named,
        };
    }

    // The tier policy words its reasons "media signals from …", "media involved: …",
    // "media threat" and "high-reach starter on …".
    private static bool NamesMediaRisk(string reason) =>
        reason.Contains("media", StringComparison.OrdinalIgnoreCase)
        || reason.Contains("high-reach", StringComparison.OrdinalIgnoreCase);

    private static string Percent(double share) =>
        Math.Round(share * 100).ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Short and stable: a hash of the sorted case/stage pairs rather than a list that may be long.
    private static string DeadlinesName(IEnumerable<RegulatoryDeadline> deadlines)
    {
        var joined = string.Join("\n", deadlines.Select(d => $"{d.CaseReference}|{d.Stage}").Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(joined)))[..16];
    }

    private static string Sequence(int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        return sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
