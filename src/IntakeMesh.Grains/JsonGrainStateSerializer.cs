using System.Text.Json;
using IntakeMesh.Abstractions;
using Orleans.Storage;

namespace IntakeMesh.Grains;

/// <summary>
/// Stores grain state as plain System.Text.Json with no .NET type names, so renaming or moving a
/// state type does not orphan stored rows, and a later release reads what an earlier one wrote
/// (missing members take their defaults, unknown ones are ignored).
/// </summary>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) =>
        new(JsonSerializer.SerializeToUtf8Bytes(input, IntakeMeshSerialization.JsonOptions));

    public T Deserialize<T>(BinaryData input) =>
        JsonSerializer.Deserialize<T>(input.ToMemory().Span, IntakeMeshSerialization.JsonOptions)!;
}
