namespace IntakeMesh.Ingestion.Pipeline;

/// <summary>One consumed record as it came off the wire, before anything read it.</summary>
public sealed record RawRecord(
    string Topic,
    int Partition,
    long Offset,
    byte[]? Key,
    byte[] Value,
    DateTimeOffset Timestamp,
    IReadOnlyList<KeyValuePair<string, byte[]>> Headers)
{
    /// <summary>What the record weighs on the wire: key, value and headers (names and values).</summary>
    public long Bytes => (Key?.Length ?? 0) + Value.Length + Headers.Sum(h => (long)h.Key.Length + (h.Value?.Length ?? 0));
}
