using System.Text.Json;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Tests.Understanding;

/// <summary>One hand-labelled complaint of golden.jsonl (labelling rules in golden.md).</summary>
public sealed record GoldenItem(
    string Id,
    string Channel,
    string Text,
    decimal? Price,
    ComplaintCategory Category,
    Seeking Seeking,
    Urgency Urgency,
    EmotionLevel Emotion,
    IReadOnlySet<DemandKind> Demands,
    decimal? DemandAmount,
    RiskSignals Risks)
{
    public static IReadOnlyList<GoldenItem> LoadAll()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Understanding", "golden.jsonl");
        return [.. File.ReadLines(path).Where(line => line.Length > 0).Select(Parse)];
    }

    private static GoldenItem Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var expected = root.GetProperty("expected");
        return new GoldenItem(
            root.GetProperty("id").GetString()!,
            root.GetProperty("channel").GetString()!,
            root.GetProperty("text").GetString()!,
            root.TryGetProperty("price", out var price) ? price.GetDecimal() : null,
            Enum.Parse<ComplaintCategory>(expected.GetProperty("category").GetString()!),
            Enum.Parse<Seeking>(expected.GetProperty("seeking").GetString()!),
            Enum.Parse<Urgency>(expected.GetProperty("urgency").GetString()!),
            Enum.Parse<EmotionLevel>(expected.GetProperty("emotion").GetString()!),
            expected.GetProperty("demands").EnumerateArray().Select(d => Enum.Parse<DemandKind>(d.GetString()!)).ToHashSet(),
            expected.TryGetProperty("demandAmount", out var amount) ? amount.GetDecimal() : null,
            expected.GetProperty("risks").EnumerateArray()
                .Aggregate(RiskSignals.None, (all, r) => all | Enum.Parse<RiskSignals>(r.GetString()!)));
    }
}
