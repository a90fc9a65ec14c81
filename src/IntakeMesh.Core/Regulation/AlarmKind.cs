namespace IntakeMesh.Core.Regulation;

/// <summary>What a regulatory alarm says.</summary>
public enum AlarmKind
{
    /// <summary>A warning fraction of the stage's time has passed; the deadline is still ahead.</summary>
    Warning,

    /// <summary>The deadline has passed with the stage still open.</summary>
    Breach,
}
