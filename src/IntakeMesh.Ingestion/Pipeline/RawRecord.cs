namespace IntakeMesh.Ingestion.Pipeline;

/// <summary>One consumed record as it came off the wire, before anything read it.</summary>
public sealed record RawRecord(
    string Topic,
    int Partition,
    long Offset,
    byte[]? Key,
    byte[] Value,
    DateTimeOffset Timestamp,
    IReadOnlyList<KeyValuePair<string, byte[]>> Headers);
