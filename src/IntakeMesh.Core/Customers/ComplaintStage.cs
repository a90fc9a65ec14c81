namespace IntakeMesh.Core.Customers;

/// <summary>The four management steps of one complaint (domain.md §2): 受理 → 处理 → 回复 → 回访.</summary>
public enum ComplaintStage
{
    /// <summary>受理: recorded and owned.</summary>
    Accepted,
    /// <summary>处理: someone is working on it.</summary>
    Handling,
    /// <summary>回复: the customer got an answer.</summary>
    Replied,
    /// <summary>回访: followed up after the reply; the loop is closed.</summary>
    FollowedUp,
}
