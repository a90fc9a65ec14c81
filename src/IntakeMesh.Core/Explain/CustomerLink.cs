using IntakeMesh.Core.Identity;

namespace IntakeMesh.Core.Explain;

/// <summary>The rule that linked a complaint to its customer.</summary>
public enum CustomerLinkRule
{
    /// <summary>Filed under the keyed hash of the event's strongest identifier (CRM id, then phone, email, handle).</summary>
    StrongestIdentifier,

    /// <summary>The event's strongest identifier had been linked earlier, as an alias, to a customer seen with a stronger one: filed there.</summary>
    AliasForward,
}

/// <summary>
/// Which identifiers linked a complaint to its customer, masked, and by which rule.
/// <paramref name="EventKey"/> is the key the event itself named; <paramref name="CustomerKey"/>
/// the customer it was filed under (different only when forwarded through an alias).
/// </summary>
public sealed record CustomerLink(CustomerLinkRule Rule, string CustomerKey, string EventKey, IReadOnlyList<LinkedIdentifier> Identifiers)
{
    /// <summary>The same, in a sentence.</summary>
    public string Summary
    {
        get
        {
            var key = Identifiers.FirstOrDefault(i => i.Use == IdentifierUse.Key);
            var strongest = key is null ? "its strongest identifier" : $"its strongest identifier, {Describe(key)}";
            var text = Rule == CustomerLinkRule.AliasForward
                ? $"{strongest}, had been linked earlier as an alias of {CustomerKey}, so the complaint went there"
                : $"keyed {CustomerKey} by {strongest}";
            var aliases = Identifiers.Where(i => i.Use == IdentifierUse.Alias).Select(Describe).ToList();
            return aliases.Count == 0 ? text : $"{text}; {string.Join(", ", aliases)} linked to {CustomerKey} as alias{(aliases.Count > 1 ? "es" : "")} (the first link of an identifier wins)";
        }
    }

    private static string Describe(LinkedIdentifier identifier) => $"{Name(identifier.Kind)} {identifier.Masked}";

    private static string Name(IdentifierKind kind) => kind switch
    {
        IdentifierKind.CrmId => "CRM id",
        IdentifierKind.Phone => "phone",
        IdentifierKind.Email => "email",
        _ => "handle",
    };
}
