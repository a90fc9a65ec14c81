using IntakeMesh.Alerts.Webhooks;

namespace IntakeMesh.Alerts;

/// <summary>
/// The <c>Alerts</c> section: where notifications go, how hard delivery tries, and how often an
/// open incident is notified again.
/// </summary>
public sealed class AlertingOptions
{
    public const string Section = "Alerts";

    /// <summary>Time between two notifications of an open, unacknowledged incident. Default 30 minutes.</summary>
    public TimeSpan RenotifyInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The lowest tier that is re-notified ("T0" to "T4"). Default T3.</summary>
    public string RenotifyMinTier { get; set; } = "T3";

    /// <summary>
    /// The incident page address that incident ids are appended to for the alerts' link, for
    /// example <c>https://intakemesh.example.com/incidents/</c>. Unset: alerts carry no link.
    /// </summary>
    public string? IncidentUrlBase { get; set; }

    /// <summary>
    /// Where the incident board is served, for example <c>https://intakemesh.example.com</c>:
    /// alerts then link to <c>{BoardUrl}/#/incidents/{id}</c>, the incident's page on the board.
    /// <see cref="IncidentUrlBase"/>, when set, wins. Unset: no link (unless IncidentUrlBase is set).
    /// </summary>
    public string? BoardUrl { get; set; }

    /// <summary>The address incident ids are appended to: <see cref="IncidentUrlBase"/>, else the board's incident pages, else null.</summary>
    public string? IncidentPageBase =>
        !string.IsNullOrWhiteSpace(IncidentUrlBase) ? IncidentUrlBase
        : !string.IsNullOrWhiteSpace(BoardUrl) ? BoardUrl.Trim().TrimEnd('/') + "/#/incidents/"
        : null;

    /// <summary>Where alerts are posted: <c>Alerts:Webhooks:0:Url</c>, <c>:MinTier</c>, <c>:Format</c>, <c>:Secret</c>, ….</summary>
    public List<WebhookOptions> Webhooks { get; set; } = [];

    /// <summary>How long one webhook call may take, unless the webhook sets its own. Default 10 s.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Redelivery of a failed notification with exponential back-off.</summary>
    public AlertRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// How many delivered (alert, webhook) pairs are remembered to drop redelivered alerts.
    /// Oldest are forgotten first. Default 10,000.
    /// </summary>
    public int ProcessedAlertCapacity { get; set; } = 10_000;

    /// <summary>
    /// Alerts notified at once. Default 1, so a resolve never overtakes the trigger it closes
    /// at a receiver; alerts are rare, order matters more than throughput.
    /// </summary>
    public int ConcurrentDeliveries { get; set; } = 1;

    /// <summary>
    /// The queue notifications are consumed from. Default "intakemesh-alert-notifications";
    /// give each environment sharing one broker its own.
    /// </summary>
    public string QueueName { get; set; } = "intakemesh-alert-notifications";

    /// <summary>The <c>payload.source</c> PagerDuty shows. Default "intakemesh".</summary>
    public string Source { get; set; } = "intakemesh";
}
