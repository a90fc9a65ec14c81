using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntakeMesh.Core.Incidents.Sketches;

/// <summary>
/// Reads a <see cref="CappedKeySet"/> as stored now (an object) or as the first release stored
/// its sets (a plain JSON array of keys), so older incident state still loads.
/// </summary>
public sealed class CappedKeySetJsonConverter : JsonConverter<CappedKeySet>
{
    public override CappedKeySet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var set = new CappedKeySet();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            foreach (var key in JsonSerializer.Deserialize<List<string>>(ref reader, options) ?? [])
            {
                set.Add(key);
            }
            return set;
        }
        var stored = JsonSerializer.Deserialize<Stored>(ref reader, options) ?? new Stored(64, [], 0);
        set.Capacity = stored.Capacity;
        set.Keys = stored.Keys;
        set.Beyond = stored.Beyond;
        return set;
    }

    public override void Write(Utf8JsonWriter writer, CappedKeySet value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new Stored(value.Capacity, value.Keys, value.Beyond), options);

    private sealed record Stored(int Capacity, List<string> Keys, long Beyond);
}
