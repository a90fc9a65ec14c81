using System.Globalization;
using System.Text.RegularExpressions;

namespace IntakeMesh.Host.Tests;

/// <summary>Reads Prometheus text exposition into samples, so tests check values, not substrings.</summary>
public static partial class PrometheusText
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public static IReadOnlyList<Sample> Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            var match = Line().Match(line.Trim());
            if (!match.Success)
            {
                continue;
            }
            var labels = Label().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);
            samples.Add(new Sample(match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }
        return samples;
    }

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    public static double? Value(IReadOnlyList<Sample> samples, string name, params (string Key, string Value)[] labels)
    {
        var matching = samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
        return matching.Count == 0 ? null : matching.Sum(s => s.Value);
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>[-+0-9.eEinfNa]+)(\s+\d+)?$")]
    private static partial Regex Line();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
