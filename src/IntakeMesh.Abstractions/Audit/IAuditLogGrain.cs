namespace IntakeMesh.Abstractions.Audit;

/// <summary>
/// The audit log: every operator action and every reveal of personal data, newest last. One
/// log per deployment (<see cref="AuditLogGrainFactoryExtensions.GetAuditLog"/>), persisted through the same storage as every other grain.
/// </summary>
[Alias("IntakeMesh.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    /// <summary>Stores an entry, stamped with the time and the next id, and returns it as stored.</summary>
    [Alias("Record")]
    Task<AuditRecord> RecordAsync(AuditEntry entry);

    /// <summary>At most <paramref name="limit"/> records with an id below <paramref name="before"/> (all when null), newest first.</summary>
    [Alias("List")]
    Task<AuditPage> ListAsync(int limit, long? before);
}
