using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;
using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Core.Dedup;

/// <summary>
/// The last <see cref="Capacity"/> ids seen, as a ring: a fixed memory bound that still
/// remembers every id a Kafka redelivery or a retried batch can bring back. It keeps each id's
/// 64-bit stable hash, not the id: a hot incident rewrites this ring on every batch, and 8 bytes
/// an id store far smaller than the ids (among 8,192 ids a collision has odds of about 2^-38).
/// </summary>
[JsonConverter(typeof(RecentIdsJsonConverter))]
public sealed class RecentIds
{
    private readonly List<ulong> _ring;
    private HashSet<ulong>? _index;

    public RecentIds(int capacity)
        : this(capacity, [], 0)
    {
    }

    internal RecentIds(int capacity, List<ulong> ring, int next)
    {
        Capacity = capacity;
        _ring = ring;
        Next = next;
    }

    public int Capacity { get; }

    /// <summary>Ids remembered, up to <see cref="Capacity"/>.</summary>
    public int Count => _ring.Count;

    /// <summary>Once the ring is full, the slot of the oldest id.</summary>
    public int Next { get; private set; }

    public bool Contains(string id) => Index.Contains(StableHash.Of(id));

    /// <summary>Remembers the id; false when it was already remembered.</summary>
    public bool Add(string id)
    {
        var hash = StableHash.Of(id);
        var index = Index;
        if (!index.Add(hash))
        {
            return false;
        }
        if (_ring.Count < Capacity)
        {
            _ring.Add(hash);
            return true;
        }
        index.Remove(_ring[Next]);
        _ring[Next] = hash;
        Next = (Next + 1) % Capacity;
        return true;
    }

    internal IReadOnlyList<ulong> Ring => _ring;

    private HashSet<ulong> Index => _index ??= [.. _ring];
}

/// <summary>
/// Stores a <see cref="RecentIds"/> as <c>{"capacity":N,"next":N,"hashes":"base64"}</c>, and reads
/// the first releases' shape too (<c>"items"</c>: the ids themselves), hashing them.
/// </summary>
internal sealed class RecentIdsJsonConverter : JsonConverter<RecentIds>
{
    public override RecentIds Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var capacity = Get(root, "capacity")?.GetInt32() ?? 0;
        var next = Get(root, "next")?.GetInt32() ?? 0;
        var ring = new List<ulong>();
        if (Get(root, "hashes") is { ValueKind: JsonValueKind.String } hashes)
        {
            var bytes = hashes.GetBytesFromBase64();
            for (var at = 0; at + 8 <= bytes.Length; at += 8)
            {
                ring.Add(BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(at)));
            }
        }
        else if (Get(root, "items") is { ValueKind: JsonValueKind.Array } items)
        {
            ring.AddRange(items.EnumerateArray().Select(i => StableHash.Of(i.GetString() ?? "")));
        }
        // Every stored shape carries its capacity; a ring without one keeps what it holds.
        capacity = capacity > 0 ? capacity : Math.Max(ring.Count, 1024);
        return new RecentIds(capacity, ring, ring.Count < capacity ? 0 : next % capacity);
    }

    public override void Write(Utf8JsonWriter writer, RecentIds value, JsonSerializerOptions options)
    {
        var bytes = new byte[value.Ring.Count * 8];
        for (var i = 0; i < value.Ring.Count; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), value.Ring[i]);
        }
        writer.WriteStartObject();
        writer.WriteNumber("capacity", value.Capacity);
        writer.WriteNumber("next", value.Next);
        writer.WriteBase64String("hashes", bytes);
        writer.WriteEndObject();
    }

    // Stored state may have been written with other naming; match names without regard to case.
    private static JsonElement? Get(JsonElement root, string name)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }
        return null;
    }
}
