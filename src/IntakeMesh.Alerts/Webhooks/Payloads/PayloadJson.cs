using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using IntakeMesh.Contracts.Alerts;

namespace IntakeMesh.Alerts.Webhooks.Payloads;

/// <summary>The JSON settings every payload shares: camelCase, nulls left out.</summary>
internal static class PayloadJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The alert's own fields, as its runtime type declares them.</summary>
    public static JsonNode AlertNode(IIncidentAlert alert) =>
        JsonSerializer.SerializeToNode(alert, alert.GetType(), Options) ?? new JsonObject();

    public static byte[] Bytes(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Options);
}
