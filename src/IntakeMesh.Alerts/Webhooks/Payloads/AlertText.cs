using System.Globalization;
using IntakeMesh.Contracts.Alerts;

namespace IntakeMesh.Alerts.Webhooks.Payloads;

/// <summary>How an alert reads to a person: one summary line and a few labelled facts.</summary>
internal static class AlertText
{
    public static string TypeName(IIncidentAlert alert) => alert.GetType().Name;

    public static string Summary(IIncidentAlert alert) => alert switch
    {
        IncidentEscalated { Reminder: > 0 } e =>
            $"[{e.Tier}] Reminder {e.Reminder}: incident {e.Key} is still open at {e.Tier} and unacknowledged",
        IncidentEscalated e => $"[{e.Tier}] Incident {e.Key} escalated {e.PreviousTier} → {e.Tier}" + (e.Phase.Length > 0 ? $" ({e.Phase})" : ""),
        MediaRiskDetected m => $"[{m.Tier}] Media risk on incident {m.Key}",
        RegulatorCaseOpened r => $"[{r.Tier}] Regulator case {r.CaseReference} opened on incident {r.Key}" + (r.DueAt is { } due ? $", due {Time(due)}" : ""),
        SlaBreached { Deadlines.Count: > 0 } s => $"[{s.Tier}] {Plural(s.Deadlines.Count, "regulatory deadline")} missed on incident {s.Key}, the first {Time(s.ResponseDue)}",
        SlaBreached s => $"[{s.Tier}] Response deadline {Time(s.ResponseDue)} missed on incident {s.Key}",
        SlaBreachApproaching w => $"[{w.Tier}] {Plural(w.Deadlines.Count, "regulatory deadline")} {Math.Round(w.Elapsed * 100):0}% gone on incident {w.Key}, the first due {Time(w.Deadlines[0].DueAt)}",
        IncidentRegrouped { Kind: "merge" } g => $"[{g.Tier}] Incident {g.OtherIncidentId} merged into incident {g.Key}",
        IncidentRegrouped g => $"[{g.Tier}] Complaints of incident {g.Key} split out into {g.OtherIncidentId}",
        IncidentResolved r => $"[{r.Tier}] Incident {r.Key} resolved" + (r.ResolvedBy is { Length: > 0 } by ? $" by {by}" : ""),
        _ => $"[{alert.Tier}] {TypeName(alert)} on incident {alert.Key}",
    };

    /// <summary>The reasons to list under the summary.</summary>
    public static IReadOnlyList<string> Reasons(IIncidentAlert alert) => alert switch
    {
        IncidentEscalated e => e.Reasons,
        MediaRiskDetected m => m.Reasons,
        IncidentResolved { Resolution: { Length: > 0 } note } => [note],
        IncidentRegrouped g => g.Reasons,
        _ => [],
    };

    /// <summary>Short labelled facts (at most ten, a chat block's limit).</summary>
    public static IReadOnlyList<(string Label, string Value)> Facts(IIncidentAlert alert)
    {
        var facts = new List<(string, string)> { ("Tier", alert.Tier), ("Incident", alert.Key) };
        switch (alert)
        {
            case IncidentEscalated e:
                AddIf(facts, "Phase", e.Phase);
                facts.Add(("Customers", e.Participants.ToString(CultureInfo.InvariantCulture)));
                AddIf(facts, "Channels", string.Join(", ", e.ComplaintsByChannel.Select(c => $"{c.Key} {c.Value}")));
                AddIf(facts, "Starter", e.Starter is { } first ? $"{first.CustomerKey} ({first.Channel})" : "");
                AddIf(facts, "Respond by", e.ResponseDue is { } due ? Time(due) : "");
                break;
            case MediaRiskDetected m:
                AddIf(facts, "Phase", m.Phase);
                AddIf(facts, "Starter", m.Starter is { } starter ? $"{starter.CustomerKey} ({starter.Channel})" : "");
                AddIf(facts, "Respond by", m.ResponseDue is { } respond ? Time(respond) : "");
                break;
            case RegulatorCaseOpened r:
                facts.Add(("Case", r.CaseReference));
                AddIf(facts, "Due", r.DueAt is { } caseDue ? Time(caseDue) : "");
                break;
            case SlaBreached s:
                facts.Add(("Was due", Time(s.ResponseDue)));
                AddDeadlines(facts, s.Deadlines);
                break;
            case SlaBreachApproaching w:
                AddDeadlines(facts, w.Deadlines);
                break;
        }
        return facts;
    }

    /// <summary>The playbook to show, when the alert carries one.</summary>
    public static string Playbook(IIncidentAlert alert) => alert switch
    {
        IncidentEscalated e => e.Playbook,
        MediaRiskDetected m => m.Playbook,
        RegulatorCaseOpened r => r.Playbook,
        _ => "",
    };

    public static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    // The first few deadlines, within the ten facts a chat block holds.
    private static void AddDeadlines(List<(string, string)> facts, IReadOnlyList<RegulatoryDeadline> deadlines)
    {
        foreach (var deadline in deadlines.Take(5))
        {
            facts.Add(($"{deadline.CaseReference} ({deadline.Rule} {deadline.Stage})", Time(deadline.DueAt)));
        }
        if (deadlines.Count > 5)
        {
            facts.Add(("More", $"{deadlines.Count - 5} more"));
        }
    }

    private static void AddIf(List<(string, string)> facts, string label, string value)
    {
        if (value.Length > 0)
        {
            facts.Add((label, value));
        }
    }
}
