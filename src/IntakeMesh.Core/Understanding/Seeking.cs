namespace IntakeMesh.Core.Understanding;

/// <summary>What the customer seeks from the complaint (诉求, domain guide §1).</summary>
public enum Seeking
{
    /// <summary>Money: a refund, compensation or damages (求补偿).</summary>
    Compensation,
    /// <summary>An apology, to be taken seriously, or staff held to account (求尊重重视).</summary>
    Respect,
    /// <summary>The problem fixed, replaced, explained or stopped (求事件解决).</summary>
    Resolution,
    /// <summary>No concrete ask; the customer wants to be heard (发泄).</summary>
    Venting,
}
