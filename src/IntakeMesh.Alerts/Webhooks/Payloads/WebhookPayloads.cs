using IntakeMesh.Contracts.Alerts;

namespace IntakeMesh.Alerts.Webhooks.Payloads;

/// <summary>The body bytes one receiver gets for one alert, in its configured format.</summary>
internal static class WebhookPayloads
{
    public static byte[] Build(WebhookOptions hook, IIncidentAlert alert, string source) => PayloadJson.Bytes(hook.Format switch
    {
        WebhookFormat.Slack => ChatPayload.Build(alert),
        WebhookFormat.PagerDuty => PagerDutyPayload.Build(alert, hook.RoutingKey is { Length: > 0 } key ? key : hook.Secret ?? "", source),
        _ => GenericJsonPayload.Build(alert),
    });
}
