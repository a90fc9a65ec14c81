namespace IntakeMesh.Abstractions.Audit;

/// <summary>An <see cref="AuditEntry"/> as the log stored it: with its id (ascending, no reuse) and time.</summary>
[GenerateSerializer, Immutable, Alias("IntakeMesh.AuditRecord")]
public sealed record AuditRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Role,
    [property: Id(4)] string Action,
    [property: Id(5)] string Target,
    [property: Id(6)] string? Reason,
    [property: Id(7)] string? Detail)
{
    public static AuditRecord From(long id, DateTimeOffset at, AuditEntry entry) =>
        new(id, at, entry.Actor, entry.Role, entry.Action, entry.Target, entry.Reason, entry.Detail);
}
