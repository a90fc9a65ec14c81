namespace IntakeMesh.Core.Understanding;

/// <summary>
/// Signals that a complaint may escalate beyond first-line handling (domain guide §2, §5, §6):
/// each one calls for the matching team (PR, legal, emergency response) to be told.
/// </summary>
[Flags]
public enum RiskSignals
{
    /// <summary>No risk signal found.</summary>
    None = 0,
    /// <summary>Reporters, TV, going to the press, exposing the company (曝光).</summary>
    Media = 1,
    /// <summary>Regulators, consumer hotlines and petitions (12315, 消协, 上访, CFPB).</summary>
    Regulator = 2,
    /// <summary>Lawyers and lawsuits (律师, 起诉).</summary>
    Legal = 4,
    /// <summary>Fire, burns, injury or other danger to people.</summary>
    Safety = 8,
    /// <summary>Calls for other customers to join in, hashtags, rights-defence groups (维权群).</summary>
    Mobilisation = 16,
    /// <summary>A demanded amount far above the product's price (天价索赔).</summary>
    SkyHighCompensation = 32,
}
