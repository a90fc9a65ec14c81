using System.Text.Json.Nodes;
using IntakeMesh.Contracts.Alerts;

namespace IntakeMesh.Alerts.Webhooks.Payloads;

/// <summary>
/// A PagerDuty Events API v2 event. Every alert of an incident shares one <c>dedup_key</c>, the
/// incident id, so PagerDuty keeps one open incident per IntakeMesh incident: later alerts update
/// it and <see cref="IncidentResolved"/> resolves it.
/// </summary>
internal static class PagerDutyPayload
{
    // PagerDuty refuses summaries over 1024 characters.
    private const int SummaryLimit = 1024;

    public static JsonObject Build(IIncidentAlert alert, string routingKey, string source)
    {
        if (alert is IncidentResolved)
        {
            return new JsonObject
            {
                ["routing_key"] = routingKey,
                ["event_action"] = "resolve",
                ["dedup_key"] = alert.IncidentId,
            };
        }
        var summary = AlertText.Summary(alert);
        var payload = new JsonObject
        {
            ["summary"] = summary.Length <= SummaryLimit ? summary : summary[..(SummaryLimit - 1)] + "…",
            ["severity"] = Severity(alert.Tier),
            ["source"] = source,
            ["timestamp"] = alert.OccurredAt.ToString("O"),
            ["component"] = alert.Key,
            ["class"] = AlertText.TypeName(alert),
            ["custom_details"] = PayloadJson.AlertNode(alert),
        };
        var body = new JsonObject
        {
            ["routing_key"] = routingKey,
            ["event_action"] = "trigger",
            ["dedup_key"] = alert.IncidentId,
            ["payload"] = payload,
        };
        if (alert.IncidentUrl is { Length: > 0 } url)
        {
            body["links"] = new JsonArray(new JsonObject { ["href"] = url, ["text"] = "IntakeMesh incident" });
        }
        return body;
    }

    /// <summary>T4 critical, T3 error, T2 warning, T0 and T1 info.</summary>
    public static string Severity(string tier) => Policy.AlertTiers.Rank(tier) switch
    {
        4 => "critical",
        3 => "error",
        2 => "warning",
        _ => "info",
    };
}
