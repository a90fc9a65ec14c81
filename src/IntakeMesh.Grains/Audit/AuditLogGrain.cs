using IntakeMesh.Abstractions.Audit;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Grains.Audit;

/// <summary>
/// The head of the audit log. It keeps the newest entries itself and seals every full page of
/// <see cref="AuditLogState.PageSize"/> entries into an <see cref="IAuditPageGrain"/>, so each
/// write stays small however long the log grows; pages older than <see cref="AuditOptions.MaxEntries"/>
/// allow are cleared. Operator actions and reveals arrive at human speed, so one head is enough.
/// </summary>
public sealed class AuditLogGrain(
    [PersistentState("audit", StorageNames.State)] IPersistentState<AuditLogState> state,
    IOptions<AuditOptions> options,
    TimeProvider time)
    : Grain, IAuditLogGrain
{
    /// <summary>The most records one list call returns.</summary>
    public const int MaxLimit = 1000;

    private const int PageSize = AuditLogState.PageSize;

    private long RetainedPages => Math.Max(1, (options.Value.MaxEntries + PageSize - 1) / PageSize);

    async Task<AuditRecord> IAuditLogGrain.RecordAsync(AuditEntry entry)
    {
        var log = state.State;
        var record = AuditRecord.From(log.NextId, time.GetUtcNow(), entry);
        try
        {
            log.Open.Add(record);
            log.NextId++;
            if (log.Open.Count >= PageSize)
            {
                // Sealed before the head forgets the entries: if the head's write fails, it
                // reloads them and seals the same page number again, replacing this one.
                await GrainFactory.GetGrain<IAuditPageGrain>(log.SealedPages).SealAsync([.. log.Open]);
                log.SealedPages++;
                log.Open.Clear();
                while (log.SealedPages - log.OldestPage > RetainedPages)
                {
                    await GrainFactory.GetGrain<IAuditPageGrain>(log.OldestPage).ClearAsync();
                    log.OldestPage++;
                }
            }
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory is ahead of storage now; the next activation starts from what was stored.
            DeactivateOnIdle();
            throw;
        }
        return record;
    }

    async Task<AuditPage> IAuditLogGrain.ListAsync(int limit, long? before)
    {
        var log = state.State;
        limit = Math.Clamp(limit, 1, MaxLimit);
        var cursor = before ?? long.MaxValue;
        var found = new List<AuditRecord>(Math.Min(limit, PageSize));
        Collect(log.Open, cursor, limit, found);
        var page = Math.Min(log.SealedPages - 1, (cursor - 1) / PageSize);
        for (; found.Count < limit && page >= log.OldestPage; page--)
        {
            Collect(await GrainFactory.GetGrain<IAuditPageGrain>(page).GetAsync(), cursor, limit, found);
        }
        // Ids below the oldest kept page are gone, so a page ending there has no next one.
        var oldestKept = log.OldestPage * PageSize;
        var next = found.Count == limit && found[^1].Id > oldestKept ? found[^1].Id : (long?)null;
        return new AuditPage(found, next);
    }

    private static void Collect(IReadOnlyList<AuditRecord> oldestFirst, long cursor, int limit, List<AuditRecord> found)
    {
        for (var i = oldestFirst.Count - 1; i >= 0 && found.Count < limit; i--)
        {
            if (oldestFirst[i].Id < cursor)
            {
                found.Add(oldestFirst[i]);
            }
        }
    }
}
