using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Incidents;

/// <summary>One regulatory deadline as the incident page shows it; <c>Status</c> is open, met, late (met after it passed) or breached.</summary>
public sealed record DeadlineView(string CaseReference, string Rule, string Stage, DateTimeOffset DueAt, bool FromRecord, string Status);

/// <summary>One incident in full: its summary, figures, tier history, first participants, social chains and earlier waves.</summary>
public sealed record IncidentDetail(
    IncidentSummary Summary,
    IReadOnlyDictionary<Channel, long> ComplaintsByChannel,
    IReadOnlyDictionary<ComplaintCategory, long> ComplaintsByCategory,
    int PeakWindowCustomers,
    int MediaCustomers,
    int SafetyCustomers,
    int RegulatorCases,
    IReadOnlyList<string> ElevatedSignals,
    string Playbook,
    IReadOnlyList<TierChange> History,
    IReadOnlyList<Participant> FirstParticipants)
{
    public const int ParticipantsShown = 50;

    /// <summary>The most distinct customers seen within one hour.</summary>
    public int PeakHourCustomers { get; init; }

    /// <summary>The key's usual volume when the phase last rose, if it had a baseline.</summary>
    public Baseline? Baseline { get; init; }

    public IReadOnlyDictionary<Channel, long> ContactsByChannel { get; init; } = new Dictionary<Channel, long>();

    public long ProfessionalComplainers { get; init; }

    /// <summary>The customer who started the largest social chain (reply/repost), if any.</summary>
    public string? ChainRoot { get; init; }

    /// <summary>Reply and repost links between customers: all of them, and the first as a sample.</summary>
    public long ChainEdges { get; init; }

    public IReadOnlyList<ChainEdge> ChainSample { get; init; } = [];

    public OperatorAction? Acknowledged { get; init; }

    public OperatorAction? Resolved { get; init; }

    public long LateComplaints { get; init; }

    /// <summary>The key's earlier waves, oldest first.</summary>
    public IReadOnlyList<IncidentSummary> EarlierWaves { get; init; } = [];

    /// <summary>New complaints per hour and channel over the 48 hours from <see cref="IncidentSummary.HourlyFrom"/>, oldest first.</summary>
    public IReadOnlyDictionary<Channel, int[]> HourlyByChannel { get; init; } = new Dictionary<Channel, int[]>();

    /// <summary>A few complaints with identifiers masked in their text: the first ones and the latest ones.</summary>
    public IReadOnlyList<ComplaintSample> Samples { get; init; } = [];

    /// <summary>Regulator case references (up to the set's cap).</summary>
    public IReadOnlyList<string> RegulatorCaseRefs { get; init; } = [];

    /// <summary>Why the phase is what it is, with its figures and thresholds.</summary>
    public string? PhaseReason { get; init; }

    /// <summary>The regulatory deadlines of the key's complaints, earliest first (at most <see cref="DeadlinesShown"/>).</summary>
    public IReadOnlyList<DeadlineView> Deadlines { get; init; } = [];

    public const int DeadlinesShown = 100;

    /// <summary>The key this incident was merged into (its later complaints go there), if an operator merged it.</summary>
    public string? MergedInto { get; init; }

    /// <summary>The incident it was merged into, by id.</summary>
    public string? MergedIntoId { get; init; }

    /// <summary>The incidents an operator merged into this one.</summary>
    public IReadOnlyList<string> MergedFrom { get; init; } = [];

    /// <summary>The incident this one was split out of, if a split made it.</summary>
    public string? SplitFrom { get; init; }

    public static IncidentDetail From(IncidentState state) => new(
        IncidentSummary.From(state),
        state.ComplaintsByChannel,
        state.ComplaintsByCategory,
        state.PeakWindowCustomers,
        (int)state.MediaCustomers.Count,
        (int)state.SafetyCustomers.Count,
        (int)state.RegulatorCases.Count,
        [.. state.ElevatedSignals],
        Playbooks.For(state.Tier),
        state.History,
        [.. state.Participants.Take(ParticipantsShown)])
    {
        PeakHourCustomers = state.PeakHourCustomers,
        Baseline = state.Baseline,
        ContactsByChannel = state.ContactsByChannel,
        ProfessionalComplainers = state.ProfessionalComplainers.Count,
        ChainRoot = state.Chains.TopRoot,
        ChainEdges = state.Chains.EdgeCount,
        ChainSample = state.Chains.Edges,
        Acknowledged = state.Acknowledged,
        Resolved = state.Resolved,
        LateComplaints = state.LateComplaints,
        EarlierWaves = state.ClosedWaves,
        HourlyByChannel = state.Hourly.ByChannel(),
        Samples = state.Samples,
        RegulatorCaseRefs = state.RegulatorCases.Keys,
        PhaseReason = state.PhaseReason,
        Deadlines = [.. state.Clocks.Clocks
            .SelectMany(c => c.Stages.Select(s => new DeadlineView(c.CaseRef, c.Rule, s.Name, s.DueAt, s.FromRecord,
                s.Met is true ? "met" : s.Met is false ? "late" : s.Breached ? "breached" : "open")))
            .OrderBy(d => d.DueAt)
            .Take(DeadlinesShown)],
        MergedInto = state.MergedInto,
        MergedIntoId = state.MergedIntoId,
        MergedFrom = state.MergedFrom,
        SplitFrom = state.SplitFrom,
    };
}
