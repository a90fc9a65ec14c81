namespace IntakeMesh.Abstractions.Audit;

/// <summary>What someone did or saw, as the caller reports it: who, what to which target, and why.</summary>
/// <param name="Actor">The signed-in name (API key name or JWT subject), never a name from a request body.</param>
/// <param name="Role">The actor's role when they acted: viewer, operator or admin.</param>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="Target">What was acted on, e.g. <c>incident inc-…</c> or <c>customer cus-… complaint ph-1</c>.</param>
/// <param name="Reason">Why: the operator's note or the reason given for a reveal.</param>
/// <param name="Detail">Anything else worth keeping, e.g. the stage a complaint moved to.</param>
[GenerateSerializer, Immutable, Alias("IntakeMesh.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] string Actor,
    [property: Id(1)] string Role,
    [property: Id(2)] string Action,
    [property: Id(3)] string Target,
    [property: Id(4)] string? Reason,
    [property: Id(5)] string? Detail = null);
