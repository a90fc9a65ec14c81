using IntakeMesh.Core.Understanding;
using Xunit.Abstractions;

namespace IntakeMesh.Core.Tests.Understanding;

// REVIEW: scratch diagnostics while tuning the lexicon; delete before commit.
public sealed class TraceScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Trace()
    {
        var ids = (Environment.GetEnvironmentVariable("TRACE_IDS") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var lexicon = Lexicon.Default;
        var index = lexicon.Index;
        foreach (var item in GoldenItem.LoadAll().Where(i => ids.Contains(i.Id)))
        {
            var folded = lexicon.Folder.Fold(item.Text);
            output.WriteLine($"== {item.Id} {folded}");
            var state = 0;
            for (var i = 0; i < folded.Length; i++)
            {
                state = index.Automaton.Step(state, folded[i]);
                foreach (var p in index.Automaton.Matches(state))
                {
                    var t = index.Terms[p];
                    var effects = string.Join(" ", index.Effects.Skip(t.EffectStart).Take(t.EffectCount).Select(e => $"{e.Slot}:{e.Weight}"));
                    output.WriteLine($"   [{index.Patterns[p]}] {effects}");
                }
            }

            var c = new ComplaintClassifier(lexicon).Classify(item.Text, item.Price);
            output.WriteLine($"   => {c.Category} {c.Seeking} {c.Urgency} {c.Emotion} [{string.Join(",", c.Demands)}] {c.Risks}");
        }
    }

    [Fact]
    public void EmotionScores()
    {
        var lexicon = Lexicon.Default;
        var classifier = new ComplaintClassifier(lexicon);
        foreach (var item in GoldenItem.LoadAll())
        {
            var c = classifier.Classify(item.Text, item.Price);
            var folded = lexicon.Folder.Fold(item.Text);
            var signals = new TextSignals(new float[SignalSlots.Count], new DemandHit[32], new int[8]);
            TermScanner.Scan(folded, lexicon.Index, lexicon.Settings.NegationWindow, new byte[(lexicon.Index.Terms.Length + 7) / 8], ref signals);
            var score = EmotionGauge.Score(item.Text, signals, c.Urgency, c.Risks, lexicon.Settings);
            output.WriteLine($"{item.Id}\t{item.Channel}\t{item.Emotion}\t{c.Emotion}\t{score:F2}\t{signals.Scores[SignalSlots.Outburst]:F1}");
        }
    }
}
