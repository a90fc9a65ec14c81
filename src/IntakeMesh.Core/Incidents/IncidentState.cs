using System.Text.Json.Serialization;
using IntakeMesh.Core.Dedup;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// Everything an incident remembers. Plain data so that it serialises as it is; the rules that
/// change it live in <see cref="IncidentRules"/>.
/// </summary>
public sealed class IncidentState
{
    public string Id { get; set; } = "";
    public string Key { get; set; } = "";
    public int Wave { get; set; }
    public Tier Tier { get; set; }
    public Phase Phase { get; set; }
    public DateTimeOffset? FirstSeen { get; set; }
    public DateTimeOffset? LastSeen { get; set; }
    public DateTimeOffset? ResponseDue { get; set; }
    public long Complaints { get; set; }

    /// <summary>Distinct customers in event-time order; the first is the starter.</summary>
    public List<Participant> Participants { get; set; } = [];

    /// <summary>The most distinct customers seen within one group window.</summary>
    public int PeakWindowCustomers { get; set; }

    public Dictionary<Channel, long> ComplaintsByChannel { get; set; } = [];
    public Dictionary<ComplaintCategory, long> ComplaintsByCategory { get; set; } = [];
    public HashSet<string> MediaCustomers { get; set; } = [];
    public HashSet<string> SafetyCustomers { get; set; } = [];
    public HashSet<string> RegulatorCases { get; set; } = [];

    /// <summary>Single-customer signals that call for speed (tier T1).</summary>
    public SortedSet<string> ElevatedSignals { get; set; } = [];

    public List<TierChange> History { get; set; } = [];

    /// <summary>Recently applied complaints, so a retried batch is not counted twice.</summary>
    public RecentIds AppliedEvents { get; set; } = new(Incident.RememberedEvents);

    [JsonIgnore]
    public Participant? Starter => Participants.Count > 0 ? Participants[0] : null;

    [JsonIgnore]
    public bool IsNew => Wave == 0;

    /// <summary>The reasons of the latest change, or none for an incident that never changed.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Reasons => History.Count > 0 ? History[^1].Reasons : [];
}
