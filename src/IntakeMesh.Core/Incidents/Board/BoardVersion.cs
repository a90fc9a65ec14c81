namespace IntakeMesh.Core.Incidents.Board;

/// <summary>
/// Where the board stands: a counter that rises with every update, within an epoch that changes
/// when the board grain is activated again (its counter then restarts).
/// </summary>
public sealed record BoardVersion(string Epoch, long Number);
