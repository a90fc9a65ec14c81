using IntakeMesh.Core.Explain;
using IntakeMesh.Core.Incidents;

namespace IntakeMesh.Core.Replay;

/// <summary>
/// Runs the live rules in one process over facts in event-time order, as the ingestion pipeline
/// does with grains: the customer stage (redelivery, repeat contacts, role, links), then the
/// incident stage (participants, phase, tier, waves). No Kafka, no silo; memory stays bounded by
/// trimming idle customers and moving closed incidents out to digests.
/// </summary>
public sealed class ReplayEngine
{
    // Trimming customers walks a queue; doing it every few thousand facts keeps it off the hot path.
    private const int TrimEvery = 4096;

    private readonly CustomerStage _customers;
    private readonly IncidentStage _incidents;

    public ReplayEngine(DetectionOptions options)
    {
        _customers = new CustomerStage(options);
        _incidents = new IncidentStage(options);
    }

    public ReplayStats Stats { get; } = new();

    public int CustomersInMemory => _customers.Count;

    public int OpenIncidents => _incidents.Open;

    public int IncidentKeys => _incidents.Keys;

    /// <summary>Applies one fact; adds the incident changes it caused, and the closes due before it, to <paramref name="changes"/>.</summary>
    public void Apply(ComplaintFact fact, ICollection<ReplayChange> changes) => Apply(fact, null, changes, null);

    /// <summary>
    /// As <see cref="Apply(ComplaintFact, ICollection{ReplayChange})"/>; given how the event was
    /// read, also adds the complaint's explanation, built from the verdict and placement taken here
    /// by the same <see cref="ExplanationBuilder"/> the live pipeline uses.
    /// </summary>
    public void Apply(ComplaintFact fact, ComplaintReading? reading, ICollection<ReplayChange> changes, ICollection<ComplaintExplanation>? explanations)
    {
        void Emit(string key, TierChange change)
        {
            Stats.Count(change);
            changes.Add(ReplayChange.From(key, change));
        }

        _incidents.CloseQuiet(fact.OccurredAt, Emit);
        if (++Stats.Facts % TrimEvery == 0)
        {
            _customers.Trim(fact.OccurredAt);
        }
        var verdict = _customers.Accept(fact);
        Stats.Redelivered += verdict.Redelivered ? 1 : 0;
        Stats.RepeatContacts += verdict.IsRepeat && !verdict.Redelivered ? 1 : 0;
        var placement = _incidents.Apply(verdict, Emit);
        if (reading is not null && explanations is not null)
        {
            explanations.Add(ExplanationBuilder.Build(reading, verdict, placement));
        }
    }

    /// <summary>Closes the incidents already quiet by <paramref name="at"/> (for example the end of the period replayed).</summary>
    public void CloseQuiet(DateTimeOffset at, ICollection<ReplayChange> changes) =>
        _incidents.CloseQuiet(at, (key, change) =>
        {
            Stats.Count(change);
            changes.Add(ReplayChange.From(key, change));
        });
}
