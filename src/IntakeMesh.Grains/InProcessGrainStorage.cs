using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Runtime;
using Orleans.Storage;

namespace IntakeMesh.Grains;

/// <summary>
/// Grain state for a single silo with nothing kept. A write keeps a reference to the state object
/// and a new ETag: serializing a hot incident's whole state on every batch cost more than the
/// pipeline's own work, and nothing here outlives the process anyway. A read (a new activation)
/// gets a copy through the same JSON PostgreSQL stores, so state that would not survive the
/// database does not survive a reactivation here either. ETags are checked as a database would,
/// so a stale write fails the same way.
/// </summary>
public sealed class InProcessGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), Stored> _store = new();
    private long _version;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_store.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(serializer.Serialize((T?)stored.State));
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var next = new Stored(grainState.State, NextETag());
        var expected = grainState.ETag;
        _store.AddOrUpdate(key,
            _ => expected is null ? next : throw Stale(grainId, expected, null),
            (_, current) => current.ETag == expected ? next : throw Stale(grainId, expected, current.ETag));
        grainState.ETag = next.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _store.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string NextETag() => Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);

    private static InconsistentStateException Stale(GrainId grain, string? expected, string? stored) =>
        new($"state of {grain} changed since it was read (ETag {expected ?? "none"}, stored {stored ?? "none"})", stored ?? "", expected ?? "");

    private sealed record Stored(object? State, string ETag);
}
