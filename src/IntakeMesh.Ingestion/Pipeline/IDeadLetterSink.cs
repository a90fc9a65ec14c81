namespace IntakeMesh.Ingestion.Pipeline;

/// <summary>Where refused records go, with their original bytes; returns once they are durably there.</summary>
public interface IDeadLetterSink
{
    Task SendAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken);
}
