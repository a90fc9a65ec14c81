using IntakeMesh.Core.Explain;
using IntakeMesh.Core.Intake;

namespace IntakeMesh.Ingestion.Pipeline;

/// <summary>
/// Where complaint explanations go, a side output of the pipeline (nothing read back from it
/// changes a decision). Per complaint it keeps the first delivery's explanation and the first
/// redelivery's; saving the same again changes nothing, so a retried batch is harmless.
/// </summary>
public interface IExplanationStore
{
    /// <summary>Keeps one batch's explanations.</summary>
    Task SaveAsync(IReadOnlyList<ComplaintExplanation> explanations, CancellationToken cancellationToken);

    /// <summary>The explanations kept for an event id, on one channel or on every one; per channel the first delivery's before a redelivery's.</summary>
    Task<IReadOnlyList<ComplaintExplanation>> FindAsync(string eventId, Channel? channel, CancellationToken cancellationToken);
}
