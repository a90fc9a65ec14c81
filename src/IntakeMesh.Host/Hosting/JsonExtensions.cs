using System.Text.Json.Serialization;

namespace IntakeMesh.Host.Hosting;

public static class JsonExtensions
{
    /// <summary>Enums as their names (T3, Mass, Phone) in every API answer.</summary>
    public static IServiceCollection AddIntakeMeshJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
}
