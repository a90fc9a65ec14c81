using IntakeMesh.Abstractions;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Grains.Alerting;

namespace IntakeMesh.Grains;

/// <summary>
/// Merges and splits: the incident core re-derives the figures; this shell moves state between the
/// two grains, keeps the regulatory clocks with their complaints and sends the one alert each calls for.
/// </summary>
public sealed partial class IncidentGrain
{
    async Task<Regrouped?> IIncidentGrain.MergeIntoAsync(string targetKey, string by, string? note)
    {
        if (Current.IsNew)
        {
            return null;
        }
        if (targetKey == Current.Key)
        {
            throw new InvalidOperationException($"incident {Current.Id} cannot be merged into itself");
        }
        EnsureOpen();
        var target = await GrainFactory.GetGrain<IIncidentGrain>(targetKey).AbsorbAsync(Current, by, note);
        Model.MergedInto(targetKey, target.Id, time.GetUtcNow(), by, note);
        await WriteAsync();
        await ScheduleAsync();
        return new Regrouped(target, IncidentSummary.From(Current));
    }

    async Task<IncidentSummary> IIncidentGrain.AbsorbAsync(IncidentState other, string by, string? note)
    {
        EnsureOpen();
        var now = time.GetUtcNow();
        var change = Model.Absorb(other, now, by, note);
        // The same case in both keeps its earliest deadlines.
        regulation.Merge(Current.Clocks, other.Clocks);
        Announce(change, "merge", other.Id, now);
        await WriteAsync();
        await PublishOutboxAsync();
        await ScheduleAsync();
        return IncidentSummary.From(Current);
    }

    async Task<Regrouped?> IIncidentGrain.SplitAsync(SplitChoice choice, string by, string? note)
    {
        if (Current.IsNew)
        {
            return null;
        }
        EnsureOpen();
        var now = time.GetUtcNow();
        var newKey = $"split:{Current.Id}:{Current.Splits + 1}";
        var (splitOff, change) = Model.Split(choice.Picks, newKey, now, by, note)
            ?? throw new InvalidOperationException($"the choice picks {(Current.Ledger.Exists(choice.Picks) ? "every one" : "none")} of incident {Current.Id}'s complaints");
        Current.Splits++;
        // Each regulatory clock goes with its complaint.
        var moved = splitOff.Ledger.Select(CaseOf).ToHashSet(StringComparer.Ordinal);
        splitOff.Clocks.Clocks = Current.Clocks.Clocks.FindAll(c => moved.Contains(c.CaseRef));
        Current.Clocks.Clocks.RemoveAll(c => moved.Contains(c.CaseRef));
        var other = await GrainFactory.GetGrain<IIncidentGrain>(newKey).AdoptAsync(splitOff);
        Announce(change, "split", other.Id, now);
        await WriteAsync();
        await PublishOutboxAsync();
        await ScheduleAsync();
        return new Regrouped(IncidentSummary.From(Current), other);
    }

    async Task<IncidentSummary> IIncidentGrain.AdoptAsync(IncidentState incident)
    {
        if (!Current.IsNew)
        {
            throw new InvalidOperationException($"key {this.GetPrimaryKeyString()} already has incident {Current.Id}");
        }
        state.State.Incident = incident;
        _incident = null;
        await WriteAsync();
        await ScheduleAsync();
        return IncidentSummary.From(Current);
    }

    private void EnsureOpen()
    {
        if (Current.IsNew || Current.IsClosed || Current.MergedInto is not null)
        {
            throw new InvalidOperationException(Current.IsNew
                ? $"key {this.GetPrimaryKeyString()} has no incident"
                : $"incident {Current.Id} is {(Current.MergedInto is not null ? "merged into another" : "closed")}; only open incidents are merged or split");
        }
    }

    private void Announce(TierChange change, string kind, string otherId, DateTimeOffset now)
    {
        var alert = alerts.Regrouped(Current.Id, Current.Key, change.ToTier.ToString(), kind, otherId, Current.Complaints, Current.ParticipantCount, change.Reasons, now);
        state.State.Outbox.Add(AlertMapping.Entry(alert, now));
    }

    private static string CaseOf(ComplaintFact fact) => fact.RegulatorCase ?? fact.RepeatOf ?? fact.DedupId;
}
