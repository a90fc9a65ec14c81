using System.Text.Json.Serialization;
using IntakeMesh.Core.Dedup;
using IntakeMesh.Core.Incidents.Sketches;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Regulation;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// Everything one incident key remembers: the key's volume and closed waves, and the current wave
/// (the incident). Plain data so that it serialises as it is; the rules that change it live in
/// <see cref="Incident"/>. Bounded: samples, counters and sketches, never a list of everyone, so a
/// wave of a million customers is stored in about the space of one of ten thousand.
/// </summary>
public sealed class IncidentState : IJsonOnDeserialized
{
    // ---- The key, across waves ----

    public string Key { get; set; } = "";

    /// <summary>The current wave's number; 0 before the first complaint.</summary>
    public int Wave { get; set; }

    /// <summary>Complaints per hour on the key, for its baseline.</summary>
    public KeyVolume? Volume { get; set; }

    /// <summary>Summaries of the latest closed waves before the current one, oldest first.</summary>
    public List<IncidentSummary> ClosedWaves { get; set; } = [];

    /// <summary>
    /// Regulatory deadlines of the key's complaints. Kept across waves: a wave that goes quiet
    /// still owes the regulator its answers; resolving the incident meets them.
    /// </summary>
    public RegulatoryClockSet Clocks { get; set; } = new();

    /// <summary>Recently applied complaints, so a retried batch is not counted twice.</summary>
    public RecentIds AppliedEvents { get; set; } = new(Incident.RememberedEvents);

    /// <summary>
    /// Raised by every stored change, across waves. Summaries carry it, so the board keeps the
    /// newest of an incident however the batches of several silos report it.
    /// </summary>
    public long Revision { get; set; }

    // ---- The current wave ----

    public string Id { get; set; } = "";

    /// <summary>The incident this one follows on its key (the previous wave), if any.</summary>
    public string? PreviousId { get; set; }
    public Tier Tier { get; set; }
    public Phase Phase { get; set; }
    public DateTimeOffset? FirstSeen { get; set; }
    public DateTimeOffset? LastSeen { get; set; }

    /// <summary>The latest complaint that kept the wave going (any, or on a key with a baseline one above it); the quiet period runs from here.</summary>
    public DateTimeOffset? LastActive { get; set; }

    public DateTimeOffset? ResponseDue { get; set; }

    /// <summary>New complaints: a repeat contact is not one.</summary>
    public long Complaints { get; set; }

    /// <summary>Every contact, repeat contacts included.</summary>
    public long Contacts { get; set; }

    /// <summary>Distinct customers: exact up to the participant sample, estimated beyond it.</summary>
    public long ParticipantCount { get; set; }

    /// <summary>The first participants in event-time order (at most <see cref="Incident.ParticipantSample"/>); the first is the starter.</summary>
    public List<Participant> Participants { get; set; } = [];

    /// <summary>Distinct customers beyond the sample (null until the sample overflows).</summary>
    public HyperLogLog? Distinct { get; set; }

    /// <summary>Customers beyond the sample who complained within the last one or two group windows (null until the sample overflows).</summary>
    public RecentCustomers? Recent { get; set; }

    /// <summary>Arrivals (a customer's first complaint in the wave, or again after the recent window) per minute, for the last 48 h.</summary>
    public BucketSeries Arrivals { get; set; } = new(TimeSpan.FromMinutes(1), Incident.ArrivalMinutes);

    /// <summary>The most distinct customers seen within one group window.</summary>
    public int PeakWindowCustomers { get; set; }

    /// <summary>The most distinct customers seen within one hour.</summary>
    public int PeakHourCustomers { get; set; }

    /// <summary>The key's baseline when the phase last rose, if it had one.</summary>
    public Baseline? Baseline { get; set; }

    /// <summary>Why the phase is what it is, with its figures and thresholds.</summary>
    public string? PhaseReason { get; set; }

    public Dictionary<Channel, long> ComplaintsByChannel { get; set; } = [];
    public Dictionary<Channel, long> ContactsByChannel { get; set; } = [];
    public Dictionary<ComplaintCategory, long> ComplaintsByCategory { get; set; } = [];
    public CappedKeySet MediaCustomers { get; set; } = new();
    public CappedKeySet SafetyCustomers { get; set; } = new();
    public CappedKeySet RegulatorCases { get; set; } = new();
    public CappedKeySet ProfessionalComplainers { get; set; } = new();

    /// <summary>Single-customer signals that call for speed (tier T1).</summary>
    public SortedSet<string> ElevatedSignals { get; set; } = [];

    /// <summary>Complaints whose text nearly matches another customer's (a templated, possibly coordinated wave).</summary>
    public long Templated { get; set; }

    public TemplateDetector Templates { get; set; } = new();

    public SocialChains Chains { get; set; } = new();

    public List<TierChange> History { get; set; } = [];

    /// <summary>New complaints per hour and channel for the 48 h up to the newest one (the board's sparkline and chart).</summary>
    public HourlyCounts Hourly { get; set; } = new();

    /// <summary>A few complaints with their text masked: the wave's first ones and its latest ones.</summary>
    public List<ComplaintSample> Samples { get; set; } = [];

    /// <summary>The latest acknowledgement, with the tier it acknowledged.</summary>
    public OperatorAction? Acknowledged { get; set; }

    public OperatorAction? Resolved { get; set; }

    /// <summary>When the wave closed (resolved, or quiet since <see cref="LastActive"/>); null while open.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>True once a missed first-response deadline raised the tier: it happens once per wave.</summary>
    public bool DeadlineEscalated { get; set; }

    /// <summary>Complaints that arrived after the wave closed but happened before: counted on the key, not reopened.</summary>
    public long LateComplaints { get; set; }

    /// <summary>
    /// The wave's complaints as applied (without identifiers), up to <see cref="Incident.LedgerKept"/>:
    /// what a merge or split re-derives the incident from.
    /// </summary>
    [JsonConverter(typeof(LedgerJsonConverter))]
    public List<ComplaintFact> Ledger { get; set; } = [];

    /// <summary>True once the wave had more complaints than the ledger keeps: merges add its figures, splits are refused.</summary>
    public bool LedgerOverflowed { get; set; }

    /// <summary>The incidents an operator merged into this one.</summary>
    public List<string> MergedFrom { get; set; } = [];

    /// <summary>The incident this one was split out of, when a split made it.</summary>
    public string? SplitFrom { get; set; }

    // ---- Operator corrections on the key ----

    /// <summary>The incident key this key's incident was merged into: complaints on this key go there from then on.</summary>
    public string? MergedInto { get; set; }

    /// <summary>The incident (wave) this key's incident was merged into.</summary>
    public string? MergedIntoId { get; set; }

    /// <summary>Splits made out of this key's incidents so far; numbers the keys of the new ones.</summary>
    public int Splits { get; set; }

    [JsonIgnore]
    public Participant? Starter => Participants.Count > 0 ? Participants[0] : null;

    [JsonIgnore]
    public bool IsNew => Wave == 0;

    [JsonIgnore]
    public bool IsClosed => ClosedAt is not null;

    [JsonIgnore]
    public IncidentStatus Status =>
        Resolved is not null ? IncidentStatus.Resolved
        : ClosedAt is not null ? IncidentStatus.Closed
        : Acknowledged is { } ack && ack.Tier >= Tier ? IncidentStatus.Acknowledged
        : IncidentStatus.Open;

    /// <summary>The reasons of the latest change, or none for an incident that never changed.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Reasons => History.Count > 0 ? History[^1].Reasons : [];

    /// <summary>Forgets the current wave, keeping what belongs to the key (volume, closed waves, applied events).</summary>
    public void ResetWave()
    {
        Id = "";
        Tier = Tier.T0;
        Phase = Phase.Single;
        FirstSeen = LastSeen = LastActive = ResponseDue = ClosedAt = null;
        Complaints = Contacts = ParticipantCount = Templated = LateComplaints = 0;
        Participants = [];
        Distinct = null;
        Recent = null;
        Arrivals = new(TimeSpan.FromMinutes(1), Incident.ArrivalMinutes);
        PeakWindowCustomers = PeakHourCustomers = 0;
        Baseline = null;
        PhaseReason = null;
        ComplaintsByChannel = [];
        ContactsByChannel = [];
        ComplaintsByCategory = [];
        MediaCustomers = new();
        SafetyCustomers = new();
        RegulatorCases = new();
        ProfessionalComplainers = new();
        ElevatedSignals = [];
        Templates = new();
        Chains = new();
        History = [];
        Hourly = new();
        Samples = [];
        Acknowledged = Resolved = null;
        DeadlineEscalated = false;
        Ledger = [];
        LedgerOverflowed = false;
        MergedFrom = [];
        SplitFrom = null;
    }

    /// <summary>
    /// State written by the first release has no contact or distinct-participant counters; they
    /// are derived from what it did keep, so an upgrade does not restart the incident's figures.
    /// </summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        if (ParticipantCount == 0 && Participants.Count > 0)
        {
            ParticipantCount = Participants.Count;
        }
        if (Contacts == 0 && Complaints > 0)
        {
            Contacts = Complaints;
            ContactsByChannel = new(ComplaintsByChannel);
        }
    }
}
