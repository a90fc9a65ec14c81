namespace IntakeMesh.Core.Incidents;

/// <summary>What the board shows of an incident's complaints: hourly counts per channel and a few samples.</summary>
public sealed partial class Incident
{
    /// <summary>Samples kept per wave: the first half are the wave's first complaints, the rest its latest.</summary>
    public const int SamplesKept = 20;

    /// <summary>Counts a new complaint (not a repeat contact) in the hourly series and keeps its excerpt as a sample.</summary>
    private void Remember(ComplaintFact fact, bool templated)
    {
        var state = State;
        state.Hourly.Add(fact.OccurredAt, fact.Channel);
        if (fact.Excerpt is not { Length: > 0 } excerpt)
        {
            return;
        }
        if (state.Samples.Count >= SamplesKept)
        {
            state.Samples.RemoveAt(SamplesKept / 2);
        }
        state.Samples.Add(new ComplaintSample(fact.CustomerKey, fact.Channel, fact.OccurredAt, excerpt)
        {
            Category = fact.Category,
            Risks = fact.Risks,
            Templated = templated,
        });
    }
}
