using System.ComponentModel.DataAnnotations;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// Thresholds of the customer and incident rules (design.md defaults), bound from the
/// <c>Detection</c> configuration section. Every window runs on event time.
/// </summary>
public sealed class DetectionOptions
{
    /// <summary>Window in which a starter's followers must arrive for the incident to be a group complaint.</summary>
    public TimeSpan GroupWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Distinct customers (starter included) within <see cref="GroupWindow"/> that make the phase Following.</summary>
    [Range(2, 1000)]
    public int FollowingCustomers { get; set; } = 3;

    /// <summary>Distinct customers within <see cref="GroupWindow"/> that make the phase Mass.</summary>
    [Range(3, 1_000_000)]
    public int MassCustomers { get; set; } = 10;

    /// <summary>Followers of a social author that make a post high-reach.</summary>
    [Range(1, long.MaxValue)]
    public long HighReachFollowers { get; set; } = 100_000;

    /// <summary>Regulator cases in one incident that raise it to T3.</summary>
    [Range(1, 1000)]
    public int RegulatorCasesForT3 { get; set; } = 2;

    /// <summary>Distinct customers reporting safety issues that raise an incident to T4.</summary>
    [Range(1, 1000)]
    public int SafetyCustomersForT4 { get; set; } = 3;

    /// <summary>First-response deadline per tier.</summary>
    public Dictionary<Tier, TimeSpan> ResponseDeadlines { get; set; } = new()
    {
        [Tier.T0] = TimeSpan.FromHours(24),
        [Tier.T1] = TimeSpan.FromHours(2),
        [Tier.T2] = TimeSpan.FromMinutes(30),
        [Tier.T3] = TimeSpan.FromMinutes(15),
        [Tier.T4] = TimeSpan.FromMinutes(5),
    };

    /// <summary>
    /// How many times its usual volume a key must see for a wave: with a baseline, the Following
    /// and Mass thresholds rise to this multiple of the usual daily count (or, over one hour, of
    /// the usual busiest hour), so a steadily busy key does not stay a mass incident.
    /// </summary>
    [Range(1.0, 1000.0)]
    public double BaselineMultiple { get; set; } = 3.0;

    /// <summary>Trailing days (before the current group window) the baseline is the median of.</summary>
    [Range(1, 90)]
    public int BaselineDays { get; set; } = 28;

    /// <summary>Days of history a key needs before it has a baseline at all; younger keys use the absolute thresholds.</summary>
    [Range(1, 90)]
    public int BaselineMinDays { get; set; } = 7;

    /// <summary>
    /// An incident closes after this long without a new complaint (on a key with a baseline:
    /// without a complaint above it); a later complaint opens the next wave as a new incident.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The longest an incident runs however busy its key stays: a complaint this long after the
    /// incident's first one opens a new incident linked to it, so a months-long stream is not one pile.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan MaxIncidentAge { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Contacts by one customer about one issue within which a later contact is a repeat, not a new complaint.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan RepeatContactWindow { get; set; } = TimeSpan.FromHours(72);

    /// <summary>The contact number on one issue that is an escalation signal (the third contact, by default).</summary>
    [Range(2, 100)]
    public int EscalationContacts { get; set; } = 3;

    /// <summary>Distinct incidents a customer complained about that make them a professional complainer.</summary>
    [Range(2, 100_000)]
    public int ProfessionalComplaintIncidents { get; set; } = 5;

    /// <summary>Distinct incidents with a compensation demand that make a customer a professional complainer.</summary>
    [Range(2, 100_000)]
    public int ProfessionalCompensationIncidents { get; set; } = 3;

    /// <summary>Customer keys (<c>cus-…</c>) on the watch list (黑名单 or customers of special importance): a T1 signal.</summary>
    public List<string> WatchList { get; set; } = [];

    /// <summary>Largest Hamming distance between two texts' 64-bit SimHashes that makes them near-identical (templated).</summary>
    [Range(0, 32)]
    public int TemplateDistance { get; set; } = 3;

    /// <summary>These options with no quiet period or age limit: for re-deriving one wave from its complaints.</summary>
    public DetectionOptions ForOneWave()
    {
        var copy = (DetectionOptions)MemberwiseClone();
        copy.QuietPeriod = copy.MaxIncidentAge = TimeSpan.FromDays(3650);
        return copy;
    }

    public TimeSpan DeadlineFor(Tier tier) =>
        ResponseDeadlines.TryGetValue(tier, out var deadline) ? deadline : TimeSpan.FromHours(24);

    /// <summary>True when the key is on the watch list.</summary>
    public bool IsWatchListed(string customerKey) => WatchList.Contains(customerKey, StringComparer.Ordinal);
}
