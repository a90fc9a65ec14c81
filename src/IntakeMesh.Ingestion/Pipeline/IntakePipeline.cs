using System.Diagnostics;
using IntakeMesh.Abstractions;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Ingestion.Pipeline;

/// <summary>
/// One batch, one direction: read every record (in parallel), dead-letter what is bad, then one
/// call per customer grain, then one call per incident grain, then one to the board. It returns
/// only when every call succeeded, so the caller may move the offsets.
/// </summary>
public sealed class IntakePipeline(
    IntakeReader reader,
    IDeadLetterSink deadLetters,
    IGrainFactory grains,
    IntakeInstruments instruments)
{
    private const int ParallelThreshold = 64;

    public async Task<BatchResult> ProcessAsync(IReadOnlyList<RawRecord> batch, CancellationToken cancellationToken)
    {
        // Named and tagged by the OpenTelemetry messaging conventions.
        using var activity = IntakeTracing.Source.StartActivity("intake process", ActivityKind.Consumer);
        activity?.SetTag("messaging.system", "kafka");
        activity?.SetTag("messaging.operation.type", "process");
        activity?.SetTag("messaging.batch.message_count", batch.Count);

        var (facts, letters) = Read(batch);
        if (letters.Count > 0)
        {
            await deadLetters.SendAsync(letters, cancellationToken);
            activity?.SetTag("intakemesh.deadlettered", letters.Count);
        }

        var verdicts = await SubmitToCustomersAsync(facts);
        var redelivered = 0;
        foreach (var fact in verdicts)
        {
            redelivered += fact.Redelivered ? 1 : 0;
        }
        var updates = await ApplyToIncidentsAsync(verdicts);
        if (updates.Length > 0)
        {
            var perTier = await grains.GetGrain<IIncidentBoardGrain>(0)
                .UpdateAsync(new([.. updates.SelectMany(u => u.ClosedWaves.Append(u.Summary))]));
            instruments.SetOpenIncidents(perTier);
        }

        var result = new BatchResult(batch.Count, letters.Count, redelivered, updates);
        instruments.RecordBatch(batch, letters, verdicts, result, DateTimeOffset.UtcNow);
        return result;
    }

    private (List<ComplaintFact> Facts, List<DeadLetter> Letters) Read(IReadOnlyList<RawRecord> batch)
    {
        var outcomes = new (ComplaintFact? Fact, DeadLetter? Letter)[batch.Count];
        if (batch.Count < ParallelThreshold)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                outcomes[i] = ReadOne(batch[i]);
            }
        }
        else
        {
            Parallel.For(0, batch.Count, i => outcomes[i] = ReadOne(batch[i]));
        }
        var facts = new List<ComplaintFact>(batch.Count);
        var letters = new List<DeadLetter>();
        foreach (var (fact, letter) in outcomes)
        {
            if (fact is not null)
            {
                facts.Add(fact);
            }
            else
            {
                letters.Add(letter!);
            }
        }
        return (facts, letters);
    }

    private (ComplaintFact?, DeadLetter?) ReadOne(RawRecord record)
    {
        if (!IntakeTopics.TryGetChannel(record.Topic, out var channel))
        {
            return (null, new DeadLetter(record, new ParseError(RejectReason.UnknownTopic, "$topic", $"'{record.Topic}' is not an intake topic")));
        }
        var outcome = reader.Read(channel, record.Value, record.Timestamp);
        return outcome.Fact is { } fact ? (fact, null) : (null, new DeadLetter(record, outcome.Error!));
    }

    private async Task<List<ComplaintFact>> SubmitToCustomersAsync(List<ComplaintFact> facts)
    {
        using var activity = IntakeTracing.Source.StartActivity("customers submit");
        var calls = facts
            .GroupBy(f => f.CustomerKey, StringComparer.Ordinal)
            .Select(g => grains.GetGrain<ICustomerGrain>(g.Key).SubmitAsync(new([.. g])))
            .ToArray();
        var results = await Task.WhenAll(calls);
        var verdicts = new List<ComplaintFact>(facts.Count);
        foreach (var result in results)
        {
            verdicts.AddRange(result.Value);
        }
        return verdicts;
    }

    private async Task<IncidentUpdate[]> ApplyToIncidentsAsync(List<ComplaintFact> verdicts)
    {
        using var activity = IntakeTracing.Source.StartActivity("incidents apply");
        var calls = verdicts
            .GroupBy(f => f.IncidentKey, StringComparer.Ordinal)
            .Select(g => grains.GetGrain<IIncidentGrain>(g.Key).ApplyAsync(new([.. g])))
            .ToArray();
        var updates = await Task.WhenAll(calls);
        return Array.ConvertAll(updates, u => u.Value);
    }
}
