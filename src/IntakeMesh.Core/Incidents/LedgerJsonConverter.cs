using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntakeMesh.Core.Incidents;

/// <summary>
/// Stores the merge ledger's facts without their default-valued members: most of a fact's members
/// are null, zero or false, and the ledger is the largest part of a medium incident's state, written
/// with it every batch. Reading fills them back in, since every member of a fact defaults to exactly
/// that value (the two lists that start empty are never null, so they are always written).
/// </summary>
internal sealed class LedgerJsonConverter : JsonConverter<List<ComplaintFact>>
{
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> Compact = new();

    public override List<ComplaintFact>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<List<ComplaintFact>>(ref reader, options);

    public override void Write(Utf8JsonWriter writer, List<ComplaintFact> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, Compact.GetValue(options,
            static o => new JsonSerializerOptions(o) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault }));
}
