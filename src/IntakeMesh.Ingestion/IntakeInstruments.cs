using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using IntakeMesh.Core.Incidents;
using IntakeMesh.Core.Intake;
using IntakeMesh.Ingestion.Pipeline;

namespace IntakeMesh.Ingestion;

/// <summary>
/// Every IntakeMesh metric, created once. Names are stable: dashboards and alert rules in
/// deploy/ depend on them (the Prometheus exporter adds _total to counters and the unit suffix).
/// </summary>
public sealed class IntakeInstruments
{
    public const string MeterName = "IntakeMesh";

    private static readonly double[] LatencyBuckets =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private static readonly int[] BatchBuckets = [1, 10, 50, 100, 250, 500, 1000, 2000, 5000, 10000];

    private readonly Counter<long> _consumed;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _complaints;
    private readonly Counter<long> _escalations;
    private readonly Counter<long> _phaseTransitions;
    private readonly Histogram<double> _latency;
    private readonly Histogram<int> _batchSize;
    private readonly ConcurrentDictionary<Tier, int> _openIncidents = new();
    private readonly ConcurrentDictionary<(string Topic, int Partition), long> _lag = new();

    public IntakeInstruments(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _consumed = meter.CreateCounter<long>("intakemesh.events.consumed", description: "Records consumed, per channel.");
        _deadLettered = meter.CreateCounter<long>("intakemesh.events.deadlettered", description: "Records sent to the dead-letter topic, per reason.");
        _duplicates = meter.CreateCounter<long>("intakemesh.duplicates", description: "Duplicate complaints, per kind.");
        _complaints = meter.CreateCounter<long>("intakemesh.complaints", description: "Accepted complaints, per channel and category.");
        _escalations = meter.CreateCounter<long>("intakemesh.escalations", description: "Incident tier changes, per from and to tier.");
        _phaseTransitions = meter.CreateCounter<long>("intakemesh.phase.transitions", description: "Incident phase changes, per from and to phase.");
        _latency = meter.CreateHistogram("intakemesh.decision.latency", unit: "s",
            description: "From the record's Kafka timestamp to its incident decision.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _batchSize = meter.CreateHistogram("intakemesh.batch.size", unit: "{record}",
            description: "Records per consumed batch.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = BatchBuckets });
        meter.CreateObservableGauge("intakemesh.incidents.open", ObserveOpenIncidents, description: "Open incidents, per tier.");
        meter.CreateObservableGauge("intakemesh.consumer.lag", ObserveLag, unit: "{record}", description: "Records behind the end of each topic-partition.");
    }

    public void SetOpenIncidents(IReadOnlyDictionary<Tier, int> perTier)
    {
        foreach (var (tier, count) in perTier)
        {
            _openIncidents[tier] = count;
        }
    }

    public void SetLag(string topic, int partition, long lag) => _lag[(topic, partition)] = lag;

    public void ForgetLag(string topic, int partition) => _lag.TryRemove((topic, partition), out _);

    public void RecordBatch(IReadOnlyList<RawRecord> batch, IReadOnlyList<DeadLetter> letters, IReadOnlyList<ComplaintFact> verdicts, BatchResult result, DateTimeOffset decidedAt)
    {
        _batchSize.Record(batch.Count);
        foreach (var record in batch)
        {
            _consumed.Add(1, new KeyValuePair<string, object?>("channel", ChannelTag(record.Topic)));
        }
        foreach (var letter in letters)
        {
            _deadLettered.Add(1, new KeyValuePair<string, object?>("reason", letter.Error.Reason));
        }
        foreach (var fact in verdicts)
        {
            if (fact.Redelivered)
            {
                _duplicates.Add(1, new KeyValuePair<string, object?>("kind", "redelivery"));
                continue;
            }
            if (fact.ContactNumber > 1)
            {
                _duplicates.Add(1, new KeyValuePair<string, object?>("kind", "repeat_contact"));
            }
            _complaints.Add(1,
                new KeyValuePair<string, object?>("channel", Tag(fact.Channel)),
                new KeyValuePair<string, object?>("category", fact.Category.ToString()));
            if (fact.ReceivedAt is { } received)
            {
                _latency.Record(Math.Max(0, (decidedAt - received).TotalSeconds));
            }
        }
        foreach (var update in result.Incidents)
        {
            if (update.NewlyTemplated > 0)
            {
                _duplicates.Add(update.NewlyTemplated, new KeyValuePair<string, object?>("kind", "near_duplicate"));
            }
            foreach (var change in update.Changes)
            {
                if (change.ToTier != change.FromTier)
                {
                    _escalations.Add(1,
                        new KeyValuePair<string, object?>("from", change.FromTier.ToString()),
                        new KeyValuePair<string, object?>("to", change.ToTier.ToString()));
                }
                if (change.ToPhase != change.FromPhase)
                {
                    _phaseTransitions.Add(1,
                        new KeyValuePair<string, object?>("from", change.FromPhase.ToString()),
                        new KeyValuePair<string, object?>("to", change.ToPhase.ToString()));
                }
            }
        }
    }

    private static string ChannelTag(string topic) =>
        IntakeTopics.TryGetChannel(topic, out var channel) ? Tag(channel) : "unknown";

    private static string Tag(Channel channel) => channel switch
    {
        Channel.Phone => "phone",
        Channel.Email => "email",
        Channel.Social => "social",
        Channel.Regulator => "regulator",
        _ => "unknown",
    };

    private IEnumerable<Measurement<int>> ObserveOpenIncidents()
    {
        foreach (var tier in Enum.GetValues<Tier>())
        {
            yield return new Measurement<int>(_openIncidents.GetValueOrDefault(tier), new KeyValuePair<string, object?>("tier", tier.ToString()));
        }
    }

    private IEnumerable<Measurement<long>> ObserveLag()
    {
        foreach (var ((topic, partition), lag) in _lag)
        {
            yield return new Measurement<long>(lag,
                new KeyValuePair<string, object?>("topic", topic),
                new KeyValuePair<string, object?>("partition", partition));
        }
    }
}
