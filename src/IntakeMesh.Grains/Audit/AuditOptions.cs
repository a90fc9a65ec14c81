using System.ComponentModel.DataAnnotations;

namespace IntakeMesh.Grains.Audit;

/// <summary>How much audit history is kept (section "Audit").</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// The newest entries kept. Older ones are dropped a page (<see cref="AuditLogState.PageSize"/>
    /// entries) at a time, so between this many and one page more are readable.
    /// </summary>
    [Range(1, 100_000_000)]
    public int MaxEntries { get; set; } = 100_000;
}
