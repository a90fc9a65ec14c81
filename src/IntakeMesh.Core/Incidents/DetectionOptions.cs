using System.ComponentModel.DataAnnotations;

namespace IntakeMesh.Core.Incidents;

/// <summary>Thresholds of group detection and the crisis tiers (design.md defaults).</summary>
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

    public TimeSpan DeadlineFor(Tier tier) =>
        ResponseDeadlines.TryGetValue(tier, out var deadline) ? deadline : TimeSpan.FromHours(24);
}
