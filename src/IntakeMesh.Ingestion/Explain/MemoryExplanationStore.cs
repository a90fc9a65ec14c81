using IntakeMesh.Core.Explain;
using IntakeMesh.Core.Intake;
using IntakeMesh.Ingestion.Pipeline;
using Microsoft.Extensions.Options;

namespace IntakeMesh.Ingestion.Explain;

/// <summary>
/// Explanations of the latest <see cref="ExplainOptions.MemoryCapacity"/> complaints, in this
/// process: the embedded default, gone at restart. The oldest complaint saved goes first.
/// </summary>
public sealed class MemoryExplanationStore(IOptions<ExplainOptions> options) : IExplanationStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(Channel Channel, string EventId), Kept> _kept = [];
    private readonly Queue<(Channel Channel, string EventId)> _order = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _kept.Count;
            }
        }
    }

    public Task SaveAsync(IReadOnlyList<ComplaintExplanation> explanations, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var explanation in explanations)
            {
                var id = (explanation.Channel, explanation.EventId);
                var redelivery = explanation.Verdict.Kind == DedupKind.Redelivery;
                if (!_kept.TryGetValue(id, out var kept))
                {
                    kept = new Kept();
                    _kept[id] = kept;
                    _order.Enqueue(id);
                }
                if (redelivery)
                {
                    kept.Redelivery ??= explanation;
                }
                else
                {
                    kept.First ??= explanation;
                }
            }
            while (_kept.Count > options.Value.MemoryCapacity && _order.TryDequeue(out var oldest))
            {
                _kept.Remove(oldest);
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ComplaintExplanation>> FindAsync(string eventId, Channel? channel, CancellationToken cancellationToken)
    {
        var found = new List<ComplaintExplanation>(2);
        lock (_lock)
        {
            foreach (var candidate in channel is { } one ? [one] : Enum.GetValues<Channel>())
            {
                if (_kept.TryGetValue((candidate, eventId), out var kept))
                {
                    if (kept.First is not null)
                    {
                        found.Add(kept.First);
                    }
                    if (kept.Redelivery is not null)
                    {
                        found.Add(kept.Redelivery);
                    }
                }
            }
        }
        return Task.FromResult<IReadOnlyList<ComplaintExplanation>>(found);
    }

    private sealed class Kept
    {
        public ComplaintExplanation? First { get; set; }
        public ComplaintExplanation? Redelivery { get; set; }
    }
}
