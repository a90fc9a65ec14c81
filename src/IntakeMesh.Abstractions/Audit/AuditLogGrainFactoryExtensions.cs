namespace IntakeMesh.Abstractions.Audit;

public static class AuditLogGrainFactoryExtensions
{
    /// <summary>The deployment's one audit log.</summary>
    public static IAuditLogGrain GetAuditLog(this IGrainFactory grains) => grains.GetGrain<IAuditLogGrain>(0);
}
