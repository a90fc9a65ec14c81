namespace IntakeMesh.Core.Identity;

/// <summary>Kinds of customer identifier, strongest first: the order picks the customer key.</summary>
public enum IdentifierKind
{
    CrmId,
    Phone,
    Email,
    Handle,
}
