using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Serialization;

namespace IntakeMesh.Abstractions;

/// <summary>
/// The domain core carries no Orleans attributes, so its types (and the grains' stored state
/// around them) cross grain calls and reach storage as System.Text.Json. Calls wrap payloads in Immutable&lt;T&gt; so that local calls
/// skip the copy.
/// </summary>
public static class IntakeMeshSerialization
{
    public static ISerializerBuilder AddIntakeMeshSerializers(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(
            isSupported: type => type.Namespace is { } ns
                && (ns.StartsWith("IntakeMesh.Core", StringComparison.Ordinal) || ns == "IntakeMesh.Grains.Alerting"),
            jsonSerializerOptions: JsonOptions);

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
