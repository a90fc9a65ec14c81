using System.Text.Json.Serialization;

namespace IntakeMesh.Core.Incidents.Sketches;

/// <summary>
/// A set of keys that is exact up to <see cref="Capacity"/> and only counts beyond it: the
/// thresholds it feeds are small (2 media customers, 3 safety customers), so exactness above
/// the cap buys nothing and would cost memory on a million-customer incident.
/// </summary>
[JsonConverter(typeof(CappedKeySetJsonConverter))]
public sealed class CappedKeySet
{
    public CappedKeySet()
    {
    }

    public CappedKeySet(int capacity) => Capacity = capacity;

    public int Capacity { get; set; } = 64;

    public List<string> Keys { get; set; } = [];

    /// <summary>Additions after the set was full, of keys not in it (a key repeated there counts again).</summary>
    public long Beyond { get; set; }

    /// <summary>Exact while under the cap; above it an upper bound.</summary>
    [JsonIgnore]
    public long Count => Keys.Count + Beyond;

    public bool Contains(string key) => Keys.Contains(key);

    /// <summary>Adds the key; false when it was already in the set.</summary>
    public bool Add(string key)
    {
        if (Keys.Contains(key))
        {
            return false;
        }
        if (Keys.Count < Capacity)
        {
            Keys.Add(key);
        }
        else
        {
            Beyond++;
        }
        return true;
    }
}
