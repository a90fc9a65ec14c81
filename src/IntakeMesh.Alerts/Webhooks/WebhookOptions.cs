namespace IntakeMesh.Alerts.Webhooks;

/// <summary>One receiver of alerts: <c>Alerts:Webhooks:N</c>.</summary>
public sealed class WebhookOptions
{
    /// <summary>A name for logs and metrics; the URL is never logged, it may hold a token. Default "webhook-N".</summary>
    public string? Name { get; set; }

    /// <summary>The absolute http(s) address alerts are POSTed to.</summary>
    public string Url { get; set; } = "";

    /// <summary>The lowest tier this receiver is told about ("T0" to "T4"). Default T2.</summary>
    public string MinTier { get; set; } = "T2";

    /// <summary><c>json</c> (default), <c>slack</c> or <c>pagerduty</c>.</summary>
    public WebhookFormat Format { get; set; } = WebhookFormat.Json;

    /// <summary>
    /// The key of the HMAC-SHA256 signature in <c>X-IntakeMesh-Signature</c>. Unset: requests
    /// are not signed. For <c>pagerduty</c> it is also the routing key unless <see cref="RoutingKey"/> is set.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>The PagerDuty integration (routing) key.</summary>
    public string? RoutingKey { get; set; }

    /// <summary>How long a call may take; unset uses <c>Alerts:WebhookTimeout</c>.</summary>
    public TimeSpan? Timeout { get; set; }
}
