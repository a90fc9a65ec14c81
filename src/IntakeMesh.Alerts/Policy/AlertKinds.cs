namespace IntakeMesh.Alerts.Policy;

/// <summary>The kind segment of alert ids (<c>{incidentId}:{kind}:{sequence}</c>).</summary>
public static class AlertKinds
{
    public const string Escalated = "escalated";
    public const string Reminder = "reminder";
    public const string MediaRisk = "media-risk";
    public const string RegulatorCase = "regulator-case";
    public const string SlaBreached = "sla-breached";
    public const string SlaWarning = "sla-warning";
    public const string Regrouped = "regrouped";
    public const string Resolved = "resolved";

    /// <summary>The deterministic id of one alert: the same inputs always give the same id.</summary>
    public static string AlertId(string incidentId, string kind, string sequence) => $"{incidentId}:{kind}:{sequence}";
}
