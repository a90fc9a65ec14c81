namespace IntakeMesh.Core.Incidents.Board;

/// <summary>Which incidents a board page lists by status.</summary>
public enum BoardStatus
{
    /// <summary>Open and acknowledged incidents: what needs attention.</summary>
    Open,
    /// <summary>Resolved and quietly closed incidents.</summary>
    Closed,
    /// <summary>Every incident.</summary>
    All,
}
