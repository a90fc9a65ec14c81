namespace IntakeMesh.Core.Regulation;

/// <summary>The operator action that meets a stage's deadline.</summary>
public enum StopCondition
{
    /// <summary>The incident was acknowledged: the case was taken on (for example China's acceptance decision).</summary>
    Acknowledged,

    /// <summary>The incident was resolved: the final response was given. Resolving also stops acknowledged-stages still open.</summary>
    Resolved,
}
