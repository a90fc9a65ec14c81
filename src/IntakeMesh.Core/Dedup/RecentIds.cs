using System.Text.Json.Serialization;

namespace IntakeMesh.Core.Dedup;

/// <summary>
/// The last <see cref="Capacity"/> ids seen, as a ring: a fixed memory bound that still
/// remembers every id a Kafka redelivery or a retried batch can bring back.
/// </summary>
public sealed class RecentIds
{
    private HashSet<string>? _index;

    public RecentIds(int capacity) => Capacity = capacity;

    [JsonConstructor]
    public RecentIds(int capacity, List<string> items, int next)
    {
        Capacity = capacity;
        Items = items;
        Next = next;
    }

    public int Capacity { get; }

    /// <summary>The ring's slots; once full, <see cref="Next"/> is the oldest.</summary>
    public List<string> Items { get; } = [];

    public int Next { get; private set; }

    public bool Contains(string id) => Index.Contains(id);

    /// <summary>Remembers the id; false when it was already remembered.</summary>
    public bool Add(string id)
    {
        var index = Index;
        if (!index.Add(id))
        {
            return false;
        }
        if (Items.Count < Capacity)
        {
            Items.Add(id);
            return true;
        }
        index.Remove(Items[Next]);
        Items[Next] = id;
        Next = (Next + 1) % Capacity;
        return true;
    }

    private HashSet<string> Index => _index ??= new HashSet<string>(Items, StringComparer.Ordinal);
}
