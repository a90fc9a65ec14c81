namespace IntakeMesh.Alerts.Webhooks;

/// <summary>The name a webhook goes by in logs, metrics and the delivered-alert memory.</summary>
internal static class WebhookNames
{
    public static string Of(WebhookOptions hook, int index) =>
        string.IsNullOrWhiteSpace(hook.Name) ? $"webhook-{index}" : hook.Name;
}
