namespace IntakeMesh.Core.Understanding;

/// <summary>
/// A remedy the customer asks for: the four the company owes (修、换、退、赔) plus the two emotional
/// ones, apology and explanation.
/// </summary>
public enum DemandKind
{
    /// <summary>修: repair.</summary>
    Repair,
    /// <summary>换: replace or exchange.</summary>
    Replace,
    /// <summary>退: refund or return.</summary>
    Refund,
    /// <summary>赔: compensation or damages.</summary>
    Compensate,
    /// <summary>道歉: an apology.</summary>
    Apology,
    /// <summary>说法: an explanation or account of what happened.</summary>
    Explanation,
}
