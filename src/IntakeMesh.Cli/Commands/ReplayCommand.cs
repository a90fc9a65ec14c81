using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using IntakeMesh.Cli.Input;
using IntakeMesh.Core.Explain;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Replay;

namespace IntakeMesh.Cli.Commands;

/// <summary>
/// <c>replay FILE.jsonl [--out FILE] [--explain FILE|-]</c>: runs the live customer and incident
/// rules in this process over a file in the produce format, in event-time order, with no Kafka and
/// no server, and writes one JSON line per incident change. With <c>--explain</c> it also writes one
/// JSON line per complaint saying why it went where it went (the live
/// <c>GET /api/complaints/{id}/explain</c> answer, built the same way); <c>-</c> is standard output.
/// Facts are packed before the sort and the rules' state is bounded, so a million events fit
/// comfortably (explaining keeps each event's reading too); progress goes to stderr.
/// </summary>
public static class ReplayCommand
{
    public const string Usage = "replay FILE.jsonl [--out FILE] [--explain FILE|-] [--hmac-key SECRET] [--lexicon FILE,…] [--catalog FILE,…]";

    // Lines are classified in parallel in chunks this size, then packed in file order.
    private const int Chunk = 4096;
    private const int ProgressEvery = 100_000;
    private const int ErrorsShown = 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static int Run(CommandLine args, TextWriter output, TextWriter errors)
    {
        args.AllowOnly(["out", "explain", .. ReaderFactory.Options]);
        if (args.Positionals is not [var path])
        {
            throw new UsageException($"usage: {Usage}");
        }
        if (!File.Exists(path))
        {
            throw new UsageException($"no such file: {path}");
        }
        var reader = ReaderFactory.Create(args, errors);
        var clock = Stopwatch.StartNew();
        var explainPath = args.Option("explain");

        var facts = new FactBuffer();
        int lines, refused;
        using (var input = new StreamReader(path))
        {
            (lines, refused) = Read(input, reader, facts, explainPath is not null, errors);
        }
        errors.WriteLine($"read {lines:N0} lines ({refused:N0} refused) in {clock.Elapsed.TotalSeconds:0.0} s; replaying {facts.Count:N0} complaints in event-time order…");

        using var outFile = args.Option("out") is { } outPath ? new StreamWriter(outPath) : null;
        var writer = outFile ?? output;
        using var explainFile = explainPath is not null and not "-" ? new StreamWriter(explainPath) : null;
        var explainWriter = explainPath is null ? null : explainFile ?? output;
        var engine = new ReplayEngine(new DetectionOptions());
        var changes = new List<ReplayChange>();
        var explanations = new List<ComplaintExplanation>();
        var applied = 0;
        foreach (var (fact, reading) in facts.Read())
        {
            engine.Apply(fact, reading, changes, explanations);
            foreach (var change in changes)
            {
                writer.WriteLine(JsonSerializer.Serialize(change, Json));
            }
            changes.Clear();
            foreach (var explanation in explanations)
            {
                explainWriter!.WriteLine(JsonSerializer.Serialize(explanation, Json));
            }
            explanations.Clear();
            if (++applied % ProgressEvery == 0)
            {
                errors.WriteLine($"applied {applied:N0} of {facts.Count:N0} ({engine.OpenIncidents:N0} open incidents, {engine.CustomersInMemory:N0} customers)…");
            }
        }
        writer.Flush();
        explainWriter?.Flush();

        var stats = engine.Stats;
        var reached = string.Join(", ", Enum.GetValues<Tier>().Skip(1).Select(t => $"{stats.Reached[(int)t]:N0} reached {t}"));
        errors.WriteLine(
            $"replayed {stats.Facts:N0} complaints from {lines:N0} lines in {clock.Elapsed.TotalSeconds:0.0} s: " +
            $"{stats.Incidents:N0} incidents ({reached}; {stats.Closed:N0} closed), {stats.Changes:N0} changes written, " +
            $"{stats.Redelivered:N0} redelivered, {stats.RepeatContacts:N0} repeat contacts, {refused:N0} lines refused");
        return refused > 0 ? 1 : 0;
    }

    private static (int Lines, int Refused) Read(TextReader input, IntakeReader reader, FactBuffer facts, bool explain, TextWriter errors)
    {
        var lines = 0;
        var refused = 0;
        var chunk = new List<EventLine>(Chunk);
        void Report(string error)
        {
            if (++refused <= ErrorsShown)
            {
                errors.WriteLine(error);
            }
            else if (refused == ErrorsShown + 1)
            {
                errors.WriteLine("(further refused lines are only counted)");
            }
        }
        void Flush()
        {
            var outcomes = new IntakeOutcome[chunk.Count];
            Parallel.For(0, chunk.Count, i => outcomes[i] = reader.Read(chunk[i].Channel, chunk[i].Event));
            for (var i = 0; i < outcomes.Length; i++)
            {
                if (outcomes[i].Understood is { } understood)
                {
                    facts.Add(understood.Fact, explain ? ComplaintReading.Of(understood) : null);
                }
                else
                {
                    Report($"line {chunk[i].LineNumber}: {outcomes[i].Error}");
                }
            }
            chunk.Clear();
        }

        foreach (var (line, error) in EventLineReader.Read(input))
        {
            if (++lines % ProgressEvery == 0)
            {
                errors.WriteLine($"read {lines:N0} lines…");
            }
            if (line is null)
            {
                Report(error!);
                continue;
            }
            chunk.Add(line);
            if (chunk.Count == Chunk)
            {
                Flush();
            }
        }
        Flush();
        return (lines, refused);
    }
}
