using System.Text.Json;
using System.Text.Json.Serialization;
using IntakeMesh.Cli.Input;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Cli.Commands;

/// <summary>
/// <c>classify [FILE.jsonl|-] [--out FILE]</c>: reads events in the produce format and writes one JSON
/// line per event with what IntakeMesh understood of it; a bad line gets a line with its error.
/// </summary>
public static class ClassifyCommand
{
    public const string Usage = "classify [FILE.jsonl | -] [--out FILE] [--hmac-key SECRET] [--lexicon FILE,…] [--catalog FILE,…]";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static int Run(CommandLine args, TextReader input, TextWriter output, TextWriter errors)
    {
        args.AllowOnly(["out", .. ReaderFactory.Options]);
        var reader = ReaderFactory.Create(args, errors);
        using var file = args.Positionals is [var path] && path != "-" ? OpenInput(path) : null;
        using var outFile = args.Option("out") is { } outPath ? new StreamWriter(outPath) : null;
        var writer = outFile ?? output;
        var bad = 0;
        var count = 0;
        foreach (var (line, error) in EventLineReader.Read(file ?? input))
        {
            count++;
            if (line is null)
            {
                bad++;
                errors.WriteLine(error);
                continue;
            }
            var outcome = reader.Read(line.Channel, line.Event);
            if (outcome.Understood is not { } understood)
            {
                bad++;
                writer.WriteLine(JsonSerializer.Serialize(new { line = line.LineNumber, error = outcome.Error }, Json));
                continue;
            }
            writer.WriteLine(JsonSerializer.Serialize(ToLine(understood), Json));
        }
        errors.WriteLine($"classified {count - bad} of {count} events");
        return bad > 0 ? 1 : 0;
    }

    private static TextReader OpenInput(string path) =>
        File.Exists(path) ? new StreamReader(path) : throw new UsageException($"no such file: {path}");

    private static ClassifiedLine ToLine(Understood understood)
    {
        var fact = understood.Fact;
        var c = understood.Classification;
        return new ClassifiedLine(
            fact.EventId, fact.Channel, fact.CustomerKey, fact.IncidentKey, understood.Key.Source, understood.Key.Detail,
            c.Category, c.Seeking, c.Urgency, c.Emotion, c.Demands,
            [.. Enum.GetValues<RiskSignals>().Where(r => r != RiskSignals.None && c.Risks.HasFlag(r))]);
    }

    private sealed record ClassifiedLine(
        string EventId, Channel Channel, string CustomerKey, string IncidentKey, Core.Incidents.IncidentKeySource IncidentKeySource, string IncidentKeyDetail,
        ComplaintCategory Category, Seeking Seeking, Urgency Urgency, EmotionLevel Emotion, IReadOnlyList<Demand> Demands, IReadOnlyList<RiskSignals> Risks);
}
