namespace IntakeMesh.Abstractions.Audit;

/// <summary>One page of the audit log, newest first; <paramref name="NextBefore"/> asks for the next (older) page, null at the end.</summary>
[GenerateSerializer, Immutable, Alias("IntakeMesh.AuditPage")]
public sealed record AuditPage(
    [property: Id(0)] IReadOnlyList<AuditRecord> Entries,
    [property: Id(1)] long? NextBefore);
