namespace IntakeMesh.Core.Customers;

/// <summary>A customer's role in group complaints (domain.md §4–5), strongest last.</summary>
public enum CustomerRole
{
    /// <summary>普通客户: an ordinary customer.</summary>
    Ordinary,
    /// <summary>投诉专业户: complaints or compensation demands across many incidents.</summary>
    ProfessionalComplainer,
    /// <summary>On the configured watch list (黑名单, or customers of special importance).</summary>
    WatchListed,
}
