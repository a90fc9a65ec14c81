using System.Text.Json.Nodes;
using IntakeMesh.Contracts.Alerts;

namespace IntakeMesh.Alerts.Webhooks.Payloads;

/// <summary>
/// A chat message: <c>text</c> (what Teams and plain receivers show, and Slack's notification
/// line) plus Slack blocks with the summary, the facts as fields, the reasons and the link.
/// </summary>
internal static class ChatPayload
{
    // Slack's limits: header text 150 characters, section text 3000, fields 10.
    private const int HeaderLimit = 150;
    private const int SectionLimit = 3000;
    private const int FieldLimit = 10;

    public static JsonObject Build(IIncidentAlert alert)
    {
        var summary = AlertText.Summary(alert);
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Cut(summary, HeaderLimit) },
            },
            new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray([.. AlertText.Facts(alert).Take(FieldLimit).Select(f => (JsonNode)Markdown($"*{f.Label}*\n{Escape(f.Value)}"))]),
            },
        };
        var reasons = AlertText.Reasons(alert);
        if (reasons.Count > 0)
        {
            blocks.Add(Section("*Reasons*\n" + string.Join("\n", reasons.Select(r => "• " + Escape(r)))));
        }
        var playbook = AlertText.Playbook(alert);
        if (playbook.Length > 0)
        {
            blocks.Add(Section("*Playbook*\n" + Escape(playbook)));
        }
        var text = summary;
        if (alert.IncidentUrl is { Length: > 0 } url)
        {
            blocks.Add(Section($"<{url}|Open the incident>"));
            text += " " + url;
        }
        return new JsonObject { ["text"] = text, ["blocks"] = blocks };
    }

    private static JsonObject Section(string markdown) => new()
    {
        ["type"] = "section",
        ["text"] = Markdown(Cut(markdown, SectionLimit)),
    };

    private static JsonObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    // Slack reads &, < and > as markup; everything else in mrkdwn is plain.
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Cut(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)] + "…";
}
