using IntakeMesh.Core.Understanding;
using Xunit.Abstractions;

namespace IntakeMesh.Core.Tests.Understanding;

/// <summary>
/// Scores the classifier against the hand-labelled golden set and prints accuracy per field.
/// The labels were written from the text alone (golden.md); the bar is 90% on every field.
/// </summary>
public sealed class GoldenSetTests(ITestOutputHelper output)
{
    private const double Bar = 0.90;

    [Fact]
    public void Classify_GoldenSet_EveryFieldAtLeastNinetyPercent()
    {
        var items = GoldenItem.LoadAll();
        var classifier = new ComplaintClassifier(Lexicon.Default);
        var fields = new[] { "category", "seeking", "urgency", "emotion", "demands", "risks", "amount" };
        var hits = fields.ToDictionary(f => f, _ => 0);

        foreach (var item in items)
        {
            var got = classifier.Classify(item.Text, item.Price);
            var amount = got.Demands.Max(d => d.Amount);
            var checks = new Dictionary<string, (bool Ok, string Expected, string Actual)>
            {
                ["category"] = (got.Category == item.Category, $"{item.Category}", $"{got.Category}"),
                ["seeking"] = (got.Seeking == item.Seeking, $"{item.Seeking}", $"{got.Seeking}"),
                ["urgency"] = (got.Urgency == item.Urgency, $"{item.Urgency}", $"{got.Urgency}"),
                ["emotion"] = (got.Emotion == item.Emotion, $"{item.Emotion}", $"{got.Emotion}"),
                ["demands"] = (item.Demands.SetEquals(got.Demands.Select(d => d.Kind)), string.Join("+", item.Demands.Order()), string.Join("+", got.Demands.Select(d => d.Kind))),
                ["risks"] = (got.Risks == item.Risks, $"{item.Risks}", $"{got.Risks}"),
                ["amount"] = (amount == item.DemandAmount, $"{item.DemandAmount}", $"{amount}"),
            };

            foreach (var (field, check) in checks)
            {
                if (check.Ok)
                {
                    hits[field]++;
                }
                else
                {
                    output.WriteLine($"{item.Id} {field}: expected {check.Expected}, got {check.Actual} | {Shorten(item.Text)}");
                }
            }
        }

        output.WriteLine(string.Empty);
        foreach (var field in fields)
        {
            output.WriteLine($"{field,-9} {hits[field],4}/{items.Count} = {(double)hits[field] / items.Count:P1}");
        }

        Assert.True(items.Count >= 220, $"The golden set holds {items.Count} complaints; it needs at least 220.");
        Assert.All(fields, field => Assert.True(
            (double)hits[field] / items.Count >= Bar,
            $"{field} accuracy {(double)hits[field] / items.Count:P1} is below {Bar:P0}."));
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
