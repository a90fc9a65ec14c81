using IntakeMesh.Abstractions.Audit;

namespace IntakeMesh.Grains.Audit;

/// <summary>A sealed page of the audit log. Pages are separate grains so that recording an entry writes only the head.</summary>
public sealed class AuditPageGrain(
    [PersistentState("auditpage", StorageNames.State)] IPersistentState<List<AuditRecord>> state)
    : Grain, IAuditPageGrain
{
    async Task IAuditPageGrain.SealAsync(AuditRecord[] records)
    {
        state.State = [.. records];
        await state.WriteStateAsync();
    }

    Task<AuditRecord[]> IAuditPageGrain.GetAsync() => Task.FromResult(state.State.ToArray());

    async Task IAuditPageGrain.ClearAsync()
    {
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }
}
