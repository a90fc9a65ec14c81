using Microsoft.Extensions.Logging;

namespace IntakeMesh.Alerts;

/// <summary>
/// The alerting log lines. They name alerts, incidents and receivers; never a webhook URL (it
/// may carry a token) and never personal data (alerts carry none).
/// </summary>
internal static partial class AlertsLog
{
    [LoggerMessage(1, LogLevel.Information, "Published {AlertType} {AlertId} (incident {IncidentId}, tier {Tier})")]
    public static partial void Published(ILogger logger, string alertType, string alertId, string incidentId, string tier);

    [LoggerMessage(2, LogLevel.Warning, "Publishing {AlertType} {AlertId} failed")]
    public static partial void PublishFailed(ILogger logger, Exception exception, string alertType, string alertId);

    [LoggerMessage(3, LogLevel.Information, "Notified {Receiver} of {AlertType} {AlertId} ({Format})")]
    public static partial void Delivered(ILogger logger, string receiver, string alertType, string alertId, string format);

    [LoggerMessage(4, LogLevel.Warning, "Notifying {Receiver} of {AlertType} {AlertId} failed: {Reason}")]
    public static partial void DeliveryFailed(ILogger logger, string receiver, string alertType, string alertId, string reason);

    [LoggerMessage(5, LogLevel.Debug, "{Receiver} already has {AlertType} {AlertId}: not sent again")]
    public static partial void Duplicate(ILogger logger, string receiver, string alertType, string alertId);

    [LoggerMessage(6, LogLevel.Information, "Received {AlertType} {AlertId} (incident {IncidentId}, tier {Tier}): {Summary}")]
    public static partial void Received(ILogger logger, string alertType, string alertId, string incidentId, string tier, string summary);
}
