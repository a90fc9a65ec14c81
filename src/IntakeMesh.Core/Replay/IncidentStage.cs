using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Core.Replay;

/// <summary>
/// The incident grains' work in one process, with the grain timer's quiet-period close done on
/// event time: before each complaint, every incident quiet by then is closed, so close lines come
/// out in time order. A closed incident leaves memory as an <see cref="IncidentDigest"/> and comes
/// back from it when its key gets another complaint (the next wave).
/// </summary>
internal sealed class IncidentStage(DetectionOptions options)
{
    private readonly Dictionary<string, Incident> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IncidentDigest> _closed = new(StringComparer.Ordinal);
    // One entry per open incident: the earliest it may go quiet. Re-queued when it turns out to be later.
    private readonly PriorityQueue<string, long> _quiet = new();

    public int Open => _open.Count;

    public int Keys => _open.Count + _closed.Count;

    /// <summary>Applies one complaint; returns where the incident put it (null when it did not take it).</summary>
    public ComplaintPlacement? Apply(ComplaintFact fact, Action<string, TierChange> emit)
    {
        var key = fact.IncidentKey;
        if (!_open.TryGetValue(key, out var incident))
        {
            incident = new Incident(Restore(key), options) { KeepsLedger = false };
            _open[key] = incident;
            _quiet.Enqueue(key, (fact.OccurredAt + options.QuietPeriod).UtcTicks);
        }
        var changes = new List<TierChange>(2);
        incident.Apply(fact, changes);
        foreach (var change in changes)
        {
            emit(key, change);
        }
        var placements = incident.TakePlacements();
        return placements.Count > 0 ? placements[^1] : null;
    }

    /// <summary>Closes every incident that by <paramref name="now"/> has been quiet for the quiet period or reached its maximum age.</summary>
    public void CloseQuiet(DateTimeOffset now, Action<string, TierChange> emit)
    {
        while (_quiet.TryPeek(out var key, out var due) && due < now.UtcTicks)
        {
            _quiet.Dequeue();
            var incident = _open[key];
            var state = incident.State;
            // Went on since it was queued: queue it again at its real time, so closes come out in time order.
            if (incident.ClosesAt is { } closesAt && closesAt.UtcTicks > due)
            {
                _quiet.Enqueue(key, closesAt.UtcTicks);
                continue;
            }
            if (incident.Close(now) is { } change)
            {
                emit(key, change);
            }
            _open.Remove(key);
            _closed[key] = new IncidentDigest(state.Wave, state.ClosedAt ?? now, state.Volume);
        }
    }

    private IncidentState Restore(string key)
    {
        if (!_closed.Remove(key, out var digest))
        {
            return new IncidentState();
        }
        return new IncidentState
        {
            Key = key,
            Wave = digest.Wave,
            Id = IncidentKeys.IncidentId(key, digest.Wave),
            ClosedAt = digest.ClosedAt,
            Volume = digest.Volume,
        };
    }
}
