using IntakeMesh.Abstractions.Audit;

namespace IntakeMesh.Grains.Audit;

/// <summary>One sealed page of the audit log, keyed by page number; written once by the log's head.</summary>
[Alias("IntakeMesh.IAuditPageGrain")]
public interface IAuditPageGrain : IGrainWithIntegerKey
{
    /// <summary>Stores the page's records; sealing the same page again replaces them.</summary>
    [Alias("Seal")]
    Task SealAsync(AuditRecord[] records);

    /// <summary>The page's records, oldest first; empty when cleared or never sealed.</summary>
    [Alias("Get")]
    Task<AuditRecord[]> GetAsync();

    /// <summary>Drops the page from storage, once it is older than the log keeps.</summary>
    [Alias("Clear")]
    Task ClearAsync();
}
