namespace IntakeMesh.Alerts.Webhooks;

/// <summary>The body a webhook receives.</summary>
public enum WebhookFormat
{
    /// <summary><c>{"type": "IncidentEscalated", "alert": {…}}</c>: the alert as it is.</summary>
    Json,

    /// <summary>A chat message (Slack blocks; Teams and others read its <c>text</c>).</summary>
    Slack,

    /// <summary>A PagerDuty Events API v2 event: trigger, or resolve on <c>IncidentResolved</c>.</summary>
    PagerDuty,
}
