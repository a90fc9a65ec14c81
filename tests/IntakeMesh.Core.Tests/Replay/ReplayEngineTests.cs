using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using IntakeMesh.Core.Identity;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Core.Replay;
using IntakeMesh.Core.Understanding;

namespace IntakeMesh.Core.Tests.Replay;

public class ReplayEngineTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>What the replay verb does: read and classify every line, sort by event time, run the engine, one JSON line per change.</summary>
    private static (List<JsonElement> Lines, ReplayStats Stats) Replay(IEnumerable<string> file)
    {
        var reader = new IntakeReader(new IntakeLimits(), new CustomerKeyer("replay-test-secret-0123456789"u8), new ComplaintClassifier(Lexicon.Default), ProductCatalog.Empty);
        var facts = new FactBuffer();
        foreach (var line in file)
        {
            var (channel, body) = GeneratedFile.Parse(line);
            facts.Add(reader.Read(channel, body).Fact!);
        }
        var engine = new ReplayEngine(new DetectionOptions());
        var changes = new List<ReplayChange>();
        foreach (var fact in facts.InEventTimeOrder())
        {
            engine.Apply(fact, changes);
        }
        var lines = changes.Select(c => JsonSerializer.Deserialize<JsonElement>(JsonSerializer.Serialize(c, Json))).ToList();
        return (lines, engine.Stats);
    }

    [Fact]
    public void Replay_GeneratedFile_WritesTheGroupComplaintsChangesInEventTimeOrder()
    {
        var file = GeneratedFile.Lines();

        var (lines, stats) = Replay(file);

        Assert.Equal(file.Count, stats.Facts);
        Assert.Equal(1, stats.Redelivered);
        Assert.Equal(2, stats.RepeatContacts);
        var times = lines.Select(l => l.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.All(lines, l => Assert.Equal(
            ["incidentId", "key", "at", "kind", "tier", "phase", "participants", "templated", "reasons", "rules"],
            l.EnumerateObject().Select(p => p.Name)));

        var group = lines.Where(l => l.GetProperty("key").GetString() == GeneratedFile.GroupKey).ToList();
        var firstWave = group.Where(l => l.GetProperty("incidentId").GetString()!.EndsWith("-1", StringComparison.Ordinal)).ToList();
        Assert.Equal(("Opened", "T0", "Single", 1), Describe(firstWave[0]));
        Assert.Equal(("Raised", "T2", "Following", 3), Describe(firstWave[1]));
        Assert.Contains("starter plus 2 followers within 24 h", firstWave[1].GetProperty("reasons")[0].GetString());
        var mass = firstWave.First(l => l.GetProperty("phase").GetString() == "Mass");
        Assert.Equal(("Raised", "T3", "Mass", 10), Describe(mass));
        var crisis = firstWave.First(l => l.GetProperty("tier").GetString() == "T4");
        Assert.Equal(16, crisis.GetProperty("participants").GetInt64());
        Assert.Equal(6, crisis.GetProperty("templated").GetInt64());
        Assert.Contains("1 regulator cases", crisis.GetProperty("reasons")[0].GetString());
        var closed = firstWave[^1];
        Assert.Equal("Closed", closed.GetProperty("kind").GetString());
        Assert.Equal(GeneratedFile.WaveStart.AddHours(20).AddDays(7), closed.GetProperty("at").GetDateTimeOffset());

        var secondWave = Assert.Single(group, l => l.GetProperty("incidentId").GetString()!.EndsWith("-2", StringComparison.Ordinal));
        Assert.Equal(("Opened", "T0", "Single", 1), Describe(secondWave));

        // Background keys see about three complaints a month each, often more than the quiet period apart: several waves.
        Assert.Equal(lines.Count(l => l.GetProperty("kind").GetString() == "Opened"), stats.Incidents);
        Assert.True(stats.Incidents > 900);
    }

    [Fact]
    public void Replay_SameFileInAnotherOrder_GivesTheSameLines()
    {
        var file = GeneratedFile.Lines();

        var (once, _) = Replay(file);
        var (again, _) = Replay(Enumerable.Reverse(file));

        // Lines of different keys at the same minute may swap; as a whole they are the same.
        Assert.Equal(once.Select(l => l.GetRawText()).Order(), again.Select(l => l.GetRawText()).Order());
    }

    private static (string?, string?, string?, long) Describe(JsonElement line) => (
        line.GetProperty("kind").GetString(),
        line.GetProperty("tier").GetString(),
        line.GetProperty("phase").GetString(),
        line.GetProperty("participants").GetInt64());
}
