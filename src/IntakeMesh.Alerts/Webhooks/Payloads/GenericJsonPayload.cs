using System.Text.Json.Nodes;
using IntakeMesh.Contracts.Alerts;

namespace IntakeMesh.Alerts.Webhooks.Payloads;

/// <summary><c>{"type": "IncidentEscalated", "alert": {…}}</c>: the alert as published, named.</summary>
internal static class GenericJsonPayload
{
    public static JsonObject Build(IIncidentAlert alert) => new()
    {
        ["type"] = AlertText.TypeName(alert),
        ["alert"] = PayloadJson.AlertNode(alert),
    };
}
