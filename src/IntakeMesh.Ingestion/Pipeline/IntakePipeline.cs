using System.Diagnostics;
using IntakeMesh.Abstractions;
using IntakeMesh.Core.Explain;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using Microsoft.Extensions.Logging;

namespace IntakeMesh.Ingestion.Pipeline;

/// <summary>
/// One batch, one direction: read every record (in parallel), dead-letter what is bad, then one
/// call per customer grain, then one call per incident grain, then one to the board. It returns
/// only when every call succeeded, so the caller may move the offsets. Given an explanation
/// store, it then hands it every complaint's explanation in one call (a side output).
/// </summary>
public sealed partial class IntakePipeline(
    IntakeReader reader,
    IDeadLetterSink deadLetters,
    IGrainFactory grains,
    IntakeInstruments instruments,
    IExplanationStore? explanations = null,
    ILogger<IntakePipeline>? logger = null)
{
    private const int ParallelThreshold = 64;

    private readonly GrainReferences<ICustomerGrain> _customers = new(grains);
    private readonly GrainReferences<IIncidentGrain> _incidents = new(grains);

    public async Task<BatchResult> ProcessAsync(IReadOnlyList<RawRecord> batch, CancellationToken cancellationToken)
    {
        // Named and tagged by the OpenTelemetry messaging conventions.
        using var activity = IntakeTracing.Source.StartActivity("intake process", ActivityKind.Consumer);
        activity?.SetTag("messaging.system", "kafka");
        activity?.SetTag("messaging.operation.type", "process");
        activity?.SetTag("messaging.batch.message_count", batch.Count);

        var (facts, readings, letters) = Read(batch);
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

        if (explanations is not null && verdicts.Count > 0)
        {
            await ExplainAsync(verdicts, readings, updates, explanations, cancellationToken);
        }

        var result = new BatchResult(batch.Count, letters.Count, redelivered, updates);
        instruments.RecordBatch(batch, letters, verdicts, result, DateTimeOffset.UtcNow);
        return result;
    }

    /// <summary>
    /// Explains each complaint from what was decided on it (the same builder replay uses) and hands
    /// them over in one call. Not fatal: the decisions are stored already, and failing the batch
    /// would only make its complaints come back as redeliveries.
    /// </summary>
    private async Task ExplainAsync(List<ComplaintFact> verdicts, Dictionary<string, ComplaintReading> readings, IncidentUpdate[] updates,
        IExplanationStore store, CancellationToken cancellationToken)
    {
        using var activity = IntakeTracing.Source.StartActivity("explanations save");
        try
        {
            var placements = new Dictionary<string, ComplaintPlacement>(verdicts.Count, StringComparer.Ordinal);
            foreach (var update in updates)
            {
                foreach (var placement in update.Placements)
                {
                    placements[placement.ComplaintId] = placement;
                }
            }
            var built = new List<ComplaintExplanation>(verdicts.Count);
            foreach (var verdict in verdicts)
            {
                if (readings.TryGetValue(verdict.DedupId, out var reading))
                {
                    built.Add(ExplanationBuilder.Build(reading, verdict, placements.GetValueOrDefault(verdict.DedupId)));
                }
            }
            await store.SaveAsync(built, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (logger is not null)
            {
                LogExplainFailed(logger, ex, verdicts.Count);
            }
        }
    }

    private (List<ComplaintFact> Facts, Dictionary<string, ComplaintReading> Readings, List<DeadLetter> Letters) Read(IReadOnlyList<RawRecord> batch)
    {
        var outcomes = new (Understood? Understood, DeadLetter? Letter)[batch.Count];
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
        var readings = new Dictionary<string, ComplaintReading>(explanations is null ? 0 : batch.Count, StringComparer.Ordinal);
        var letters = new List<DeadLetter>();
        foreach (var (understood, letter) in outcomes)
        {
            if (understood is not null)
            {
                facts.Add(understood.Fact);
                if (explanations is not null)
                {
                    readings.TryAdd(understood.Fact.DedupId, ComplaintReading.Of(understood));
                }
            }
            else
            {
                letters.Add(letter!);
            }
        }
        return (facts, readings, letters);
    }

    private (Understood?, DeadLetter?) ReadOne(RawRecord record)
    {
        if (!IntakeTopics.TryGetChannel(record.Topic, out var channel))
        {
            return (null, new DeadLetter(record, new ParseError(RejectReason.UnknownTopic, "$topic", $"'{record.Topic}' is not an intake topic")));
        }
        var outcome = reader.Read(channel, record.Value, record.Timestamp);
        return outcome.Understood is { } understood ? (understood, null) : (null, new DeadLetter(record, outcome.Error!));
    }

    private async Task<List<ComplaintFact>> SubmitToCustomersAsync(List<ComplaintFact> facts)
    {
        using var activity = IntakeTracing.Source.StartActivity("customers submit");
        var calls = facts
            .GroupBy(f => f.CustomerKey, StringComparer.Ordinal)
            .Select(g => _customers.For(g.Key).SubmitAsync(new([.. g])))
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
            .Select(g => _incidents.For(g.Key).ApplyAsync(new([.. g])))
            .ToArray();
        var updates = await Task.WhenAll(calls);
        return Array.ConvertAll(updates, u => u.Value);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving the explanations of {Count} complaints failed; their decisions stand, their explanations are missing")]
    private static partial void LogExplainFailed(ILogger logger, Exception exception, int count);
}
