using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Core.Tests.Replay;

/// <summary>
/// A generated event file in the produce format: background complaints on a thousand products
/// over a month, a group complaint on one e-bike battery (starter, followers, mass, a 12315 case,
/// a templated wave, a reply chain, a redelivery, repeat contacts),
/// and a second wave on it after the quiet period. The lines are shuffled: replay sorts them.
/// </summary>
internal static class GeneratedFile
{
    public const string GroupKey = "brand:aurora|sku:ax7-bat-48v";
    public const int BackgroundKeys = 1000;
    public const int BackgroundEvents = 3000;

    public static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset WaveStart = Start.AddDays(10).AddHours(8);

    private const string Template = "Same problem as everyone: the AX-7 battery will not charge, order {0}. Please replace it.";

    private static readonly string[] OwnWords =
    [
        "Battery on my AX-7 died after seven weeks and the dealer says wait a month for parts.",
        "AX-7 e-bike: range dropped from sixty kilometres to five, I want a new battery.",
        "Bought the AX-7 in September, the pack swells and will not take a charge any more.",
        "Riding home the AX-7 just cut out, the battery shows zero though it was full.",
        "Second battery fault this autumn on our AX-7; the shop keeps sending us away.",
        "The AX-7 battery light blinks red all night and nothing charges, please help.",
    ];

    public static List<string> Lines()
    {
        var random = new Random(4711);
        var lines = new List<string>();
        for (var i = 0; i < BackgroundEvents; i++)
        {
            var at = Start.AddMinutes(random.Next(0, 30 * 24 * 60));
            lines.Add(Line("phone", $"bg-{i}", at, new JsonObject { ["phone"] = $"+86139{random.Next(0, 100_000_000):D8}" },
                "The kettle I bought stopped heating after a month. Please repair it.", $"KT-{random.Next(0, BackgroundKeys)}"));
        }

        lines.Add(Line("social", "so-1", WaveStart, new JsonObject { ["handle"] = "weibo:@starter" },
            "My AX-7 battery stopped charging after two months. Anyone else with the same problem?", "AX7-BAT-48V",
            new JsonObject { ["platform"] = "weibo", ["postId"] = "wb-1", ["followers"] = 800 }));
        lines.Add(Line("phone", "ph-2", WaveStart.AddHours(2), new JsonObject { ["phone"] = "+8613800000002" },
            "Caller says the AX-7 battery does not hold a charge. Wants a replacement.", "AX7-BAT-48V"));
        lines.Add(Line("email", "em-3", WaveStart.AddHours(3), new JsonObject { ["email"] = "owner3@example.com" },
            "My AX-7 battery from the October batch no longer charges. Please replace it.", "AX7-BAT-48V"));
        // The phone customer calls again: a repeat contact, not a new participant.
        lines.Add(Line("phone", "ph-2b", WaveStart.AddHours(4), new JsonObject { ["phone"] = "+8613800000002" },
            "Customer calls again about the AX-7 battery replacement.", "AX7-BAT-48V"));
        for (var i = 0; i < 12; i++)
        {
            var text = i < 6 ? string.Format(Template, $"SO-{1000 + i}") : OwnWords[i - 6];
            lines.Add(Line("social", $"so-w{i}", WaveStart.AddHours(5 + i * 0.5), new JsonObject { ["handle"] = $"weibo:@owner{i}" }, text, "AX7-BAT-48V",
                new JsonObject { ["platform"] = "weibo", ["postId"] = $"wb-w{i}", ["replyTo"] = i % 2 == 0 ? "wb-1" : $"wb-w{i - 1}", ["followers"] = 50 }));
        }
        lines.Add(lines[^1]); // a redelivery of the last record
        lines.Add(Line("regulator", "rg-1", WaveStart.AddHours(20), new JsonObject { ["id"] = "CRM-77120" },
            "The consumer reports a batch failure of AX-7 batteries and asks for mediation.", "AX7-BAT-48V",
            regulator: new JsonObject { ["body"] = "12315", ["caseRef"] = "12315-2026-1" }));
        lines.Add(Line("social", "so-9", WaveStart.AddHours(4.5), new JsonObject { ["handle"] = "weibo:@starter" },
            "Still waiting for an answer about my AX-7 battery.", "AX7-BAT-48V",
            new JsonObject { ["platform"] = "weibo", ["postId"] = "wb-9" }));
        // A second wave, long after the first went quiet.
        lines.Add(Line("email", "em-late", WaveStart.AddDays(15), new JsonObject { ["email"] = "late@example.com" },
            "My AX-7 battery died today. Please replace it.", "AX7-BAT-48V"));

        return [.. lines.OrderBy(_ => random.Next())];
    }

    /// <summary>Splits a line into its channel and event bytes, as the CLI's line reader does.</summary>
    public static (Channel Channel, byte[] Event) Parse(string line)
    {
        var node = JsonNode.Parse(line)!;
        IntakeTopics.TryParseChannel(node["channel"]!.GetValue<string>(), out var channel);
        return (channel, Encoding.UTF8.GetBytes(node["event"]!.ToJsonString()));
    }

    private static string Line(string channel, string eventId, DateTimeOffset at, JsonObject customer, string text, string sku,
        JsonObject? social = null, JsonObject? regulator = null)
    {
        var body = new JsonObject
        {
            ["eventId"] = eventId,
            ["occurredAt"] = at.ToString("yyyy-MM-ddTHH:mm:sszzz"),
            ["customer"] = customer,
            ["text"] = text,
            ["subject"] = new JsonObject { ["brand"] = sku.StartsWith("AX7", StringComparison.Ordinal) ? "Aurora" : "Kettlo", ["sku"] = sku },
        };
        if (social is not null)
        {
            body["social"] = social;
        }
        if (regulator is not null)
        {
            body["regulator"] = regulator;
        }
        return new JsonObject { ["channel"] = channel, ["event"] = body }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
