using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Host.Apis;

/// <summary>
/// One incident in full as a viewer sees it: figures, playbook and tier history, but no
/// participants, no social chain members, no complaint texts or regulator case references, and
/// no operator names or notes (a note may quote a customer). Built field by field from <see cref="IncidentDetail"/>, like <see cref="ViewerIncidentSummary"/>.
/// </summary>
public sealed record ViewerIncidentDetail(
    ViewerIncidentSummary Summary,
    IReadOnlyDictionary<Channel, long> ComplaintsByChannel,
    IReadOnlyDictionary<ComplaintCategory, long> ComplaintsByCategory,
    IReadOnlyDictionary<Channel, long> ContactsByChannel,
    IReadOnlyDictionary<Channel, int[]> HourlyByChannel,
    int PeakWindowCustomers,
    int PeakHourCustomers,
    int MediaCustomers,
    int SafetyCustomers,
    int RegulatorCases,
    long ProfessionalComplainers,
    long ChainEdges,
    long LateComplaints,
    Baseline? Baseline,
    IReadOnlyList<string> ElevatedSignals,
    string? PhaseReason,
    string Playbook,
    IReadOnlyList<TierChange> History,
    ViewerAction? Acknowledged,
    ViewerAction? Resolved,
    IReadOnlyList<ViewerIncidentSummary> EarlierWaves)
{
    public static ViewerIncidentDetail From(IncidentDetail d) => new(
        ViewerIncidentSummary.From(d.Summary),
        d.ComplaintsByChannel,
        d.ComplaintsByCategory,
        d.ContactsByChannel,
        d.HourlyByChannel,
        d.PeakWindowCustomers,
        d.PeakHourCustomers,
        d.MediaCustomers,
        d.SafetyCustomers,
        d.RegulatorCases,
        d.ProfessionalComplainers,
        d.ChainEdges,
        d.LateComplaints,
        d.Baseline,
        d.ElevatedSignals,
        d.PhaseReason,
        d.Playbook,
        [.. d.History.Select(OperatorReasons.WithoutOperator)],
        ViewerAction.From(d.Acknowledged),
        ViewerAction.From(d.Resolved),
        [.. d.EarlierWaves.Select(ViewerIncidentSummary.From)]);
}

/// <summary>That an operator acted, when, and at which tier; not who or what they wrote.</summary>
public sealed record ViewerAction(DateTimeOffset At, Tier Tier)
{
    public static ViewerAction? From(OperatorAction? action) => action is null ? null : new(action.At, action.Tier);
}
